//! What the runtime tests share: the `development` preset's state, accounts, blocks.
#![allow(dead_code)]

use frame_support::traits::OnInitialize;
use poruka_runtime::{
	genesis_config_presets::{development_config_genesis, local_config_genesis},
	AccountId, BuildStorage, Guarantor, RuntimeGenesisConfig, RuntimeOrigin, System,
};
use sp_keyring::Sr25519Keyring;

/// Applies a preset's JSON patch on top of `base`, object by object, as the node does.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Externalities holding the `development` preset's genesis, at block 1.
pub fn dev_chain() -> sp_io::TestExternalities {
	chain(development_config_genesis())
}

/// Externalities holding the `local_testnet` preset's genesis, at block 1.
pub fn local_chain() -> sp_io::TestExternalities {
	chain(local_config_genesis())
}

/// Externalities holding the genesis `preset` patches onto the defaults, at block 1.
pub fn chain(preset: serde_json::Value) -> sp_io::TestExternalities {
	let mut json = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default genesis config serializes");
	merge(&mut json, preset);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(json).expect("the preset is a valid genesis config");
	let mut ext: sp_io::TestExternalities =
		config.build_storage().expect("the preset's genesis builds").into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The account of a dev key.
pub fn id(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

/// A signed origin of a dev key.
pub fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(id(key))
}

/// Runs `on_initialize` of every pallet for every block up to `n`, checking the guarantor and
/// agreements invariants after each.
pub fn run_to_block(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<poruka_runtime::AllPalletsWithSystem as OnInitialize<u32>>::on_initialize(next);
		check_invariants();
	}
}

/// The pallets' `try_state` checks.
pub fn check_invariants() {
	Guarantor::do_try_state().expect("the guarantor invariants hold");
	poruka_runtime::Agreements::do_try_state().expect("the agreements invariants hold");
	poruka_runtime::NodeRegistry::do_try_state().expect("the node registry agrees with itself");
	poruka_runtime::ValidatorSet::do_try_state().expect("the validator set invariants hold");
	poruka_runtime::ContractCommitments::do_try_state()
		.expect("the contract commitments invariants hold");
}

/// Passes `call` as a council motion: Alice proposes it with threshold 4 (two thirds of the
/// five), Alice, Bob, Charlie and Dave vote aye, Alice closes it; asserts it executed.
pub fn council_motion(call: poruka_runtime::RuntimeCall) {
	use codec::Encode;
	use frame_support::weights::Weight;
	use poruka_runtime::{Council, Runtime, RuntimeEvent};
	use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
	use sp_runtime::traits::Hash;
	let length = call.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	Council::propose(signed(Alice), 4, Box::new(call), length).expect("Alice proposes");
	let index =
		pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1;
	for voter in [Alice, Bob, Charlie, Dave] {
		Council::vote(signed(voter), hash, index, true).expect("a councillor votes");
	}
	Council::close(signed(Alice), hash, index, Weight::MAX / 4, length).expect("Alice closes");
	assert!(System::events().iter().any(|r| matches!(
		r.event,
		RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(()), .. })
	)));
}
