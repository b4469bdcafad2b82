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
	configs::monetary::CooperativeFund, AccountId, Balance, BalancesConfig, BlockNumber,
	CouncilConfig, GuarantorConfig, NodeRegistryConfig, ReviveConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig, ValidatorSetConfig, EXISTENTIAL_DEPOSIT, UNIT,
};
use pallet_guarantor::Timing;
use pallet_node_registry::NodeKey;

/// What each dev account holds at genesis: a million POR.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// A validator: its account (a member the genesis seats) and its session keys, the Aura (block
/// production) and GRANDPA (finality) public keys.
pub struct Authority {
	/// The validator's account.
	pub account: AccountId,
	/// The sr25519 key Aura signs blocks with.
	pub aura: AuraId,
	/// The ed25519 key GRANDPA votes with.
	pub grandpa: GrandpaId,
}

impl Authority {
	/// The validator run by a dev keyring account (`//Alice`, `//Bob`, ...), with that seed's
	/// keys.
	pub fn from_keyring(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Self {
		Self { account: sr.to_account_id(), aura: sr.public().into(), grandpa: ed.public().into() }
	}

	/// Its session keys.
	pub fn session_keys(&self) -> SessionKeys {
		SessionKeys { aura: self.aura.clone(), grandpa: self.grandpa.clone() }
	}
}

/// What each founder holds as its deposit at genesis.
pub const FOUNDER_DEPOSIT: Balance = 1_000 * UNIT;

/// What each founder puts behind each dev member at genesis.
pub const DEV_GUARANTEE: Balance = 100 * UNIT;

/// The dev chain's periods, in blocks of 6 s: a claim can go from filing to payout in minutes.
pub const DEV_TIMING: Timing<BlockNumber> = Timing {
	decision_period: 10,
	appeal_period: 5,
	unbonding_period: 20,
	revocation_notice: 20,
	strike_lapse: 50,
	retention: 120,
	arbitration_period: 20,
};

/// The cooperative at genesis: founders with their deposits, guarantees
/// `(guarantor, ward, amount)` in the order they are given, and the periods (`None`: the
/// runtime's production defaults).
struct Cooperative {
	founders: Vec<(AccountId, Balance)>,
	guarantees: Vec<(AccountId, AccountId, Balance)>,
	timing: Option<Timing<BlockNumber>>,
}

/// Alice, Bob and Charlie found the cooperative; Dave (vouched by Alice and Bob) and Eve
/// (vouched by Alice, Bob and Charlie) are admitted members, so a claim can be tried at once.
fn dev_cooperative(timing: Option<Timing<BlockNumber>>) -> Cooperative {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
	let founders =
		[Alice, Bob, Charlie].iter().map(|k| (k.to_account_id(), FOUNDER_DEPOSIT)).collect();
	let guarantees = [(Alice, Dave), (Bob, Dave), (Alice, Eve), (Bob, Eve), (Charlie, Eve)]
		.iter()
		.map(|(guarantor, ward)| (guarantor.to_account_id(), ward.to_account_id(), DEV_GUARANTEE))
		.collect();
	Cooperative { founders, guarantees, timing }
}

/// The council at genesis: the three founders and the two admitted members, so that a claim
/// always finds council members uninvolved in it to arbitrate.
fn dev_council() -> Vec<AccountId> {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
	let mut council: Vec<AccountId> =
		[Alice, Bob, Charlie, Dave, Eve].iter().map(|k| k.to_account_id()).collect();
	council.sort();
	council
}

/// The ed25519 public keys of the node keys `0x00…01` to `0x00…05` (the secret's last byte is
/// the index): the fixed node keys `scripts/testnet.sh` and the end-to-end tests give Alice's,
/// Bob's, Charlie's, Dave's and Eve's nodes. Public test keys: never for a real network.
pub const TEST_NODE_KEYS: [[u8; 32]; 5] = [
	hex32("4cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29"),
	hex32("7422b9887598068e32c4448a949adb290d0f4e35b9e01b0ee5f1a1e600fe2674"),
	hex32("f381626e41e7027ea431bfe3009e94bdd25a746beec468948d6c3c7c5dc9a54b"),
	hex32("fd50b8e3b144ea244fbf7737f550bc8dd0c2650bbc1aada833ca17ff8dbf329b"),
	hex32("fde4fba030ad002f7c2f7d4c331f49d13fb0ec747eceebec634f1ff4cbca9def"),
];

/// 32 bytes from 64 hex digits, at compile time (a malformed literal fails the build).
const fn hex32(hex: &str) -> [u8; 32] {
	const fn digit(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lowercase hex digit"),
		}
	}
	let hex = hex.as_bytes();
	assert!(hex.len() == 64, "32 bytes are 64 hex digits");
	let mut out = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		out[i] = digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]);
		i += 1;
	}
	out
}

