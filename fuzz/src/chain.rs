//! The real runtime, block by block, as a node would build it: each block opened by
//! `Executive` with an Aura slot in its digest and the timestamp inherent, signed extrinsics
//! applied through every transaction extension (signature, nonce, weight, fees), and the block
//! finalized (`on_idle`, `on_finalize`, the state root).

use crate::calls::Contracts;
use codec::Encode;
use frame_support::weights::Weight;
use poruka_runtime::{
	genesis_config_presets::development_config_genesis, precompiles::PORUKA_PRECOMPILE, Executive,
	Header, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, System, UncheckedExtrinsic,
	SLOT_DURATION, UNIT,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Digest, DigestItem},
	traits::Header as _,
	ApplyExtrinsicResult, BuildStorage, Storage,
};

/// The `development` preset's genesis state: the dev accounts funded, Alice, Bob and Charlie
/// founders, Dave and Eve admitted, Alice sudo, minute-long periods.
pub fn dev_genesis() -> Storage {
	let mut json = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default genesis config serializes");
	sc_chain_spec::json_merge(&mut json, development_config_genesis());
	let config: RuntimeGenesisConfig =
		serde_json::from_value(json).expect("the development preset is a valid genesis config");
	config.build_storage().expect("the development genesis builds")
}

/// A chain being built: the number and hash of its last finalized block.
pub struct Chain {
	parent: H256,
	number: u32,
	genesis: H256,
}

impl Chain {
	/// The chain at its genesis block. Call inside the genesis state's externalities.
	pub fn at_genesis() -> Self {
		let genesis = System::block_hash(0);
		Self { parent: genesis, number: 0, genesis }
	}

	/// The number of the block being built (or last built).
	pub fn number(&self) -> u32 {
		self.number
	}

	/// Opens the next block: its Aura slot in the digest (one slot per block), and the
	/// timestamp inherent of that slot.
	pub fn open_block(&mut self) {
		self.number += 1;
		let slot = Slot::from(u64::from(self.number));
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(self.number, Default::default(), Default::default(), self.parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(slot) * SLOT_DURATION;
		let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set { now });
		let applied = Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(timestamp));
		assert!(matches!(applied, Ok(Ok(()))), "the timestamp inherent applies: {applied:?}");
	}

	/// Finalizes the block being built; its header's hash becomes the next block's parent.
	pub fn close_block(&mut self) {
		let header = Executive::finalize_block();
		self.parent = header.hash();
	}

	/// Signs `call` as `signer` with its next nonce (immortal, no tip) and applies it as a
	/// block builder would: `Err` is a transaction the pool would refuse (not included),
	/// `Ok(Err)` a call included that failed.
	pub fn apply(&self, signer: Sr25519Keyring, call: RuntimeCall) -> ApplyExtrinsicResult {
		Executive::apply_extrinsic(self.sign(signer, call))
	}

	fn sign(&self, signer: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
		let nonce = System::account_nonce(signer.to_account_id());
		poruka_runtime::signing::sign(&signer.pair(), call, nonce, self.genesis)
	}
}

/// Deploys the sequence's contracts from Alice in the block being built (see
/// [`crate::calls::Contracts`]).
pub fn deploy_contracts(chain: &Chain) -> Contracts {
	use poruka_runtime::test_contracts::{forwarder, Via};
	let deploy = |code: Vec<u8>| {
		let call = RuntimeCall::Revive(pallet_revive::Call::instantiate_with_code {
			value: 0,
			weight_limit: Weight::from_parts(20_000_000_000, 2 << 20),
			storage_deposit_limit: 100 * UNIT,
			code,
			data: Vec::new(),
			salt: None,
		});
		let applied = chain.apply(Sr25519Keyring::Alice, call);
		assert!(matches!(applied, Ok(Ok(()))), "Alice deploys a forwarder: {applied:?}");
		System::read_events_no_consensus()
			.filter_map(|record| match record.event {
				RuntimeEvent::Revive(pallet_revive::Event::Instantiated { contract, .. }) => {
					Some(contract)
				}
				_ => None,
			})
			.last()
			.expect("an instantiated contract")
	};
	let promisee = deploy(forwarder(PORUKA_PRECOMPILE, Via::Call));
	let read_only = deploy(forwarder(PORUKA_PRECOMPILE, Via::StaticCall));
	let middleman = deploy(forwarder(promisee, Via::Call));
	Contracts { promisee, read_only, middleman }
}
