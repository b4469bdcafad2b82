//! What the fuzzer does next: every call of `Guarantor`, `Agreements`, `NodeRegistry`,
//! `ContractCommitments` and `Balances` (and `Utility` batches of them, and the root-only calls
//! through `Sudo`), calls of contracts that call the Poruka precompile (`Revive.call`), from a
//! fixed set of funded dev accounts, with arguments drawn mostly from values that mean
//! something to the rules (existing ids, the minimum guarantee, amounts near a coverage), and
//! the passing of blocks across every period.

use pallet_agreements::{Agreements, NextAgreementId, Obligation, ObligationKind};
use pallet_contract_commitments::MemberCommitments;
use pallet_guarantor::{Claims, Debts, Guarantees, Members, NextClaimId, Timing, Verdict};
use pallet_revive::{
	precompiles::alloy::{primitives::Address, sol_types::SolCall},
	AddressMapper, H160,
};
use poruka_runtime::{
	precompiles::{IPoruka, PORUKA_PRECOMPILE},
	AccountId, Balance, BlockNumber, Runtime, RuntimeCall, System, UNIT,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two};

use crate::rng::Rng;

/// The accounts that act: the dev preset's founders (Alice, Bob, Charlie), members (Dave,
/// Eve), a newcomer (Ferdie) and two accounts no one vouched for. Alice is sudo.
pub const ACCOUNTS: [Sr25519Keyring; 8] = [Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two];

/// The contracts deployed in a sequence's first block ([`crate::chain::deploy_contracts`]),
/// each a forwarder of its call data: `promisee` calls the Poruka precompile (the contract
/// members commit coverage to and that files claims), `read_only` calls it with `STATICCALL`,
/// `middleman` calls `promisee` (a contract between the signer and the promisee).
#[derive(Clone, Copy, Debug)]
pub struct Contracts {
	pub promisee: H160,
	pub read_only: H160,
	pub middleman: H160,
}

impl Contracts {
	/// How many contracts there are.
	pub fn count(&self) -> u128 {
		[self.promisee, self.read_only, self.middleman].len() as u128
	}
}

/// One step of a sequence.
#[derive(Clone, Debug)]
pub enum Step {
	/// `signer` signs `call`, applied in the current block.
	Call { signer: Sr25519Keyring, call: Box<RuntimeCall> },
	/// The current block ends and `blocks` more pass (empty but for their hooks).
	Advance { blocks: u32 },
}

/// Amounts the rules care about: dust, the minimum guarantee (10 POR), the claim bond (5),
/// coverage-sized sums, and more than anyone has.
fn amount(rng: &mut Rng) -> Balance {
	match rng.below(40) {
		0 => 0,
		1 => rng.between(1, 1_000_000_000) as Balance,
		2..=5 => 5 * UNIT,
		6..=9 => 10 * UNIT,
		10..=13 => 9 * UNIT + rng.between(0, 2 * UNIT as u64) as Balance,
		14..=25 => rng.between(1, 40) as Balance * UNIT,
		26..=33 => rng.between(40, 400) as Balance * UNIT,
		34..=37 => rng.between(1, 2_000) as Balance * UNIT / 7,
		38 => 2_000_000 * UNIT,
		_ => Balance::MAX,
	}
}

fn account(rng: &mut Rng) -> sp_runtime::AccountId32 {
	rng.pick(&ACCOUNTS).to_account_id()
}

/// One of the `live` ids (mostly), any id made so far, the next one, or one far off.
fn id(rng: &mut Rng, next: u32, live: Vec<u32>) -> u32 {
	match rng.below(20) {
		0 => next,
		1 => rng.next_u64() as u32,
		2..=5 => rng.below(u64::from(next.max(1))) as u32,
		_ if live.is_empty() => rng.below(u64::from(next.max(1))) as u32,
		_ => rng.pick(&live),
	}
}

fn claim_id(rng: &mut Rng) -> u32 {
	let open = Claims::<Runtime>::iter().filter(|(_, c)| !c.phase.is_final()).map(|(id, _)| id);
	id(rng, NextClaimId::<Runtime>::get(), open.collect())
}

fn agreement_id(rng: &mut Rng) -> u32 {
	let live =
		Agreements::<Runtime>::iter().filter(|(_, a)| !a.phase.is_closed()).map(|(id, _)| id);
	id(rng, NextAgreementId::<Runtime>::get(), live.collect())
}

