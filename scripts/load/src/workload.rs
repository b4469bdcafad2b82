//! The load's accounts and what they sign: derived from one seed so any run can find them
//! again, funded by Alice before the clock starts, and every extrinsic signed in advance with
//! the nonce it will have.

use std::{
	collections::HashMap,
	time::{Duration, Instant},
};

use codec::Encode;
use poruka_runtime::{
	signing, AccountId, Balance, BalancesCall, Nonce, Runtime, RuntimeCall, UncheckedExtrinsic,
	MILLI_UNIT, UNIT,
};
use sp_core::{sr25519, Blake2Hasher, Hasher, Pair, H256};
use sp_keyring::Sr25519Keyring;

use crate::{rpc::Chain, Error};

/// What each account funds itself with: fees for a thousand transfers and more.
pub const FUNDING: Balance = 10 * UNIT;
/// What one load transfer moves (the existential deposit, to an account that exists).
pub const TRANSFER: Balance = MILLI_UNIT;
/// Transfers per funding transaction (`utility.batch_all` from Alice).
const FUNDING_BATCH: usize = 500;

/// A kind of call the load sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
	/// `balances.transfer_keep_alive` of [`TRANSFER`] to the next load account.
	Transfer,
	/// `guarantor.deposit` (the guarantor scenario: see [`crate::scenario`]).
	Deposit,
	/// `guarantor.vouch`.
	Vouch,
	/// `agreements.propose`.
	Propose,
	/// `agreements.accept`.
	Accept,
	/// `agreements.confirm`.
	Confirm,
	/// `guarantor.file_claim`.
	FileClaim,
	/// `guarantor.vote`.
	Vote,
}

impl Kind {
	/// The call's name, as the report shows it.
	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer_keep_alive",
			Kind::Deposit => "deposit",
			Kind::Vouch => "vouch",
			Kind::Propose => "propose",
			Kind::Accept => "accept",
			Kind::Confirm => "confirm",
			Kind::FileClaim => "file_claim",
			Kind::Vote => "vote",
		}
	}

	/// Parses the names given on the command line: a call's name, `guarantor` (every phase of
	/// the guarantor scenario) or `all` (transfers and the scenario).
	pub fn parse(names: &[String]) -> Result<Vec<Kind>, Error> {
		let mut kinds = Vec::new();
		for name in names {
			match name.as_str() {
				"all" => {
					kinds.push(Kind::Transfer);
					kinds.extend(crate::scenario::PHASES);
				}
				"guarantor" => kinds.extend(crate::scenario::PHASES),
				"transfer" => kinds.push(Kind::Transfer),
				other => kinds.push(
					Self::ALL.into_iter().find(|kind| kind.name() == other).ok_or_else(|| {
						Error::new(format!(
							"no such load call: {other} (known: transfer, deposit, vouch, \
							 propose, accept, confirm, file_claim, vote, guarantor, all)"
						))
					})?,
				),
			}
		}
		kinds.sort();
		kinds.dedup();
		Ok(kinds)
	}

	/// Every kind, transfers first and then the scenario's phases in order.
	pub const ALL: [Kind; 8] = [
		Kind::Transfer,
		Kind::Deposit,
		Kind::Vouch,
		Kind::Propose,
		Kind::Accept,
		Kind::Confirm,
		Kind::FileClaim,
		Kind::Vote,
	];
}

/// One extrinsic to sign: account `account` of the load makes `call`.
pub struct Job {
	pub account: usize,
	pub kind: Kind,
	pub call: RuntimeCall,
}

/// `per_account` rounds of transfers: in each, every account sends [`TRANSFER`] to the next.
pub fn transfers(accounts: &[sr25519::Pair], per_account: usize) -> Vec<Job> {
	let ids: Vec<AccountId> = accounts.iter().map(|pair| pair.public().into()).collect();
	(0..per_account)
		.flat_map(|_| 0..ids.len())
		.map(|i| Job {
			account: i,
			kind: Kind::Transfer,
			call: RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
				dest: ids[(i + 1) % ids.len()].clone().into(),
				value: TRANSFER,
			}),
		})
		.collect()
}

