//! The guarantor scenario: the load accounts become a cooperative and live through it, one call
//! at a time, each phase a burst of that call from every account that has it to make.
//!
//! The accounts come in pairs: guarantor `g(j)` = account `2j`, ward `w(j)` = account `2j + 1`,
//! for `j` in `0..P`. Setup (Alice, by sudo: a dev chain only) makes every guarantor a founder
//! and lengthens the decision period so that the votes below meet their claims open. Then:
//!
//! | phase | who | what |
//! |---|---|---|
//! | `deposit` | every `g(j)` | deposits [`DEPOSIT`] |
//! | `vouch` | every `g(j)`, twice | vouches for `w(j)` and `w(j + 1)`: every ward is admitted by its two guarantors |
//! | `propose` | every `w(j)` | proposes an agreement: `g(j)` delivers [`DELIVERY`] worth to `w(j)` |
//! | `accept` | every `g(j)` | accepts it (the delivery commits its coverage) |
//! | `confirm` | every `w(j)` | confirms the delivery: the agreement completes |
//! | `file_claim` | every `w(j)` | claims [`CLAIM`] from `w(j + P/2)` |
//! | `vote` | every `g(j)`, twice | upholds the claims against `w(j)` and `w(j + 1)`, its two wards: it sits on both panels |
//!
//! Every phase must succeed in full before the next starts (each depends on the one before);
//! the run stops with the failures, in the runtime's words, if one does not.

use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

use pallet_agreements::{Obligation, ObligationKind};
use pallet_guarantor::{Timing, Verdict};
use poruka_runtime::{signing, AccountId, Balance, BlockNumber, Runtime, RuntimeCall, UNIT};
use sp_core::{sr25519, Blake2Hasher, Hasher, Pair};
use sp_keyring::Sr25519Keyring;

use crate::{
	rpc::Chain,
	workload::{Job, Kind},
	Error,
};

/// What each account is funded with: two guarantees (20 POR) and a deposit (20 POR) for a
/// guarantor; a claim bond (5 POR) and an agreement's storage deposit (1.2 POR) for a ward;
/// fees for both.
pub const FUNDING: Balance = 60 * UNIT;
/// Each guarantor's deposit: its own coverage, which its agreement's delivery commits.
pub const DEPOSIT: Balance = 20 * UNIT;
/// Each guarantee: the runtime's `MinGuarantee`.
pub const GUARANTEE: Balance = 10 * UNIT;
/// What each ward claims, and each panelist upholds.
pub const CLAIM: Balance = UNIT;
/// What each agreement's delivery is worth.
pub const DELIVERY: Balance = UNIT;
/// The decision period while the scenario runs: long enough for every vote to find its claim
/// open however slowly the phases before it go (on `--dev` it is 10 blocks).
const DECISION_PERIOD: BlockNumber = 600;
/// Founders per sudo batch.
const FOUNDER_BATCH: usize = 500;

/// The phases, in the order they run.
pub const PHASES: [Kind; 7] = [
	Kind::Deposit,
	Kind::Vouch,
	Kind::Propose,
	Kind::Accept,
	Kind::Confirm,
	Kind::FileClaim,
	Kind::Vote,
];

/// Guarantor `j`'s account index.
fn g(j: usize) -> usize {
	2 * j
}

/// Ward `j`'s account index.
fn w(j: usize) -> usize {
	2 * j + 1
}

/// The scenario over `accounts` (an even number of at least 4).
pub struct Cooperative {
	ids: Vec<AccountId>,
	pairs: usize,
	/// The claim against each ward, once filed.
	claims: HashMap<usize, u32>,
	/// The agreement each ward proposed, once proposed.
	agreements: HashMap<usize, u32>,
	/// The periods in force before the scenario changed them.
	timing: Option<Timing<BlockNumber>>,
}