/// An account that can make `call` succeed, when the call names a claim, an agreement or a
/// debt: a panelist who has not voted, the respondent, a party, the obligation's receiver.
fn fitting_signer(rng: &mut Rng, call: &RuntimeCall) -> Option<Sr25519Keyring> {
	use pallet_agreements::Call as A;
	use pallet_guarantor::Call as G;
	let party = |id: &u32| Agreements::<Runtime>::get(id).map(|a| a.parties.into_inner());
	let receiver = |id: &u32, index: &u32| {
		Agreements::<Runtime>::get(id)
			.and_then(|a| a.obligations.get(*index as usize).map(|o| vec![o.obligation.to.clone()]))
	};
	let candidates: Vec<AccountId> = match call {
		RuntimeCall::Guarantor(G::vote { claim, .. }) => {
			match pallet_guarantor::Arbitrations::<Runtime>::get(claim) {
				// In arbitration, the arbiters (the uninvolved council members) vote.
				Some(arbitration) => arbitration
					.arbiters
					.into_iter()
					.filter(|a| a.vote.is_none())
					.map(|a| a.who)
					.collect(),
				None => Claims::<Runtime>::get(claim).and_then(|c| c.levels.last().cloned()).map(
					|panel| panel.into_iter().filter(|p| p.vote.is_none()).map(|p| p.who).collect(),
				)?,
			}
		}
		RuntimeCall::Guarantor(G::acknowledge { claim, .. } | G::contest { claim, .. }) => {
			vec![Claims::<Runtime>::get(claim)?.respondent]
		}
		RuntimeCall::Guarantor(G::appeal { claim }) => {
			let claim = Claims::<Runtime>::get(claim)?;
			vec![claim.claimant, claim.respondent]
		}
		RuntimeCall::Guarantor(G::repay { creditor, .. }) => {
			Debts::<Runtime>::iter().filter(|(_, c, _)| c == creditor).map(|(d, _, _)| d).collect()
		}
		RuntimeCall::Guarantor(
			G::file_claim { .. } | G::vouch { .. } | G::deposit { .. } | G::leave {},
		) => Members::<Runtime>::iter_keys().collect(),
		RuntimeCall::Agreements(A::accept { id } | A::cancel { id }) => party(id)?,
		RuntimeCall::Agreements(
			A::confirm { id, obligation } | A::report_default { id, obligation },
		) => receiver(id, obligation)?,
		RuntimeCall::Agreements(A::propose { obligations, .. }) => {
			obligations.iter().map(|o| o.from.clone()).collect()
		}
		RuntimeCall::NodeRegistry(pallet_node_registry::Call::deregister_node { peer_id }) => {
			let node = pallet_node_registry::NodeKey::from_peer_id(peer_id)?;
			vec![pallet_node_registry::OwnerOf::<Runtime>::get(node)?]
		}
		RuntimeCall::NodeRegistry(pallet_node_registry::Call::register_node { .. }) => {
			Members::<Runtime>::iter_keys().collect()
		}
		// A commitment, a release or a claim through a contract: a member signs it.
		RuntimeCall::Revive(pallet_revive::Call::call { .. }) => {
			Members::<Runtime>::iter_keys().collect()
		}
		RuntimeCall::ContractCommitments(pallet_contract_commitments::Call::lapse { contract }) => {
			MemberCommitments::<Runtime>::iter_keys()
				.filter(|(_, c)| c == contract)
				.map(|(member, _)| member)
				.collect()
		}
		_ => return None,
	};
	let keys: Vec<Sr25519Keyring> =
		candidates.iter().filter_map(Sr25519Keyring::from_account_id).collect();
	(!keys.is_empty()).then(|| rng.pick(&keys))
}

fn verdict(rng: &mut Rng) -> Verdict<Balance> {
	if rng.chance(40) {
		Verdict::Reject
	} else {
		Verdict::Uphold { amount: amount(rng), force_majeure: rng.chance(15) }
	}
}

/// A block near now: in the past, just ahead, or across a period.
fn block(rng: &mut Rng) -> BlockNumber {
	let now = System::block_number();
	match rng.below(6) {
		0 => now.saturating_sub(rng.between(0, 5) as u32),
		1 => now + rng.between(0, 3) as u32,
		_ => now + rng.between(1, 60) as u32,
	}
}

