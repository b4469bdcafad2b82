//! A test runtime: frame-system, balances and the guarantor pallet with small numbers.

use core::cell::RefCell;
use std::collections::BTreeMap;

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, VariantCountOf},
	weights::Weight,
};
use frame_system::EnsureRoot;
use poruka_primitives::{ClaimId, ClaimOutcome, ClaimOutcomeHandler, ClaimSubject, Commitments};
use sp_runtime::BuildStorage;

use crate as pallet_guarantor;

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Guarantor: pallet_guarantor,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

/// A claim's final outcome as `OnClaimFinal` hears it.
pub type Outcome = (ClaimId, Option<ClaimSubject>, ClaimOutcome<Balance>);

thread_local! {
	/// Commitments other pallets hold against members' coverage.
	pub static COMMITTED: RefCell<BTreeMap<AccountId, Balance>> =
		const { RefCell::new(BTreeMap::new()) };
	/// Every final claim outcome reported to `OnClaimFinal`.
	pub static OUTCOMES: RefCell<Vec<Outcome>> = const { RefCell::new(Vec::new()) };
	/// The weight `on_initialize` may spend.
	pub static DEADLINE_WEIGHT: RefCell<Weight> = const { RefCell::new(Weight::MAX) };
	/// The weight left for `on_idle` in each block.
	pub static IDLE_WEIGHT: RefCell<Weight> = const { RefCell::new(Weight::MAX) };
	/// The council whose uninvolved members arbitrate, sorted.
	pub static COUNCIL: RefCell<Vec<AccountId>> = RefCell::new(COUNCIL_AT_START.to_vec());
}

/// The council every test starts with: founders (unless the cooperative is [`ExtBuilder::bare`])
/// who guarantee nobody, so that they are in no test's guarantor tree.
pub const COUNCIL_AT_START: [AccountId; 3] = [90, 91, 92];

/// The test council: set with [`set_council`].
pub struct TestCouncil;
impl frame_support::traits::SortedMembers<AccountId> for TestCouncil {
	fn sorted_members() -> Vec<AccountId> {
		COUNCIL.with(|c| c.borrow().clone())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add(who: &AccountId) {
		let mut members = Self::sorted_members();
		members.push(*who);
		set_council(members);
	}
}

/// Makes `members` the council.
pub fn set_council(mut members: Vec<AccountId>) {
	members.sort();
	COUNCIL.with(|c| *c.borrow_mut() = members);
}

/// Test commitments: set with [`set_committed`].
pub struct TestCommitments;
impl Commitments<AccountId, Balance> for TestCommitments {
	fn committed(who: &AccountId) -> Balance {
		COMMITTED.with(|c| c.borrow().get(who).copied().unwrap_or_default())
	}
}

/// Sets what `who` has committed elsewhere.
pub fn set_committed(who: AccountId, amount: Balance) {
	COMMITTED.with(|c| c.borrow_mut().insert(who, amount));
}

/// Records outcomes in [`OUTCOMES`].
pub struct RecordOutcomes;
impl ClaimOutcomeHandler<Balance> for RecordOutcomes {
	fn on_claim_final(
		claim: ClaimId,
		subject: Option<ClaimSubject>,
		outcome: ClaimOutcome<Balance>,
	) {
		OUTCOMES.with(|o| o.borrow_mut().push((claim, subject, outcome)));
	}
}

/// The outcomes reported so far.
pub fn outcomes() -> Vec<Outcome> {
	OUTCOMES.with(|o| o.borrow().clone())
}

parameter_types! {
	pub DeadlineWeight: Weight = DEADLINE_WEIGHT.with(|w| *w.borrow());
}

pub const MIN_GUARANTEE: Balance = 10;
pub const CLAIM_BOND: Balance = 5;
pub const APPEAL_BOND: Balance = 10;
pub const DECISION_PERIOD: u64 = 10;
pub const APPEAL_PERIOD: u64 = 5;
pub const UNBONDING_PERIOD: u64 = 20;
pub const REVOCATION_NOTICE: u64 = 15;
pub const STRIKE_LAPSE: u64 = 30;
pub const RETENTION: u64 = 40;
pub const ARBITRATION_PERIOD: u64 = 8;
pub const MAX_PANEL: u32 = 3;

impl pallet_guarantor::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type FounderOrigin = EnsureRoot<AccountId>;
	type ArbiterOrigin = EnsureRoot<AccountId>;
	type Arbiters = TestCouncil;
	type TimingOrigin = EnsureRoot<AccountId>;
	type Commitments = TestCommitments;
	type OnClaimFinal = RecordOutcomes;
	type MinGuarantee = ConstU64<MIN_GUARANTEE>;
	type MinGuarantors = ConstU32<2>;
	type MaxGuarantors = ConstU32<5>;
	type MaxWards = ConstU32<6>;
	type UnbondingPeriod = ConstU64<UNBONDING_PERIOD>;
	type MaxUnbondingChunks = ConstU32<3>;
	type RevocationNotice = ConstU64<REVOCATION_NOTICE>;
	type ClaimBond = ConstU64<CLAIM_BOND>;
	type AppealBond = ConstU64<APPEAL_BOND>;
	type DecisionPeriod = ConstU64<DECISION_PERIOD>;
	type AppealPeriod = ConstU64<APPEAL_PERIOD>;
	type MaxStrikes = ConstU32<2>;
	type StrikeLapse = ConstU64<STRIKE_LAPSE>;
	type Retention = ConstU64<RETENTION>;
	type MaxPanelSize = ConstU32<MAX_PANEL>;
	type MaxEscalationLevels = ConstU32<3>;
	type MaxArbiters = ConstU32<5>;
	type ArbitrationPeriod = ConstU64<ARBITRATION_PERIOD>;
	type MaxEvidenceLen = ConstU32<32>;
	type DeadlineWeight = DeadlineWeight;
	type WeightInfo = TestWeights;
}