impl Cooperative {
	/// The cooperative the `accounts` will form.
	pub fn new(accounts: &[sr25519::Pair]) -> Result<Cooperative, Error> {
		if accounts.len() < 4 || !accounts.len().is_multiple_of(2) {
			return Err(Error::new(
				"the guarantor scenario needs an even number of accounts, at least 4",
			));
		}
		Ok(Cooperative {
			ids: accounts.iter().map(|pair| pair.public().into()).collect(),
			pairs: accounts.len() / 2,
			claims: HashMap::new(),
			agreements: HashMap::new(),
			timing: None,
		})
	}

	fn id(&self, index: usize) -> AccountId {
		self.ids[index].clone()
	}

	/// Makes every guarantor a founder and sets the scenario's decision period, by Alice's
	/// sudo, and waits until the chain has both. The accounts must not be members yet.
	pub async fn found(&mut self, chain: &Chain) -> Result<(), Error> {
		let sudo_key: Option<AccountId> =
			chain.storage(&pallet_sudo::Key::<Runtime>::hashed_key(), None).await?;
		if sudo_key != Some(Sr25519Keyring::Alice.to_account_id()) {
			return Err(Error::new(
				"the guarantor scenario needs Alice as sudo (a --dev chain) to found the \
				 cooperative",
			));
		}
		for index in [g(0), w(0)] {
			if member_exists(chain, &self.ids[index]).await? {
				return Err(Error::new(format!(
					"load account {index} is a member already: the scenario needs fresh \
					 accounts (a fresh chain, or --first-account past those used)"
				)));
			}
		}
		let current: Option<Timing<BlockNumber>> =
			chain.storage(&pallet_guarantor::CurrentTiming::<Runtime>::hashed_key(), None).await?;
		// None on chain: the `Config` periods (`Pallet::timing` reads storage, which only a
		// runtime can).
		let timing = current.unwrap_or_else(pallet_guarantor::Pallet::<Runtime>::default_timing);
		self.timing = current;

		let founders: Vec<AccountId> = (0..self.pairs).map(|j| self.id(g(j))).collect();
		let mut calls: Vec<RuntimeCall> = founders
			.chunks(FOUNDER_BATCH)
			.map(|batch| {
				let calls = batch
					.iter()
					.map(|who| {
						RuntimeCall::Guarantor(pallet_guarantor::Call::add_founder {
							who: who.clone(),
						})
					})
					.collect();
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
			})
			.collect();
		calls.push(RuntimeCall::Guarantor(pallet_guarantor::Call::set_timing {
			timing: Timing { decision_period: DECISION_PERIOD, ..timing },
		}));
		as_sudo(chain, calls).await?;
		let last = founders.last().expect("at least two pairs").clone();
		// Sudo succeeds even when the call it dispatches fails: check what the calls did.
		if !member_exists(chain, &last).await? {
			return Err(Error::new("sudo could not add the load's guarantors as founders"));
		}
		let now: Option<Timing<BlockNumber>> =
			chain.storage(&pallet_guarantor::CurrentTiming::<Runtime>::hashed_key(), None).await?;
		if now.map(|t| t.decision_period) != Some(DECISION_PERIOD) {
			return Err(Error::new("sudo could not set the scenario's decision period"));
		}
		Ok(())
	}

	/// Puts back the periods the chain had before [`Cooperative::found`].
	pub async fn restore(&self, chain: &Chain) -> Result<(), Error> {
		let timing = self.timing.unwrap_or_else(|| {
			// No periods were set: the runtime's defaults were in force, and are set back
			// explicitly (the pallet has no call that clears them).
			pallet_guarantor::Pallet::<Runtime>::default_timing()
		});
		as_sudo(chain, vec![RuntimeCall::Guarantor(pallet_guarantor::Call::set_timing { timing })])
			.await
	}

