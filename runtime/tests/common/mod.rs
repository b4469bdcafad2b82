//! What the runtime tests share: the `development` preset's state, accounts, blocks.
#![allow(dead_code)]

use frame_support::traits::OnInitialize;
use poruka_runtime::{
	genesis_config_presets::development_config_genesis, AccountId, BuildStorage, Guarantor,
	RuntimeGenesisConfig, RuntimeOrigin, System,
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
	let mut json = serde_json::to_value(RuntimeGenesisConfig::default())
		.expect("the default genesis config serializes");
	merge(&mut json, development_config_genesis());
	let config: RuntimeGenesisConfig =
		serde_json::from_value(json).expect("the development preset is a valid genesis config");
	let mut ext: sp_io::TestExternalities =
		config.build_storage().expect("the development genesis builds").into();
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
}
