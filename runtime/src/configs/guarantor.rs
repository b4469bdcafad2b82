//! The guarantor pallet: the cooperative's rules in numbers.
//!
//! The periods here are the production defaults (days); a chain's genesis may set others (the
//! `development` preset sets minutes, so a claim can be tried end to end at once), and a 2/3
//! council motion can change them with `guarantor.set_timing`.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	weights::Weight,
};
use frame_system::EnsureRoot;

use super::super::{AccountId, BlockNumber, Runtime, DAYS, UNIT};
use super::{
	council::{CouncilMembers, CouncilTwoThirds, COUNCIL_MAX_MEMBERS},
	RuntimeBlockWeights,
};

parameter_types! {
	/// A fifth of a block's weight, at most, goes to claims whose deadlines fall due; the rest
	/// waits for the next block.
	pub DeadlineWeight: Weight = RuntimeBlockWeights::get().max_block / 5;
	/// A panel has three days to decide.
	pub const DecisionPeriod: BlockNumber = 3 * DAYS;
	/// The parties have two days to appeal.
	pub const AppealPeriod: BlockNumber = 2 * DAYS;
	/// A withdrawn deposit stays liable for a week.
	pub const UnbondingPeriod: BlockNumber = 7 * DAYS;
	/// A revoked guarantee stays liable for a week.
	pub const RevocationNotice: BlockNumber = 7 * DAYS;
	/// Strikes lapse a month after the last one.
	pub const StrikeLapse: BlockNumber = 30 * DAYS;
	/// A final claim stays readable for a month, then it is pruned.
	pub const Retention: BlockNumber = 30 * DAYS;
	/// The arbiters have a week to decide a claim no panel is left to decide.
	pub const ArbitrationPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_guarantor::Config for Runtime {
	type Currency = super::super::Balances;
	type RuntimeHoldReason = super::super::RuntimeHoldReason;
	/// Founders and the periods: a 2/3 council motion (or root).
	type FounderOrigin = CouncilTwoThirds;
	/// Root only: the cooperative's override over the arbiters, never one council member's.
	type ArbiterOrigin = EnsureRoot<AccountId>;
	/// The council members uninvolved in a claim arbitrate it.
	type Arbiters = CouncilMembers;
	type TimingOrigin = CouncilTwoThirds;
	/// Agreements and contracts commit members' coverage, and learn how the claims about them
	/// end.
	type Commitments = (super::super::Agreements, super::super::ContractCommitments);
	type OnClaimFinal = (super::super::Agreements, super::super::ContractCommitments);
	type MinGuarantee = ConstU128<{ 10 * UNIT }>;
	type MinGuarantors = ConstU32<2>;
	type MaxGuarantors = ConstU32<16>;
	type MaxWards = ConstU32<32>;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxUnbondingChunks = ConstU32<8>;
	type RevocationNotice = RevocationNotice;
	type ClaimBond = ConstU128<{ 5 * UNIT }>;
	type AppealBond = ConstU128<{ 10 * UNIT }>;
	type DecisionPeriod = DecisionPeriod;
	type AppealPeriod = AppealPeriod;
	type MaxStrikes = ConstU32<3>;
	type StrikeLapse = StrikeLapse;
	type Retention = Retention;
	type MaxPanelSize = ConstU32<7>;
	type MaxEscalationLevels = ConstU32<4>;
	type MaxArbiters = ConstU32<COUNCIL_MAX_MEMBERS>;
	type ArbitrationPeriod = ArbitrationPeriod;
	type MaxEvidenceLen = ConstU32<256>;
	type DeadlineWeight = DeadlineWeight;
	type WeightInfo = pallet_guarantor::weights::SubstrateWeight<Runtime>;
}