	/// The phase's extrinsics, in the order they are sent. `now` is the best block's number.
	pub fn jobs(&self, kind: Kind, now: BlockNumber) -> Result<Vec<Job>, Error> {
		let p = self.pairs;
		let job = |account: usize, call: RuntimeCall| Job { account, kind, call };
		let guarantor = |call: pallet_guarantor::Call<Runtime>| RuntimeCall::Guarantor(call);
		let agreements = |call: pallet_agreements::Call<Runtime>| RuntimeCall::Agreements(call);
		let jobs = match kind {
			Kind::Transfer => return Err(Error::new("transfers are not a scenario phase")),
			Kind::Deposit => (0..p)
				.map(|j| job(g(j), guarantor(pallet_guarantor::Call::deposit { amount: DEPOSIT })))
				.collect(),
			Kind::Vouch => [0, 1]
				.into_iter()
				.flat_map(|shift| (0..p).map(move |j| (j, (j + shift) % p)))
				.map(|(j, ward)| {
					job(
						g(j),
						guarantor(pallet_guarantor::Call::vouch {
							ward: self.id(w(ward)),
							amount: GUARANTEE,
						}),
					)
				})
				.collect(),
			Kind::Propose => (0..p)
				.map(|j| {
					let obligation = Obligation {
						from: self.id(g(j)),
						to: self.id(w(j)),
						kind: ObligationKind::Delivery {
							value: DELIVERY,
							terms_hash: Blake2Hasher::hash(&(j as u64).to_le_bytes()).0,
						},
						due: now + 2 * DECISION_PERIOD,
						after: Default::default(),
					};
					let obligations = vec![obligation].try_into().expect("one obligation fits");
					let call = pallet_agreements::Call::propose {
						obligations,
						accept_by: now + DECISION_PERIOD,
					};
					job(w(j), agreements(call))
				})
				.collect(),
			Kind::Accept => (0..p)
				.map(|j| {
					let id = self.agreement(j)?;
					Ok(job(g(j), agreements(pallet_agreements::Call::accept { id })))
				})
				.collect::<Result<_, Error>>()?,
			Kind::Confirm => (0..p)
				.map(|j| {
					let id = self.agreement(j)?;
					let call = pallet_agreements::Call::confirm { id, obligation: 0 };
					Ok(job(w(j), agreements(call)))
				})
				.collect::<Result<_, Error>>()?,
			Kind::FileClaim => (0..p)
				.map(|j| {
					let evidence = Blake2Hasher::hash(&(j as u64).to_be_bytes()).0.to_vec();
					let call = pallet_guarantor::Call::file_claim {
						respondent: self.id(w((j + p / 2) % p)),
						amount: CLAIM,
						evidence: evidence.try_into().expect("32 bytes fit MaxEvidenceLen"),
						agreement: None,
					};
					job(w(j), guarantor(call))
				})
				.collect(),
			Kind::Vote => [0, 1]
				.into_iter()
				.flat_map(|shift| (0..p).map(move |j| (j, (j + shift) % p)))
				.map(|(j, ward)| {
					let claim = self.claims.get(&ward).copied().ok_or_else(|| {
						Error::new(format!("no claim was filed against ward {ward}"))
					})?;
					let verdict = Verdict::Uphold { amount: CLAIM, force_majeure: false };
					Ok(job(g(j), guarantor(pallet_guarantor::Call::vote { claim, verdict })))
				})
				.collect::<Result<_, Error>>()?,
		};
		Ok(jobs)
	}

	fn agreement(&self, j: usize) -> Result<u32, Error> {
		self.agreements
			.get(&j)
			.copied()
			.ok_or_else(|| Error::new(format!("ward {j} proposed no agreement")))
	}

