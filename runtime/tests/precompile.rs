//! The Poruka precompile, called by contracts: every function, every refusal, and the attacks
//! a contract (or its caller) might try. The contracts are hand-assembled EVM forwarders
//! (`poruka_runtime::test_contracts`): each passes its call data to a target (the precompile,
//! or another forwarder) with `CALL`, `STATICCALL` or `DELEGATECALL`, and returns or reverts
//! with what it got back, so that a test drives each precompile function through a real
//! contract with input encoded from `contracts/IPoruka.sol`.

mod common;

use common::{check_invariants, dev_chain, id, run_to_block, signed};
use frame_support::{assert_ok, weights::Weight};
use pallet_contract_commitments::{Commitment, Event as CommitmentsEvent, MemberCommitments};
use pallet_guarantor::Verdict;
use pallet_revive::{
	precompiles::alloy::sol_types::{Revert, SolCall, SolError},
	AddressMapper, ExecConfig, TransactionLimits, H160, U256,
};
use poruka_primitives::ClaimSubject;
use poruka_runtime::{
	genesis_config_presets::DEV_TIMING,
	precompiles::{IPoruka, PORUKA_PRECOMPILE},
	test_contracts::{forwarder, Via},
	Balances, ContractCommitments, Guarantor, Revive, Runtime, RuntimeEvent, System, UNIT,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Dave, Eve, Ferdie};

fn limits() -> TransactionLimits<Runtime> {
	TransactionLimits::WeightAndDeposit {
		weight_limit: Weight::from_parts(200_000_000_000, 10 * 1024 * 1024),
		deposit_limit: 100 * UNIT,
	}
}

/// Deploys `code` from Alice; the contract's address.
fn deploy(code: Vec<u8>) -> H160 {
	let result = Revive::bare_instantiate(
		signed(Alice),
		U256::zero(),
		limits(),
		pallet_revive::Code::Upload(code),
		vec![],
		None,
		&ExecConfig::new_substrate_tx(),
	);
	// As a transaction would: the next contract Alice deploys gets the next address.
	frame_system::Pallet::<Runtime>::inc_account_nonce(id(Alice));
	result.result.expect("the forwarder deploys").addr
}

/// `who` calls `contract` with `data`, as a transaction would: the whole result, with the
/// weight the call consumed.
fn transact(
	who: Sr25519Keyring,
	contract: H160,
	data: Vec<u8>,
) -> pallet_revive::ContractResult<pallet_revive::ExecReturnValue, u128> {
	Revive::bare_call(
		signed(who),
		contract,
		U256::zero(),
		limits(),
		data,
		&ExecConfig::new_substrate_tx(),
	)
}

/// What a call answered: its return data, or the reason it reverted with.
fn call(who: Sr25519Keyring, contract: H160, data: Vec<u8>) -> Result<Vec<u8>, String> {
	let output = transact(who, contract, data).result.map_err(|e| format!("{e:?}"))?;
	if output.did_revert() {
		Err(Revert::abi_decode(&output.data)
			.map(|revert| revert.reason)
			.unwrap_or_else(|_| format!("reverted without a reason: {:?}", output.data)))
	} else {
		Ok(output.data)
	}
}

/// The 20-byte address of a dev account.
fn address(who: Sr25519Keyring) -> pallet_revive::precompiles::alloy::primitives::Address {
	let h160 = <Runtime as pallet_revive::Config>::AddressMapper::to_address(&id(who));
	h160.0.into()
}

fn addr(h160: H160) -> pallet_revive::precompiles::alloy::primitives::Address {
	h160.0.into()
}

/// A forwarder to the precompile.
fn promisee() -> H160 {
	deploy(forwarder(PORUKA_PRECOMPILE, Via::Call))
}

fn commit(amount: u128, until: u32) -> Vec<u8> {
	IPoruka::commitCall { amount, until }.abi_encode()
}