fn timing(rng: &mut Rng) -> Timing<BlockNumber> {
	let mut period = || if rng.chance(3) { 0 } else { rng.between(1, 40) as BlockNumber };
	Timing {
		decision_period: period(),
		appeal_period: period(),
		unbonding_period: period(),
		revocation_notice: period(),
		strike_lapse: period(),
		retention: period() * 3,
		arbitration_period: period(),
	}
}

/// Some of the periods (each one given or not: sometimes none, sometimes a zero).
fn timing_changes(rng: &mut Rng) -> Timing<Option<BlockNumber>> {
	let full = timing(rng);
	let mut some = |period: BlockNumber| rng.chance(40).then_some(period);
	Timing {
		decision_period: some(full.decision_period),
		appeal_period: some(full.appeal_period),
		unbonding_period: some(full.unbonding_period),
		revocation_notice: some(full.revocation_notice),
		strike_lapse: some(full.strike_lapse),
		retention: some(full.retention),
		arbitration_period: some(full.arbitration_period),
	}
}

/// Obligations among two or three parties (mostly members), due after `accept_by` (mostly).
fn obligations(rng: &mut Rng, accept_by: BlockNumber) -> pallet_agreements::ObligationsOf<Runtime> {
	let count = if rng.chance(3) { rng.between(0, 20) } else { rng.between(1, 4) };
	let members: Vec<AccountId> = Members::<Runtime>::iter_keys().collect();
	let party = |rng: &mut Rng| {
		if members.is_empty() || rng.chance(10) {
			account(rng)
		} else {
			members[rng.below(members.len() as u64) as usize].clone()
		}
	};
	let parties = [party(rng), party(rng), party(rng)];
	let mut obligations = Vec::new();
	for index in 0..count {
		let kind = if rng.chance(50) {
			ObligationKind::Payment { amount: amount(rng) }
		} else {
			ObligationKind::Delivery { value: amount(rng), terms_hash: [rng.below(3) as u8; 32] }
		};
		let mut after = Vec::new();
		if index > 0 && rng.chance(50) {
			after.push(rng.below(index + 1) as u32);
		}
		let from = parties[rng.below(2) as usize].clone();
		let to =
			if rng.chance(5) { from.clone() } else { parties[1 + rng.below(2) as usize].clone() };
		let due = if rng.chance(10) { block(rng) } else { accept_by + rng.between(1, 30) as u32 };
		obligations.push(Obligation {
			from,
			to,
			kind,
			due,
			after: after.try_into().unwrap_or_default(),
		});
	}
	obligations.try_into().unwrap_or_default()
}

/// A call of the guarantor pallet, any signer may send it.
fn guarantor_call(rng: &mut Rng) -> RuntimeCall {
	use pallet_guarantor::Call;
	let call = match rng.below(24) {
		0 | 1 => Call::vouch { ward: account(rng), amount: amount(rng) },
		2 => Call::increase_guarantee { ward: account(rng), extra: amount(rng) },
		3 => Call::revoke_guarantee { ward: account(rng) },
		4 => {
			// Mostly a revoked guarantee, so the notice and the liability checks are reached.
			let revoked: Vec<(AccountId, AccountId)> = Guarantees::<Runtime>::iter()
				.filter(|(_, _, g)| g.release_at.is_some())
				.map(|(ward, guarantor, _)| (guarantor, ward))
				.collect();
			let (guarantor, ward) = if !revoked.is_empty() && rng.chance(80) {
				rng.pick(&revoked)
			} else {
				(account(rng), account(rng))
			};
			Call::release_guarantee { guarantor, ward }
		}
		5 => Call::deposit { amount: amount(rng) },
		6 => Call::withdraw_deposit { amount: amount(rng) },
		7 => Call::withdraw_unbonded {},
		// Leaving ends a member for the rest of the sequence: rarer than the rest.
		8 if rng.chance(30) => Call::leave {},
		8..=10 => Call::file_claim {
			respondent: account(rng),
			amount: amount(rng),
			evidence: vec![rng.below(256) as u8; rng.below(300) as usize]
				.try_into()
				.unwrap_or_default(),
			agreement: rng.chance(20).then(|| agreement_id(rng)),
		},
		11 => Call::acknowledge { claim: claim_id(rng), use_free_balance: rng.chance(50) },
		12 => Call::contest {
			claim: claim_id(rng),
			counter_claim: rng.chance(40).then(|| amount(rng)),
		},
		13..=17 => Call::vote { claim: claim_id(rng), verdict: verdict(rng) },
		18 => Call::appeal { claim: claim_id(rng) },
		19 => {
			// Mostly a creditor someone owes (the debtor then signs: `fitting_signer`).
			let creditors: Vec<AccountId> = Debts::<Runtime>::iter().map(|(_, c, _)| c).collect();
			let creditor = if !creditors.is_empty() && rng.chance(80) {
				rng.pick(&creditors)
			} else {
				account(rng)
			};
			Call::repay { creditor, amount: amount(rng) }
		}
		20 => Call::clear_strikes { who: account(rng) },
		_ => Call::resolve { claim: claim_id(rng), verdict: verdict(rng) },
	};
	RuntimeCall::Guarantor(call)
}

