//! The configuration of every pallet in the runtime.
//!
//! - [`consensus`]: Aura block production and GRANDPA finality;
//! - [`monetary`]: balances, fees and the cooperative fund that receives them;
//! - [`guarantor`]: the cooperative's rules: guarantees, deposits, claims;
//! - [`agreements`]: agreements between members that execute themselves;
//! - [`council`]: the council, what its motions may do, and runtime upgrades by motion;
//! - [`network`]: the members' network (which nodes may peer);
//! - [`revive`]: general smart contracts (PolkaVM and EVM bytecode);
//! - this module: frame-system, timestamp, sudo and utility.

pub mod agreements;
pub mod consensus;
pub mod council;
pub mod guarantor;
pub mod monetary;
pub mod network;
pub mod revive;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU32, ConstU64},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

use super::{
	weights::{
		extensions::SystemExtensions, BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight,
	},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, SLOT_DURATION, SS58_PREFIX, VERSION,
};

/// The share of a block's weight and length that normal (not operational) extrinsics may use.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: sp_version::RuntimeVersion = VERSION;

	/// Two seconds of compute per 6-second block, a third of the slot, leaving room for import
	/// and gossip; an empty block and each extrinsic cost what they measure on this project's
	/// machine (`weights`).
	pub RuntimeBlockWeights: BlockWeights = block_weights();
	/// At most 5 MiB per block, of which normal extrinsics may fill 75%.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

/// A block may take two seconds of compute; normal extrinsics 75% of it, operational ones
/// (the council's) the rest as well. Unlike `BlockWeights::with_sensible_defaults`, the empty
/// block and the per-extrinsic base are this machine's measurements, not the SDK's.
fn block_weights() -> BlockWeights {
	let max = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
	let normal = NORMAL_DISPATCH_RATIO * max;
	BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| {
			class.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(max);
			class.reserved = Some(max - normal);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic()
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = council::CouncilWithinBounds;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// ParityDB (the node's only database) as measured here.
	type DbWeight = ParityDbWeight;
	type ExtensionsWeightInfo = SystemExtensions<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	/// A timestamp: milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = super::Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = super::OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}