/// A signed extrinsic ready to send.
pub struct Signed {
	/// The load account that signed it.
	pub account: usize,
	pub kind: Kind,
	pub hash: H256,
	pub encoded: Vec<u8>,
}

impl Signed {
	fn new(account: usize, kind: Kind, extrinsic: UncheckedExtrinsic) -> Signed {
		let encoded = extrinsic.encode();
		Signed { account, kind, hash: Blake2Hasher::hash(&encoded), encoded }
	}
}

/// The `count` load accounts from `//Load//{first}` on: `//Load//0`, `//Load//1`, ... (dev
/// keys: anyone can sign for them, so they are for test chains only).
pub fn accounts(first: usize, count: usize) -> Vec<sr25519::Pair> {
	(first..first + count)
		.map(|i| sr25519::Pair::from_string(&format!("//Load//{i}"), None).expect("a valid URI"))
		.collect()
}

/// Alice gives each account that has less than half of `funding` that much, in batches, and
/// waits until the last one holds it.
pub async fn fund(
	chain: &Chain,
	accounts: &[sr25519::Pair],
	funding: Balance,
) -> Result<(), Error> {
	let mut needy = Vec::new();
	for pair in accounts {
		let who: AccountId = pair.public().into();
		if account(chain, &who).await?.data.free < funding / 2 {
			needy.push(who);
		}
	}
	let Some(last) = needy.last().cloned() else { return Ok(()) };
	let alice = Sr25519Keyring::Alice.pair();
	let mut nonce = chain.next_nonce(&Sr25519Keyring::Alice.to_account_id()).await?;
	for batch in needy.chunks(FUNDING_BATCH) {
		let calls = batch
			.iter()
			.map(|who| {
				RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
					dest: who.clone().into(),
					value: funding,
				})
			})
			.collect();
		let call = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls });
		let signed = signing::sign(&alice, call, nonce, chain.genesis);
		chain
			.submit(&signed.encode())
			.await
			.map_err(|why| Error::new(format!("Alice's funding was refused: {why}")))?;
		nonce += 1;
	}
	let deadline = Instant::now() + Duration::from_secs(120);
	while account(chain, &last).await?.data.free < funding / 2 {
		if Instant::now() > deadline {
			return Err(Error::new("the load accounts were not funded within 120 s"));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(())
}

/// What the chain records for `who` at the best block: its nonce and balances.
pub async fn account(
	chain: &Chain,
	who: &AccountId,
) -> Result<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>, Error> {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	Ok(chain.storage(&key, None).await?.unwrap_or_default())
}

/// Every job signed by its account, in order: each account's jobs get its next nonces in the
/// order they come, so that sending them in order reaches the pool in nonce order.
pub async fn sign(
	chain: &Chain,
	accounts: &[sr25519::Pair],
	jobs: Vec<Job>,
) -> Result<Vec<Signed>, Error> {
	let mut next: HashMap<usize, Nonce> = HashMap::new();
	let mut nonced = Vec::with_capacity(jobs.len());
	for job in jobs {
		let nonce = match next.get_mut(&job.account) {
			Some(nonce) => nonce,
			None => {
				let who: AccountId = accounts[job.account].public().into();
				next.entry(job.account).or_insert(chain.next_nonce(&who).await?)
			}
		};
		nonced.push((job, *nonce));
		*nonce += 1;
	}
	let genesis = chain.genesis;
	// Signing is the slow part: spread it over the machine's cores.
	let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
	let chunk = nonced.len().div_ceil(threads).max(1);
	let signed = std::thread::scope(|scope| {
		let workers: Vec<_> = nonced
			.chunks(chunk)
			.map(|part| {
				scope.spawn(move || {
					part.iter()
						.map(|(job, nonce)| {
							let extrinsic = signing::sign(
								&accounts[job.account],
								job.call.clone(),
								*nonce,
								genesis,
							);
							Signed::new(job.account, job.kind, extrinsic)
						})
						.collect::<Vec<_>>()
				})
			})
			.collect();
		workers.into_iter().flat_map(|w| w.join().expect("a signer thread")).collect()
	});
	Ok(signed)
}
