//! Block production (Aura), finality (GRANDPA), and who does them: the validators the council
//! seats (`pallet-validator-set`), each an active member, handed to Aura and GRANDPA by
//! `pallet-session` at session boundaries. `docs/validator.md` explains how a member becomes one.

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, Contains},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{Convert, OpaqueKeys};

use super::super::{
	AccountId, Balances, Runtime, RuntimeEvent, SessionKeys, ValidatorSet, SLOT_DURATION, UNIT,
};
use super::{council::CouncilTwoThirds, network::ActiveMembers};

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

/// A validator's id is its account; only an active member has one, so only a member can set
/// session keys (`session.setKeys`).
pub struct ActiveMemberValidator;
impl Convert<AccountId, Option<AccountId>> for ActiveMemberValidator {
	fn convert(who: AccountId) -> Option<AccountId> {
		ActiveMembers::contains(&who).then_some(who)
	}
}

/// Sessions of the genesis length (`validatorSet.sessionPeriod`, an hour by default), from
/// block 0.
pub type Sessions =
	pallet_session::PeriodicSessions<pallet_validator_set::SessionPeriod<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ActiveMemberValidator;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// No slashing or disabling: a validator that misbehaves is unseated by the council.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Held while an account's session keys are stored; returned by `session.purgeKeys`.
	type KeyDeposit = ConstU128<{ UNIT }>;
}

impl pallet_validator_set::Config for Runtime {
	type ActiveMembers = ActiveMembers;
	type CouncilOrigin = CouncilTwoThirds;
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ActiveMembers;
}
