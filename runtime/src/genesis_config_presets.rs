//! Genesis presets: `development` (one validator, Alice) and `local_testnet` (four validators:
//! Alice, Bob, Charlie and Dave). The node's chain specs are built from these.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::monetary::CooperativeFund, AccountId, AuraConfig, Balance, BalancesConfig,
	GrandpaConfig, RuntimeGenesisConfig, SudoConfig, EXISTENTIAL_DEPOSIT, UNIT,
};

/// What each dev account holds at genesis: a million POR.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// A validator's keys: its Aura (block production) and GRANDPA (finality) public keys.
pub struct Authority {
	/// The sr25519 key Aura signs blocks with.
	pub aura: AuraId,
	/// The ed25519 key GRANDPA votes with.
	pub grandpa: GrandpaId,
}

impl Authority {
	/// The authority keys of a dev keyring account (`//Alice`, `//Bob`, ...).
	pub fn from_keyring(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { aura: sr.public().into(), grandpa: ed.public().into() }
	}
}

/// A genesis state: the validators, who holds what, and who is sudo.
fn genesis(authorities: Vec<Authority>, endowed: Vec<AccountId>, root: AccountId) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|who| (who, DEV_ENDOWMENT)).collect();
	// The cooperative fund exists from genesis, so fees of any size can be paid into it.
	balances.push((CooperativeFund::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		aura: AuraConfig { authorities: authorities.iter().map(|a| a.aura.clone()).collect() },
		grandpa: GrandpaConfig {
			authorities: authorities.into_iter().map(|a| (a.grandpa, 1)).collect(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The dev keyring's well-known accounts: Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// `development`: Alice alone produces and finalizes blocks; the dev accounts are funded;
/// Alice is sudo.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![Authority::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave are the validators; the dev accounts are
/// funded; Alice is sudo.
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			Authority::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			Authority::from_keyring(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			Authority::from_keyring(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			Authority::from_keyring(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON of the preset called `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