fn commitment_events() -> Vec<CommitmentsEvent<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ContractCommitments(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn reads_answer_any_caller() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		let read = |data: Vec<u8>| call(Ferdie, proxy, data).expect("a read answers");
		let active = |who| {
			IPoruka::isActiveMemberCall::abi_decode_returns(&read(
				IPoruka::isActiveMemberCall { member: address(who) }.abi_encode(),
			))
			.unwrap()
		};
		assert!(active(Dave));
		assert!(!active(Ferdie), "Ferdie is no member");
		let coverage = IPoruka::coverageOfCall::abi_decode_returns(&read(
			IPoruka::coverageOfCall { member: address(Dave) }.abi_encode(),
		))
		.unwrap();
		assert_eq!(coverage, 200 * UNIT, "Dave's two guarantees of 100 POR");
		let committed = IPoruka::committedOfCall::abi_decode_returns(&read(
			IPoruka::committedOfCall { member: address(Dave) }.abi_encode(),
		))
		.unwrap();
		assert_eq!(committed, 0);
		let none = IPoruka::claimStatusCall::abi_decode_returns(&read(
			IPoruka::claimStatusCall { claimId: 9 }.abi_encode(),
		))
		.unwrap();
		assert!(!none.exists);
		let commitment = IPoruka::commitmentOfCall::abi_decode_returns(&read(
			IPoruka::commitmentOfCall { member: address(Dave), promisee: addr(proxy) }.abi_encode(),
		))
		.unwrap();
		assert_eq!((commitment.amount, commitment.until, commitment.openClaims), (0, 0, 0));
	});
}

#[test]
fn the_signer_commits_coverage_to_the_contract_it_called() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		assert_ok!(call(Dave, proxy, commit(150 * UNIT, 100)));
		assert_eq!(
			MemberCommitments::<Runtime>::get(id(Dave), proxy),
			Some(Commitment { amount: 150 * UNIT, until: 100, open_claims: 0, claimed: 0 })
		);
		assert!(commitment_events().contains(&CommitmentsEvent::Committed {
			member: id(Dave),
			contract: proxy,
			amount: 150 * UNIT,
			total: 150 * UNIT,
			until: 100,
		}));
		// The guarantor pallet counts it: Dave's coverage cannot walk away now.
		let committed = IPoruka::committedOfCall::abi_decode_returns(
			&call(Ferdie, proxy, IPoruka::committedOfCall { member: address(Dave) }.abi_encode())
				.unwrap(),
		)
		.unwrap();
		assert_eq!(committed, 150 * UNIT);
		// Only 50 is free; a bad period and a non-member are refused, each with its reason.
		assert_eq!(call(Dave, proxy, commit(51 * UNIT, 100)), Err("InsufficientCoverage".into()));
		assert_eq!(call(Dave, proxy, commit(UNIT, 1)), Err("BadPeriod".into()));
		assert_eq!(call(Dave, proxy, commit(0, 100)), Err("ZeroAmount".into()));
		assert_eq!(call(Ferdie, proxy, commit(UNIT, 100)), Err("NotActiveMember".into()));
		// The contract releases part of it.
		let release =
			IPoruka::releaseCall { member: address(Dave), amount: 100 * UNIT }.abi_encode();
		assert_ok!(call(Ferdie, proxy, release.clone()));
		assert_eq!(
			MemberCommitments::<Runtime>::get(id(Dave), proxy).map(|c| c.amount),
			Some(50 * UNIT)
		);
		assert_eq!(call(Ferdie, proxy, release), Err("ExceedsCommitment".into()));
		let from_elsewhere = promisee();
		assert_eq!(
			call(
				Ferdie,
				from_elsewhere,
				IPoruka::releaseCall { member: address(Dave), amount: UNIT }.abi_encode()
			),
			Err("NoCommitment".into()),
			"a contract releases only commitments to itself"
		);
		check_invariants();
	});
}

