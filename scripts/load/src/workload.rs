//! The load's accounts and what they sign: derived from one seed so any run can find them
//! again, funded by Alice before the clock starts, and every extrinsic signed in advance with
//! the nonce it will have.

use std::time::{Duration, Instant};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
	/// `balances.transfer_keep_alive` of [`TRANSFER`] to the next load account.
	Transfer,
}

impl Kind {
	/// The call's name, as the report shows it.
	pub fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer_keep_alive",
		}
	}

	/// Parses a name given on the command line.
	pub fn parse(name: &str) -> Result<Kind, Error> {
		match name {
			"transfer" | "transfer_keep_alive" => Ok(Kind::Transfer),
			other => Err(Error::new(format!("no such load call: {other} (known: transfer)"))),
		}
	}

	/// The call the `index`th of `accounts` makes in round `round`.
	fn call(self, index: usize, accounts: &[AccountId], _round: usize) -> RuntimeCall {
		match self {
			Kind::Transfer => RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
				dest: accounts[(index + 1) % accounts.len()].clone().into(),
				value: TRANSFER,
			}),
		}
	}
}

/// A signed extrinsic ready to send.
pub struct Signed {
	pub kind: Kind,
	pub hash: H256,
	pub encoded: Vec<u8>,
}

impl Signed {
	fn new(kind: Kind, extrinsic: UncheckedExtrinsic) -> Signed {
		let encoded = extrinsic.encode();
		Signed { kind, hash: Blake2Hasher::hash(&encoded), encoded }
	}
}

/// The `count` load accounts: `//Load//0`, `//Load//1`, ... (dev keys: anyone can sign for
/// them, so they are for test chains only).
pub fn accounts(count: usize) -> Vec<sr25519::Pair> {
	(0..count)
		.map(|i| sr25519::Pair::from_string(&format!("//Load//{i}"), None).expect("a valid URI"))
		.collect()
}

/// Alice gives each account that has less than half of [`FUNDING`] its funding, in batches,
/// and waits until the last one holds it.
pub async fn fund(chain: &Chain, accounts: &[sr25519::Pair]) -> Result<(), Error> {
	let mut needy = Vec::new();
	for pair in accounts {
		let who: AccountId = pair.public().into();
		if free_balance(chain, &who).await? < FUNDING / 2 {
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
					value: FUNDING,
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
	while free_balance(chain, &last).await? < FUNDING / 2 {
		if Instant::now() > deadline {
			return Err(Error::new("the load accounts were not funded within 120 s"));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	Ok(())
}

/// The free balance of `who` at the best block.
async fn free_balance(chain: &Chain, who: &AccountId) -> Result<Balance, Error> {
	let key = frame_system::Account::<Runtime>::hashed_key_for(who);
	let info: Option<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>> =
		chain.storage(&key, None).await?;
	Ok(info.map(|info| info.data.free).unwrap_or_default())
}

/// Every extrinsic of the load, signed: `per_account` rounds of `kinds` (in turn) from every
/// account, with the nonces they will have, round by round so that each account's
/// transactions reach the pool in nonce order.
pub async fn sign_all(
	chain: &Chain,
	accounts: &[sr25519::Pair],
	kinds: &[Kind],
	per_account: usize,
) -> Result<Vec<Signed>, Error> {
	let ids: Vec<AccountId> = accounts.iter().map(|pair| pair.public().into()).collect();
	let mut nonces = Vec::with_capacity(ids.len());
	for who in &ids {
		nonces.push(chain.next_nonce(who).await?);
	}
	let genesis = chain.genesis;
	let jobs: Vec<(usize, usize)> =
		(0..per_account).flat_map(|round| (0..ids.len()).map(move |i| (round, i))).collect();
	// Signing is the slow part: spread it over the machine's cores.
	let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
	let chunk = jobs.len().div_ceil(threads).max(1);
	let signed = std::thread::scope(|scope| {
		let workers: Vec<_> = jobs
			.chunks(chunk)
			.map(|part| {
				let (ids, nonces) = (&ids, &nonces);
				scope.spawn(move || {
					part.iter()
						.map(|&(round, i)| {
							let kind = kinds[round % kinds.len()];
							let call = kind.call(i, ids, round);
							let nonce = nonces[i] + round as Nonce;
							Signed::new(kind, signing::sign(&accounts[i], call, nonce, genesis))
						})
						.collect::<Vec<_>>()
				})
			})
			.collect();
		workers.into_iter().flat_map(|w| w.join().expect("a signer thread")).collect()
	});
	Ok(signed)
}