	/// After a phase: learns what it created (the claims and the agreements, by who made them).
	pub async fn learn(&mut self, chain: &Chain, kind: Kind, since: u32) -> Result<(), Error> {
		let wards: HashMap<AccountId, usize> =
			(0..self.pairs).map(|j| (self.id(w(j)), j)).collect();
		match kind {
			Kind::FileClaim => {
				let next =
					next_id(chain, &pallet_guarantor::NextClaimId::<Runtime>::hashed_key()).await?;
				for id in since..next {
					let key = pallet_guarantor::Claims::<Runtime>::hashed_key_for(id);
					let claim: Option<pallet_guarantor::ClaimOf<Runtime>> =
						chain.storage(&key, None).await?;
					if let Some(j) = claim.and_then(|c| wards.get(&c.respondent).copied()) {
						self.claims.insert(j, id);
					}
				}
			}
			Kind::Propose => {
				let next =
					next_id(chain, &pallet_agreements::NextAgreementId::<Runtime>::hashed_key())
						.await?;
				for id in since..next {
					let key = pallet_agreements::Agreements::<Runtime>::hashed_key_for(id);
					let agreement: Option<pallet_agreements::AgreementOf<Runtime>> =
						chain.storage(&key, None).await?;
					if let Some(j) = agreement.and_then(|a| wards.get(&a.proposer).copied()) {
						self.agreements.insert(j, id);
					}
				}
			}
			_ => {}
		}
		Ok(())
	}

	/// The next claim or agreement id now, before a phase that creates them.
	pub async fn next_id_before(chain: &Chain, kind: Kind) -> Result<u32, Error> {
		match kind {
			Kind::FileClaim => {
				next_id(chain, &pallet_guarantor::NextClaimId::<Runtime>::hashed_key()).await
			}
			Kind::Propose => {
				next_id(chain, &pallet_agreements::NextAgreementId::<Runtime>::hashed_key()).await
			}
			_ => Ok(0),
		}
	}
}

async fn next_id(chain: &Chain, key: &[u8]) -> Result<u32, Error> {
	Ok(chain.storage::<u32>(key, None).await?.unwrap_or_default())
}

async fn member_exists(chain: &Chain, who: &AccountId) -> Result<bool, Error> {
	let key = pallet_guarantor::Members::<Runtime>::hashed_key_for(who);
	Ok(chain.storage::<pallet_guarantor::MemberOf<Runtime>>(&key, None).await?.is_some())
}

/// Sends each call as Alice's sudo, in order.
async fn as_sudo(chain: &Chain, calls: Vec<RuntimeCall>) -> Result<(), Error> {
	let alice = Sr25519Keyring::Alice.pair();
	let mut nonce = chain.next_nonce(&Sr25519Keyring::Alice.to_account_id()).await?;
	for call in calls {
		let call = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
		let signed = signing::sign(&alice, call, nonce, chain.genesis);
		chain
			.submit(&codec::Encode::encode(&signed))
			.await
			.map_err(|why| Error::new(format!("Alice's sudo call was refused: {why}")))?;
		nonce += 1;
	}
	// The last call is in once Alice's nonce on chain has moved past it.
	let alice_id = Sr25519Keyring::Alice.to_account_id();
	wait_for("Alice's sudo calls", || async {
		Ok(crate::workload::account(chain, &alice_id).await?.nonce >= nonce)
	})
	.await
}

