//! What `benchmark overhead` and `benchmark extrinsic` need from this node: signed extrinsics
//! of this runtime (from the dev account Alice, valid in the block on top of genesis) and the
//! inherent data of a block.
//!
//! `benchmark overhead` measures an empty block (`BlockExecutionWeight`) and a block of
//! `system.remark`s (`ExtrinsicBaseWeight`, every transaction extension included);
//! `benchmark extrinsic` measures one call in a full block, e.g. `--pallet balances
//! --extrinsic transfer_keep_alive`. docs/performance.md records the runs.

use std::sync::Arc;

use frame_benchmarking_cli::ExtrinsicBuilder;
use poruka_runtime::{signing, BalancesCall, Hash, RuntimeCall, UNIT};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_keyring::Sr25519Keyring;
use sp_runtime::OpaqueExtrinsic;

/// Builds `pallet::extrinsic` calls signed by Alice with the nonce the benchmark asks for.
pub struct SignedBuilder {
	pallet: &'static str,
	extrinsic: &'static str,
	call: fn() -> RuntimeCall,
	genesis: Hash,
}

impl SignedBuilder {
	/// `system.remark` of nothing: the no-op `benchmark overhead` needs.
	pub fn remark(genesis: Hash) -> Self {
		Self {
			pallet: "system",
			extrinsic: "remark",
			call: || RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() }),
			genesis,
		}
	}

	/// `balances.transfer_keep_alive` of 1 POR from Alice to Bob: the anchor every weight is
	/// compared with.
	pub fn transfer_keep_alive(genesis: Hash) -> Self {
		Self {
			pallet: "balances",
			extrinsic: "transfer_keep_alive",
			call: || {
				RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
					dest: Sr25519Keyring::Bob.to_account_id().into(),
					value: UNIT,
				})
			},
			genesis,
		}
	}
}

impl ExtrinsicBuilder for SignedBuilder {
	fn pallet(&self) -> &str {
		self.pallet
	}

	fn extrinsic(&self) -> &str {
		self.extrinsic
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let alice = Sr25519Keyring::Alice.pair();
		let signed = signing::sign(&alice, (self.call)(), nonce, self.genesis);
		Ok(signed.into())
	}
}

/// The genesis hash of the chain `client` holds.
pub fn genesis_of<C: sp_blockchain::HeaderBackend<poruka_runtime::opaque::Block>>(
	client: &Arc<C>,
) -> Result<Hash, sc_cli::Error> {
	client
		.hash(0)
		.map_err(|error| sc_cli::Error::Application(Box::new(error)))?
		.ok_or_else(|| "the chain has no genesis block".into())
}

/// The inherent data of a benchmark block: the timestamp 0, so that Aura's slot (0 without a
/// pre-runtime digest) matches it.
pub fn inherent_data() -> Result<InherentData, sc_cli::Error> {
	let mut data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut data))
		.map_err(|error| format!("the timestamp inherent: {error}"))?;
	Ok(data)
}

/// Every call `benchmark extrinsic` can measure here.
pub fn extrinsics(genesis: Hash) -> Vec<Box<dyn ExtrinsicBuilder>> {
	vec![
		Box::new(SignedBuilder::remark(genesis)),
		Box::new(SignedBuilder::transfer_keep_alive(genesis)),
	]
}