#[test]
fn a_contract_cannot_act_for_a_member_that_did_not_call_it() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		// Dave calls an innocent-looking contract that calls the promisee: the promisee's
		// caller is a contract, not Dave, so it cannot commit Dave's coverage.
		let outer = deploy(forwarder(proxy, Via::Call));
		assert_eq!(call(Dave, outer, commit(UNIT, 100)), Err("NotSignerCall".into()));
		// Nor through a delegate call, in which a library would act in the caller's name.
		let library = deploy(forwarder(PORUKA_PRECOMPILE, Via::DelegateCall));
		assert!(call(Dave, library, commit(UNIT, 100)).is_err());
		// Calling the precompile directly, with no contract in between, commits nothing.
		assert_eq!(
			call(Dave, PORUKA_PRECOMPILE, commit(UNIT, 100)),
			Err("CallerNotContract".into())
		);
		assert!(MemberCommitments::<Runtime>::iter().next().is_none());
		// And a read-only (static) call cannot write.
		let viewer = deploy(forwarder(PORUKA_PRECOMPILE, Via::StaticCall));
		assert!(call(Dave, viewer, commit(UNIT, 100)).is_err());
		assert!(MemberCommitments::<Runtime>::iter().next().is_none());
		let filing = IPoruka::fileClaimCall {
			respondent: address(Dave),
			amount: UNIT,
			evidence: Default::default(),
		}
		.abi_encode();
		assert!(call(Eve, viewer, filing.clone()).is_err());
		assert_eq!(call(Eve, outer, filing), Err("NotSignerCall".into()));
		check_invariants();
	});
}

#[test]
fn a_broken_promise_becomes_a_claim_judged_by_the_respondents_guarantors() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		assert_ok!(call(Dave, proxy, commit(100 * UNIT, 200)));
		let eve_before = Balances::free_balance(id(Eve));
		let filing = |amount| {
			IPoruka::fileClaimCall {
				respondent: address(Dave),
				amount,
				evidence: b"share unpaid".to_vec().into(),
			}
			.abi_encode()
		};
		assert_eq!(call(Eve, proxy, filing(101 * UNIT)), Err("ExceedsCommitment".into()));
		let claim = IPoruka::fileClaimCall::abi_decode_returns(
			&call(Eve, proxy, filing(80 * UNIT)).unwrap(),
		)
		.unwrap();
		let status = pallet_guarantor::Claims::<Runtime>::get(claim).expect("filed");
		assert_eq!((status.claimant, status.respondent), (id(Eve), id(Dave)));
		assert_eq!(status.subject, Some(ClaimSubject::Contract(proxy)));
		assert_eq!(Guarantor::claim_subject(claim), Some(ClaimSubject::Contract(proxy)));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Guarantor(pallet_guarantor::Event::ClaimFiled { contract: Some(c), .. })
				if *c == proxy
		)));
		let read_status = || {
			IPoruka::claimStatusCall::abi_decode_returns(
				&call(Ferdie, proxy, IPoruka::claimStatusCall { claimId: claim }.abi_encode())
					.unwrap(),
			)
			.unwrap()
		};
		let open = read_status();
		assert!(open.exists);
		assert_eq!((open.phase, open.level, open.verdict), (0, 1, 0));

		// Dave's guarantors, Alice and Bob, uphold it; after the appeal period it is paid.
		let uphold = Verdict::Uphold { amount: 80 * UNIT, force_majeure: false };
		assert_ok!(Guarantor::vote(signed(Alice), claim, uphold));
		assert_ok!(Guarantor::vote(signed(Bob), claim, uphold));
		let decided = read_status();
		assert_eq!((decided.phase, decided.verdict, decided.upheld), (2, 1, 80 * UNIT));
		run_to_block(System::block_number() + DEV_TIMING.appeal_period + 1);
		let paid = read_status();
		assert_eq!(
			(paid.phase, paid.verdict, paid.upheld, paid.compensated),
			(4, 1, 80 * UNIT, 80 * UNIT)
		);
		// The harmed member got the payout (its bond back too), and the outcome came back to
		// the contract's commitment: 80 of Dave's 100 is settled.
		assert!(Balances::free_balance(id(Eve)) >= eve_before + 80 * UNIT - UNIT);
		assert_eq!(
			MemberCommitments::<Runtime>::get(id(Dave), proxy),
			Some(Commitment { amount: 20 * UNIT, until: 200, open_claims: 0, claimed: 0 })
		);
		assert!(commitment_events().iter().any(|e| matches!(
			e,
			CommitmentsEvent::ClaimSettled { settled, remaining, .. }
				if *settled == 80 * UNIT && *remaining == 20 * UNIT
		)));
		check_invariants();
	});
}