/// The local testnet's members' network: Alice's, Bob's, Charlie's and Dave's validator nodes
/// (node keys 1 to 4), each registered by its validator.
fn local_nodes() -> Vec<(AccountId, NodeKey)> {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave};
	[Alice, Bob, Charlie, Dave]
		.iter()
		.zip(TEST_NODE_KEYS)
		.map(|(who, key)| (who.to_account_id(), NodeKey(key)))
		.collect()
}

/// A genesis state: the validators (members the genesis seats), who holds what (and has a
/// contract address mapped), who is sudo
/// (if anyone), the council, the cooperative and the nodes registered by members (none: the
/// network is open).
fn genesis(
	authorities: Vec<Authority>,
	endowed: Vec<AccountId>,
	root: Option<AccountId>,
	council: Vec<AccountId>,
	cooperative: Cooperative,
	nodes: Vec<(AccountId, NodeKey)>,
) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.iter().map(|who| (who.clone(), DEV_ENDOWMENT)).collect();
	// The cooperative fund exists from genesis, so fees of any size can be paid into it.
	balances.push((CooperativeFund::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		// Aura's and GRANDPA's authorities come from the session's keys (their own genesis
		// lists stay empty).
		validator_set: ValidatorSetConfig {
			validators: authorities.iter().map(|a| a.account.clone()).collect(),
		},
		session: SessionConfig {
			keys: authorities
				.iter()
				.map(|a| (a.account.clone(), a.account.clone(), a.session_keys()))
				.collect(),
		},
		sudo: SudoConfig { key: root },
		council: CouncilConfig { members: council },
		guarantor: GuarantorConfig {
			founders: cooperative.founders,
			guarantees: cooperative.guarantees,
			timing: cooperative.timing,
		},
		node_registry: NodeRegistryConfig { nodes },
		// The funded accounts can call contracts from the first block (others `map_account`).
		revive: ReviveConfig { mapped_accounts: endowed },
	})
}

/// The dev keyring's well-known accounts: Alice, Bob, Charlie, Dave, Eve, Ferdie, One, Two.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// `development`: Alice alone produces and finalizes blocks, and peers with anyone (no
/// registered nodes); the dev accounts are funded; Alice is sudo (for convenience: a dev chain
/// only); Alice, Bob, Charlie, Dave and Eve are the council; the dev cooperative runs on
/// minute-long periods.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![Authority::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
		dev_council(),
		dev_cooperative(Some(DEV_TIMING)),
		vec![],
	)
}

/// `local_testnet`: Alice, Bob, Charlie and Dave are the validators, and their nodes (node
/// keys 1 to 4) the members' network; the dev accounts are funded; there is no sudo key:
/// Alice, Bob, Charlie, Dave and Eve are the council, and what needs root is done by its
/// motions; the dev cooperative runs on the production periods (days).
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			Authority::from_keyring(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			Authority::from_keyring(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			Authority::from_keyring(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			Authority::from_keyring(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
		None,
		dev_council(),
		dev_cooperative(None),
		local_nodes(),
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
