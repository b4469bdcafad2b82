//! The agreements pallet: how big an agreement may be and how long its parties have.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, Get},
	weights::Weight,
};

use super::super::{BlockNumber, Runtime, DAYS, MILLI_UNIT, UNIT};
use super::RuntimeBlockWeights;

parameter_types! {
	/// A tenth of a block's weight, at most, goes to agreements' due tasks (expiries, payments,
	/// report windows); the rest waits for the next block.
	pub TaskWeight: Weight = RuntimeBlockWeights::get().max_block / 10;
	/// A proposal may stay open for acceptance for a week.
	pub const MaxAcceptPeriod: BlockNumber = 7 * DAYS;
	/// A delivery's receiver has three days after its due block to report a default.
	pub const ReportWindow: BlockNumber = 3 * DAYS;
	/// A receiver that cannot post the claim bond gets at most another week.
	pub const MaxReportPause: BlockNumber = 7 * DAYS;
}

impl pallet_agreements::Config for Runtime {
	type Currency = super::super::Balances;
	type RuntimeHoldReason = super::super::RuntimeHoldReason;
	/// Membership and coverage come from the guarantor pallet...
	type Coverage = super::super::Guarantor;
	/// ...and defaults become claims there.
	type Claims = super::super::Guarantor;
	/// Contracts' commitments hold coverage too.
	type OtherCommitments = super::super::ContractCommitments;
	type MaxParties = ConstU32<8>;
	type MaxObligations = ConstU32<16>;
	type MaxDependencies = ConstU32<4>;
	type MaxAcceptPeriod = MaxAcceptPeriod;
	type ReportWindow = ReportWindow;
	type MaxReportPause = MaxReportPause;
	/// A proposal holds 1 POR, plus 0.2 POR per obligation, until it closes: at least
	/// `DEPOSIT_PER_BYTE` for the state it takes, so that a flood of proposals costs what it
	/// takes (`runtime/tests/guarantor.rs`).
	type DepositBase = ConstU128<{ UNIT }>;
	type DepositPerObligation = ConstU128<{ 200 * MILLI_UNIT }>;
	type Retention = ClaimRetention;
	type TaskWeight = TaskWeight;
	type WeightInfo = pallet_agreements::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = GuarantorMembers;
}

/// Closed agreements are kept as long as final claims: the guarantor pallet's `retention`
/// period, set at genesis and changed with `guarantor.set_timing`.
pub struct ClaimRetention;
impl Get<BlockNumber> for ClaimRetention {
	fn get() -> BlockNumber {
		pallet_guarantor::Pallet::<Runtime>::timing().retention
	}
}

/// Makes benchmark accounts founders of the cooperative with a deposit as large as the coverage
/// they need.
#[cfg(feature = "runtime-benchmarks")]
pub struct GuarantorMembers;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_agreements::BenchmarkHelper<super::super::AccountId, super::super::Balance>
	for GuarantorMembers
{
	fn make_member(who: &super::super::AccountId, coverage: super::super::Balance) {
		let _ = pallet_guarantor::Pallet::<Runtime>::do_add_founder(who);
		let _ = pallet_guarantor::Pallet::<Runtime>::do_deposit(who, coverage);
	}
}
