//! Block production (Aura) and finality (GRANDPA).
//!
//! The authority set is fixed in the chain spec and changes only by a runtime upgrade or a sudo
//! call; `docs/validator.md` explains how a cooperative manages it.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use super::super::{Runtime, RuntimeEvent, SLOT_DURATION};

/// The most validators the chain can have.
pub type MaxAuthorities = ConstU32<32>;

parameter_types! {
	/// GRANDPA keeps equivocation-proof data for this many sessions (none are used yet).
	pub const MaxSetIdSessionEntries: u64 = 0;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
