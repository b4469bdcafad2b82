//! # Poruka runtime
//!
//! The runtime of a mutual-guarantee cooperative: members join through guarantors who put money
//! behind them, claims against a member are judged by that member's guarantors, and harmed
//! parties are compensated from deposits and guarantor funds.
//!
//! Layout:
//! - [`configs`]: the `Config` of every pallet, one module per concern;
//! - [`apis`]: the runtime APIs the node and clients call;
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis presets.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` needs a deep recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// This runtime built as its own next version (`spec_version` one higher, nothing else
/// changed): the code the end-to-end test of a runtime upgrade by council motion installs
/// (`node/tests/upgrade.rs`). Built by `build.rs` beside the real wasm; `None` when the wasm
/// build is skipped. Never a real chain's runtime: a real upgrade is built from its own commit.
#[cfg(feature = "std")]
pub mod upgrade_test {
	include!(concat!(env!("OUT_DIR"), "/upgrade_test_wasm"));
}

extern crate alloc;

use alloc::vec::Vec;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod precompiles;
#[cfg(feature = "std")]
pub mod signing;
#[cfg(feature = "std")]
pub mod test_contracts;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_support::{construct_runtime, parameter_types};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of the runtime's blocks without knowing its calls.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: an Aura (sr25519) and a GRANDPA (ed25519) key.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with the given `spec_version` (a literal, as `runtime_version` needs).
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime's version. Bump `spec_version` with every change of runtime logic, and
		/// `transaction_version` whenever calls or transaction extensions change their encoding.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("poruka"),
			impl_name: alloc::borrow::Cow::Borrowed("poruka"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-test"))]
runtime_version!(114);
// Only in `upgrade_test::WASM_BINARY`: the next version, which the upgrade test installs.
// Always one more than the line above.
#[cfg(feature = "upgrade-test")]
runtime_version!(115);

mod block_times {
	/// The average expected block time, which the slot duration follows.
	///
	/// Changing this after the chain has started breaks block production: Aura's slot numbers
	/// would change.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6000;

	/// The slot duration of Aura, equal to the block time.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
}
pub use block_times::*;

/// Time measured in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// An hour in blocks.
pub const HOURS: BlockNumber = MINUTES * 60;
/// A day in blocks.
pub const DAYS: BlockNumber = HOURS * 24;

/// The smallest unit of the token is a pico-POR: POR has 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a POR.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a POR.
pub const MICRO_UNIT: Balance = 1_000_000;

/// What a byte of state held for a member costs while it stands: 0.8 POR per kilobyte. The
/// agreements' storage deposit charges at least this, and the claim bond covers a claim's
/// largest storage at this price (`runtime/tests/guarantor.rs`).
pub const DEPOSIT_PER_BYTE: Balance = 800 * MICRO_UNIT;

/// The token's symbol, announced in the chain spec properties.
pub const TOKEN_SYMBOL: &str = "POR";
/// The token's number of decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address format (42: the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// The existential deposit: the least balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// A signature on the chain.
pub type Signature = MultiSignature;

/// An account's identity: the public key behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account.
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// An index to a block.
pub type BlockNumber = u32;

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block that is signed.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The identifier of a block.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked and applied in this order for every signed transaction.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as it travels: not yet checked.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload that an account signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run at the next runtime upgrade. Each runs once, when its pallet's on-chain
/// storage version is the one it migrates from.
type Migrations = (
	pallet_guarantor::migrations::v6::MigrateV5ToV6<Runtime>,
	pallet_agreements::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_agreements::migrations::v3::MigrateV2ToV3<Runtime>,
);

/// Dispatches extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The pallets of the runtime. Their indices are part of every transaction's encoding: never
/// reuse or reorder them.
#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(8)]
	pub type Guarantor = pallet_guarantor;

	#[runtime::pallet_index(9)]
	pub type Agreements = pallet_agreements;

	#[runtime::pallet_index(10)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(11)]
	pub type Preimage = pallet_preimage;

	#[runtime::pallet_index(12)]
	pub type Whitelist = pallet_whitelist;

	#[runtime::pallet_index(13)]
	pub type NodeRegistry = pallet_node_registry;

	// The validator set before the session pallet: the session's genesis asks it for the
	// first validators.
	#[runtime::pallet_index(14)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(15)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(16)]
	pub type Revive = pallet_revive;

	#[runtime::pallet_index(17)]
	pub type ContractCommitments = pallet_contract_commitments;
}