/// Zero weights, except for the deadline hook, so that tests can fill `DeadlineWeight`.
pub struct TestWeights;
impl crate::WeightInfo for TestWeights {
	fn add_founder() -> Weight {
		Weight::zero()
	}
	fn vouch() -> Weight {
		Weight::zero()
	}
	fn increase_guarantee() -> Weight {
		Weight::zero()
	}
	fn revoke_guarantee() -> Weight {
		Weight::zero()
	}
	fn release_guarantee() -> Weight {
		Weight::zero()
	}
	fn deposit() -> Weight {
		Weight::zero()
	}
	fn withdraw_deposit() -> Weight {
		Weight::zero()
	}
	fn withdraw_unbonded() -> Weight {
		Weight::zero()
	}
	fn leave(_: u32) -> Weight {
		Weight::zero()
	}
	fn file_claim(_: u32) -> Weight {
		Weight::zero()
	}
	fn acknowledge(_: u32) -> Weight {
		Weight::zero()
	}
	fn acknowledge_partial() -> Weight {
		Weight::zero()
	}
	fn contest(_: u32) -> Weight {
		Weight::zero()
	}
	// Distinct, so that a test can tell which one a vote was charged.
	fn vote(s: u32) -> Weight {
		Weight::from_parts(3_000 + 100 * u64::from(s), 0)
	}
	fn vote_pending(s: u32) -> Weight {
		Weight::from_parts(1_000 + 100 * u64::from(s), 0)
	}
	fn vote_in_arbitration() -> Weight {
		Weight::from_parts(2_000, 0)
	}
	fn open_arbitration() -> Weight {
		Weight::zero()
	}
	fn appeal(_: u32) -> Weight {
		Weight::zero()
	}
	fn resolve(_: u32) -> Weight {
		Weight::zero()
	}
	fn repay() -> Weight {
		Weight::zero()
	}
	fn set_timing() -> Weight {
		Weight::zero()
	}
	fn change_timing() -> Weight {
		Weight::zero()
	}
	fn on_initialize_base() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn on_initialize_block() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn on_initialize_claim(_: u32, _: u32) -> Weight {
		Weight::from_parts(10, 0)
	}
	fn on_initialize_timeout(_: u32, _: u32) -> Weight {
		Weight::from_parts(10, 0)
	}
	fn clear_strikes(_: u32) -> Weight {
		Weight::zero()
	}
	fn prune_claim(_: u32) -> Weight {
		Weight::from_parts(10, 0)
	}
	fn claim_summary() -> Weight {
		Weight::zero()
	}
}

/// Everyone in tests starts with this much.
pub const ENDOWMENT: Balance = 1_000;

/// Accounts 1 to 3 are founders with a deposit of 100, and so is the council
/// ([`COUNCIL_AT_START`]); 1 to 30 and the council are endowed.
pub struct ExtBuilder {
	founders: Vec<(AccountId, Balance)>,
	guarantees: Vec<(AccountId, AccountId, Balance)>,
	synthetic: Option<crate::SyntheticCooperative>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		let council = COUNCIL_AT_START.iter().map(|who| (*who, 100));
		let founders = [(1, 100), (2, 100), (3, 100)].into_iter().chain(council).collect();
		Self { founders, guarantees: vec![], synthetic: None }
	}
}

impl ExtBuilder {
	/// No founders and no guarantees: an empty cooperative (accounts are still endowed).
	pub fn bare() -> Self {
		Self { founders: vec![], guarantees: vec![], synthetic: None }
	}

	/// Adds genesis guarantees `(guarantor, ward, amount)`.
	pub fn guarantees(mut self, guarantees: &[(AccountId, AccountId, Balance)]) -> Self {
		self.guarantees.extend_from_slice(guarantees);
		self
	}

	/// Adds a synthetic cooperative to the genesis.
	pub fn synthetic(mut self, synthetic: crate::SyntheticCooperative) -> Self {
		self.synthetic = Some(synthetic);
		self
	}

	/// The externalities, at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=30).chain(COUNCIL_AT_START).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_guarantor::GenesisConfig::<Test> {
			founders: self.founders,
			guarantees: self.guarantees,
			timing: None,
			synthetic: self.synthetic,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			COMMITTED.with(|c| c.borrow_mut().clear());
			OUTCOMES.with(|o| o.borrow_mut().clear());
			set_council(COUNCIL_AT_START.to_vec());
			DEADLINE_WEIGHT.with(|w| *w.borrow_mut() = Weight::MAX);
			IDLE_WEIGHT.with(|w| *w.borrow_mut() = Weight::MAX);
		});
		ext
	}

	/// Runs `test`, then checks every invariant of the pallet.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Guarantor::do_try_state().expect("invariants hold after the test");
		});
	}
}

/// Advances to block `n`, running the pallet's `on_initialize` and `on_idle` (with
/// [`IDLE_WEIGHT`]) on each block.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Guarantor::on_initialize(next);
		Guarantor::on_idle(next, IDLE_WEIGHT.with(|w| *w.borrow()));
		Guarantor::do_try_state().expect("invariants hold after every block");
	}
}

/// The pallet's events so far, oldest first.
pub fn guarantor_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Guarantor(e) => Some(e),
			_ => None,
		})
		.collect()
}