fn agreements_call(rng: &mut Rng) -> RuntimeCall {
	use pallet_agreements::Call;
	let call = match rng.below(6) {
		0 | 1 => {
			let accept_by = block(rng);
			Call::propose { obligations: obligations(rng, accept_by), accept_by }
		}
		2 => Call::accept { id: agreement_id(rng) },
		3 => Call::confirm { id: agreement_id(rng), obligation: rng.below(5) as u32 },
		4 => Call::report_default { id: agreement_id(rng), obligation: rng.below(5) as u32 },
		_ => Call::cancel { id: agreement_id(rng) },
	};
	RuntimeCall::Agreements(call)
}

fn balances_call(rng: &mut Rng) -> RuntimeCall {
	use pallet_balances::Call;
	let dest = sp_runtime::MultiAddress::Id(account(rng));
	// Emptying an account is rare: a drained account can no longer pay a fee and drops out.
	let call = match rng.below(20) {
		0..=8 => Call::transfer_allow_death { dest, value: amount(rng) },
		9..=17 => Call::transfer_keep_alive { dest, value: amount(rng) },
		18 => Call::transfer_all { dest, keep_alive: rng.chance(50) },
		_ => Call::upgrade_accounts { who: vec![account(rng)] },
	};
	RuntimeCall::Balances(call)
}

/// A call only root may make (the founder, arbiter and timing origins, forced transfers), or
/// `Guarantor::resolve` as above.
fn root_call(rng: &mut Rng) -> RuntimeCall {
	match rng.below(6) {
		5 => {
			let nodes = (0..rng.below(4)).map(|_| peer_id(rng)).collect();
			RuntimeCall::NodeRegistry(pallet_node_registry::Call::set_infra_nodes {
				peer_ids: frame_support::BoundedVec::truncate_from(nodes),
			})
		}
		0 => RuntimeCall::Guarantor(pallet_guarantor::Call::add_founder { who: account(rng) }),
		1 if rng.chance(50) => {
			RuntimeCall::Guarantor(pallet_guarantor::Call::set_timing { timing: timing(rng) })
		}
		1 => RuntimeCall::Guarantor(pallet_guarantor::Call::change_timing {
			changes: timing_changes(rng),
		}),
		2 => RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: sp_runtime::MultiAddress::Id(account(rng)),
			dest: sp_runtime::MultiAddress::Id(account(rng)),
			value: amount(rng),
		}),
		_ => RuntimeCall::Guarantor(pallet_guarantor::Call::resolve {
			claim: claim_id(rng),
			verdict: verdict(rng),
		}),
	}
}

/// The peer id of one of a few nodes (so that registrations collide), or bytes that are not
/// a peer id.
fn peer_id(rng: &mut Rng) -> pallet_node_registry::PeerIdBytes {
	let bytes = if rng.chance(90) {
		pallet_node_registry::NodeKey([rng.below(6) as u8; 32]).peer_id().to_vec()
	} else {
		(0..rng.below(40)).map(|_| rng.below(256) as u8).collect()
	};
	pallet_node_registry::PeerIdBytes::truncate_from(bytes)
}

/// A call of the members' network: registering, deregistering or pruning nodes.
fn node_registry_call(rng: &mut Rng) -> RuntimeCall {
	use pallet_node_registry::Call;
	let call = match rng.below(4) {
		0 | 1 => Call::register_node { peer_id: peer_id(rng) },
		2 => Call::deregister_node { peer_id: peer_id(rng) },
		_ => Call::prune_nodes { member: account(rng) },
	};
	RuntimeCall::NodeRegistry(call)
}