/// Polls `done` every half second for up to two minutes.
async fn wait_for<F, Fut>(what: &str, done: F) -> Result<(), Error>
where
	F: Fn() -> Fut,
	Fut: std::future::Future<Output = Result<bool, Error>>,
{
	let deadline = Instant::now() + Duration::from_secs(120);
	while !done().await? {
		if Instant::now() > deadline {
			return Err(Error::new(format!("{what} did not reach the chain within 120 s")));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use std::collections::BTreeSet;

	use super::*;
	use crate::workload::accounts;

	fn guarantor_call(job: &Job) -> &pallet_guarantor::Call<Runtime> {
		match &job.call {
			RuntimeCall::Guarantor(call) => call,
			other => panic!("not a guarantor call: {other:?}"),
		}
	}

	#[test]
	fn every_ward_is_vouched_for_and_judged_by_the_same_two_guarantors() {
		let pairs = accounts(0, 8);
		let mut cooperative = Cooperative::new(&pairs).unwrap();
		let index: HashMap<AccountId, usize> =
			cooperative.ids.iter().cloned().enumerate().map(|(i, id)| (id, i)).collect();

		// Who vouches for whom.
		let mut vouchers: HashMap<usize, BTreeSet<usize>> = HashMap::new();
		for job in cooperative.jobs(Kind::Vouch, 10).unwrap() {
			assert_eq!(job.account % 2, 0, "guarantors vouch");
			let pallet_guarantor::Call::vouch { ward, amount } = guarantor_call(&job) else {
				panic!("not a vouch")
			};
			assert_eq!(*amount, GUARANTEE);
			vouchers.entry(index[ward]).or_default().insert(job.account);
		}
		assert_eq!(vouchers.len(), 4);
		assert!(vouchers.values().all(|set| set.len() == 2), "{vouchers:?}");

		// Each ward files one claim and answers one, never its own.
		let claims = cooperative.jobs(Kind::FileClaim, 10).unwrap();
		let mut respondents = BTreeSet::new();
		for (id, job) in claims.iter().enumerate() {
			let pallet_guarantor::Call::file_claim { respondent, .. } = guarantor_call(job) else {
				panic!("not a claim")
			};
			let respondent = index[respondent];
			assert_ne!(respondent, job.account);
			assert_eq!(respondent % 2, 1, "claims are against wards");
			// The claimant's own guarantors do not sit on the respondent's panel.
			assert!(vouchers[&respondent].is_disjoint(&vouchers[&job.account]));
			respondents.insert(respondent);
			cooperative.claims.insert(respondent / 2, id as u32);
		}
		assert_eq!(respondents.len(), 4);

		// The votes on each claim come from exactly the respondent's guarantors.
		let mut voters: HashMap<u32, BTreeSet<usize>> = HashMap::new();
		for job in cooperative.jobs(Kind::Vote, 10).unwrap() {
			let pallet_guarantor::Call::vote { claim, .. } = guarantor_call(&job) else {
				panic!("not a vote")
			};
			voters.entry(*claim).or_default().insert(job.account);
		}
		for (j, claim) in &cooperative.claims {
			assert_eq!(voters[claim], vouchers[&w(*j)], "claim {claim}");
		}
	}

	#[test]
	fn agreements_join_each_guarantor_and_its_ward_and_need_their_ids() {
		let pairs = accounts(0, 6);
		let mut cooperative = Cooperative::new(&pairs).unwrap();
		let proposals = cooperative.jobs(Kind::Propose, 100).unwrap();
		assert_eq!(proposals.len(), 3);
		for job in &proposals {
			let RuntimeCall::Agreements(pallet_agreements::Call::propose {
				obligations,
				accept_by,
			}) = &job.call
			else {
				panic!("not a proposal")
			};
			assert_eq!(*accept_by, 100 + DECISION_PERIOD);
			assert_eq!(obligations.len(), 1);
			assert_eq!(obligations[0].to, cooperative.ids[job.account]);
			assert_eq!(obligations[0].from, cooperative.ids[job.account - 1]);
			assert!(obligations[0].due > *accept_by);
		}
		assert!(cooperative.jobs(Kind::Accept, 100).is_err(), "no agreement ids learnt yet");
		cooperative.agreements.extend([(0, 7), (1, 8), (2, 9)]);
		let accepts = cooperative.jobs(Kind::Accept, 100).unwrap();
		let signers: Vec<usize> = accepts.iter().map(|job| job.account).collect();
		assert_eq!(signers, vec![0, 2, 4]);
		let confirms = cooperative.jobs(Kind::Confirm, 100).unwrap();
		let signers: Vec<usize> = confirms.iter().map(|job| job.account).collect();
		assert_eq!(signers, vec![1, 3, 5]);
	}

	#[test]
	fn the_scenario_needs_pairs() {
		assert!(Cooperative::new(&accounts(0, 3)).is_err());
		assert!(Cooperative::new(&accounts(0, 2)).is_err());
		assert!(Cooperative::new(&accounts(0, 4)).is_ok());
	}
}