/// The precompile charges a claim's filing at the most guarantors a respondent can have before
/// it files, and gives back what the filing did not take: Dave has two.
#[test]
fn a_filed_claim_is_charged_its_filing_not_the_worst_case() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		assert_ok!(call(Dave, proxy, commit(100 * UNIT, 200)));
		let data = IPoruka::fileClaimCall {
			respondent: address(Dave),
			amount: 10 * UNIT,
			evidence: b"share unpaid".to_vec().into(),
		}
		.abi_encode();
		let result = transact(Eve, proxy, data);
		let output = result.result.expect("the call runs");
		assert!(!output.did_revert(), "the claim is filed");
		let claim = IPoruka::fileClaimCall::abi_decode_returns(&output.data).unwrap();
		let worst = ContractCommitments::file_claim_weight();
		let filed = ContractCommitments::filed_claim_weight(claim);
		assert!(filed.ref_time() < worst.ref_time() / 2, "{filed:?} against {worst:?}");
		let consumed = result.weight_consumed;
		assert!(consumed.ref_time() >= filed.ref_time(), "the filing is charged");
		assert!(
			consumed.ref_time() < worst.ref_time(),
			"the worst case is refunded: {consumed:?} against {worst:?}"
		);
	});
}

#[test]
fn a_claim_needs_the_claim_bond_and_an_active_signer() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		assert_ok!(call(Dave, proxy, commit(100 * UNIT, 200)));
		let filing = IPoruka::fileClaimCall {
			respondent: address(Dave),
			amount: 10 * UNIT,
			evidence: Default::default(),
		}
		.abi_encode();
		// Ferdie is no member.
		assert_eq!(call(Ferdie, proxy, filing.clone()), Err("NotActiveMember".into()));
		// Eve cannot post the claim bond: she keeps too little.
		let keep = Balances::free_balance(id(Eve)) - UNIT;
		assert_ok!(Balances::transfer_allow_death(signed(Eve), id(Ferdie).into(), keep));
		assert!(call(Eve, proxy, filing).is_err());
		assert!(pallet_guarantor::Claims::<Runtime>::iter().next().is_none());
		assert_eq!(
			MemberCommitments::<Runtime>::get(id(Dave), proxy).map(|c| c.open_claims),
			Some(0)
		);
		check_invariants();
	});
}

#[test]
fn a_member_committed_to_a_contract_cannot_leave_or_lapse_early() {
	dev_chain().execute_with(|| {
		let proxy = promisee();
		assert_ok!(call(Dave, proxy, commit(100 * UNIT, 50)));
		assert!(Guarantor::leave(signed(Dave)).is_err(), "coverage backs an open promise");
		assert!(poruka_runtime::ContractCommitments::lapse(signed(Dave), proxy).is_err());
		run_to_block(51);
		assert_ok!(poruka_runtime::ContractCommitments::lapse(signed(Dave), proxy));
		assert_eq!(MemberCommitments::<Runtime>::get(id(Dave), proxy), None);
		check_invariants();
	});
}