/// The 20-byte address a contract sees for one of the accounts.
fn address(rng: &mut Rng) -> Address {
	let h160 = <Runtime as pallet_revive::Config>::AddressMapper::to_address(&account(rng));
	h160.0.into()
}

/// What a contract asks of the Poruka precompile: mostly commitments, releases and claims
/// (the writes), sometimes a read, sometimes bytes that are no function of it.
fn precompile_input(rng: &mut Rng) -> Vec<u8> {
	match rng.below(12) {
		0..=3 => IPoruka::commitCall { amount: amount(rng), until: block(rng) }.abi_encode(),
		4 | 5 => IPoruka::releaseCall { member: address(rng), amount: amount(rng) }.abi_encode(),
		6..=8 => IPoruka::fileClaimCall {
			respondent: address(rng),
			amount: amount(rng),
			evidence: vec![rng.below(256) as u8; rng.below(300) as usize].into(),
		}
		.abi_encode(),
		9 => IPoruka::coverageOfCall { member: address(rng) }.abi_encode(),
		10 => IPoruka::claimStatusCall { claimId: claim_id(rng) }.abi_encode(),
		_ => (0..rng.below(40)).map(|_| rng.below(256) as u8).collect(),
	}
}

/// A call of a contract (`Revive.call`): mostly of the promisee, sometimes of the read-only
/// forwarder, of the middleman, of the precompile itself (no contract in between) or of an
/// address with no code; or a commitment's lapse.
fn contract_call(rng: &mut Rng, contracts: &Contracts) -> RuntimeCall {
	if rng.chance(15) {
		let contract = if rng.chance(90) { contracts.promisee } else { contracts.middleman };
		return RuntimeCall::ContractCommitments(pallet_contract_commitments::Call::lapse {
			contract,
		});
	}
	let dest = match rng.below(12) {
		0 => contracts.read_only,
		1 => contracts.middleman,
		2 => PORUKA_PRECOMPILE,
		3 => H160::repeat_byte(rng.below(3) as u8 + 1),
		_ => contracts.promisee,
	};
	RuntimeCall::Revive(pallet_revive::Call::call {
		dest,
		value: 0,
		// Enough for the costliest write (a claim against a respondent with the most
		// guarantors); the unused part is refunded.
		weight_limit: frame_support::weights::Weight::from_parts(20_000_000_000, 2 << 20),
		storage_deposit_limit: 10 * UNIT,
		data: precompile_input(rng),
	})
}

/// Any call a signed account may send.
fn call(rng: &mut Rng, contracts: &Contracts) -> RuntimeCall {
	match rng.below(23) {
		0..=10 => guarantor_call(rng),
		11..=15 => agreements_call(rng),
		16 | 17 => balances_call(rng),
		20 => node_registry_call(rng),
		21 | 22 => contract_call(rng, contracts),
		18 => {
			let calls = (0..rng.between(1, 4)).map(|_| guarantor_call(rng)).collect();
			if rng.chance(50) {
				RuntimeCall::Utility(pallet_utility::Call::batch { calls })
			} else {
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			}
		}
		_ => {
			let call = Box::new(root_call(rng));
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call })
		}
	}
}

/// The next step: mostly a call, sometimes the end of the block, sometimes many blocks.
pub fn next_step(rng: &mut Rng, contracts: &Contracts) -> Step {
	match rng.below(100) {
		0..=79 => {
			// Sudo calls mostly from Alice, the sudo key; others mostly from an account that
			// fits the call; the rest from anyone.
			let call = call(rng, contracts);
			let signer = if matches!(call, RuntimeCall::Sudo(_)) && rng.chance(90) {
				Alice
			} else if rng.chance(75) {
				fitting_signer(rng, &call).unwrap_or_else(|| rng.pick(&ACCOUNTS))
			} else {
				rng.pick(&ACCOUNTS)
			};
			Step::Call { signer, call: Box::new(call) }
		}
		80..=91 => Step::Advance { blocks: 0 },
		92..=97 => Step::Advance { blocks: rng.between(1, 12) as u32 },
		_ => Step::Advance { blocks: rng.between(12, 150) as u32 },
	}
}
