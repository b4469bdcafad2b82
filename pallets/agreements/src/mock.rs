//! A test runtime: frame-system, balances and the agreements pallet, with the guarantor
//! pallet's side (membership, coverage, claims) mocked.

use core::cell::RefCell;
use std::collections::BTreeMap;

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks, VariantCountOf},
	weights::Weight,
};
use poruka_primitives::{
	AgreementId, ClaimFiler, ClaimId, ClaimOutcome, ClaimOutcomeHandler, ClaimSubject, Coverage,
};
use sp_runtime::{BuildStorage, DispatchError};

use crate as pallet_agreements;
use crate::{Obligation, ObligationKind, ObligationOf, ObligationsOf};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
/// Not a member.
pub const MALLORY: AccountId = 9;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Agreements: pallet_agreements,
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

/// A claim filed through the mock filer: (claimant, respondent, amount, evidence, agreement).
pub type FiledClaim = (AccountId, AccountId, Balance, Vec<u8>, Option<ClaimSubject>);

thread_local! {
	/// Coverage of each active member; absent accounts are not members.
	pub static MEMBERS: RefCell<BTreeMap<AccountId, Balance>> =
		const { RefCell::new(BTreeMap::new()) };
	/// Claims filed, in order: a claim's id is its position.
	pub static CLAIMS: RefCell<Vec<FiledClaim>> = const { RefCell::new(Vec::new()) };
	/// Whether filing a claim fails (as it does when the claimant cannot pay the bond).
	pub static CLAIMS_FAIL: RefCell<bool> = const { RefCell::new(false) };
	/// The storage deposit of a proposal: `(base, per obligation)` (none unless a test sets it).
	pub static DEPOSIT: RefCell<(Balance, Balance)> = const { RefCell::new((0, 0)) };
	/// Members that are no longer active but still have a record.
	pub static SUSPENDED: RefCell<std::collections::BTreeSet<AccountId>> =
		const { RefCell::new(std::collections::BTreeSet::new()) };
	/// What contracts hold of each member's coverage.
	pub static OTHER_COMMITTED: RefCell<BTreeMap<AccountId, Balance>> =
		const { RefCell::new(BTreeMap::new()) };
	/// The weight `on_initialize` may spend.
	pub static TASK_WEIGHT: RefCell<Weight> = const { RefCell::new(Weight::MAX) };
}

/// Contracts' commitments, mocked: [`OTHER_COMMITTED`].
pub struct TestOtherCommitments;
impl poruka_primitives::Commitments<AccountId, Balance> for TestOtherCommitments {
	fn committed(who: &AccountId) -> Balance {
		OTHER_COMMITTED.with(|c| c.borrow().get(who).copied().unwrap_or_default())
	}
}

/// Contracts hold `amount` of `who`'s coverage.
pub fn set_other_committed(who: AccountId, amount: Balance) {
	OTHER_COMMITTED.with(|c| c.borrow_mut().insert(who, amount));
}

/// The guarantor pallet's coverage, mocked.
pub struct TestCoverage;
impl Coverage<AccountId, Balance> for TestCoverage {
	fn is_active_member(who: &AccountId) -> bool {
		MEMBERS.with(|m| m.borrow().contains_key(who))
	}
	fn is_member(who: &AccountId) -> bool {
		Self::is_active_member(who) || SUSPENDED.with(|s| s.borrow().contains(who))
	}
	fn coverage(who: &AccountId) -> Balance {
		MEMBERS.with(|m| m.borrow().get(who).copied().unwrap_or_default())
	}
}

/// Sets `who`'s coverage (making it an active member).
pub fn set_coverage(who: AccountId, coverage: Balance) {
	MEMBERS.with(|m| m.borrow_mut().insert(who, coverage));
}

/// Makes `who` no member at all (it left the cooperative).
pub fn remove_member(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().remove(&who));
	SUSPENDED.with(|s| s.borrow_mut().remove(&who));
}

/// Makes `who` no longer an active member (a suspended member still has a record).
pub fn suspend(who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().remove(&who));
	SUSPENDED.with(|s| s.borrow_mut().insert(who));
}

/// The guarantor pallet's claims, mocked: recorded in [`CLAIMS`].
pub struct TestClaims;
impl ClaimFiler<AccountId, Balance> for TestClaims {
	fn file_claim(
		claimant: &AccountId,
		respondent: &AccountId,
		amount: Balance,
		evidence: &[u8],
		subject: Option<ClaimSubject>,
	) -> Result<ClaimId, DispatchError> {
		if CLAIMS_FAIL.with(|f| *f.borrow()) {
			return Err(DispatchError::Other("the claimant cannot pay the claim bond"));
		}
		CLAIMS.with(|c| {
			let mut claims = c.borrow_mut();
			claims.push((*claimant, *respondent, amount, evidence.to_vec(), subject));
			Ok(claims.len() as ClaimId - 1)
		})
	}

	fn can_file(claimant: &AccountId) -> bool {
		TestCoverage::is_member(claimant) && !CLAIMS_FAIL.with(|f| *f.borrow())
	}

	/// What the filing took: less than the most it can take (a refund to check).
	fn filed_claim_weight(_: ClaimId) -> Weight {
		Weight::from_parts(400, 0)
	}

	fn file_claim_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
}

/// The claims filed so far.
pub fn claims() -> Vec<FiledClaim> {
	CLAIMS.with(|c| c.borrow().clone())
}

/// The guarantor pallet decides claim `claim` of agreement `agreement`.
pub fn decide(claim: ClaimId, agreement: AgreementId, outcome: ClaimOutcome<Balance>) {
	<Agreements as ClaimOutcomeHandler<Balance>>::on_claim_final(
		claim,
		Some(ClaimSubject::Agreement(agreement)),
		outcome,
	);
}

parameter_types! {
	pub TaskWeight: Weight = TASK_WEIGHT.with(|w| *w.borrow());
}

impl pallet_agreements::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Coverage = TestCoverage;
	type Claims = TestClaims;
	type OtherCommitments = TestOtherCommitments;
	type MaxParties = ConstU32<4>;
	type MaxObligations = ConstU32<6>;
	type MaxDependencies = ConstU32<3>;
	type MaxAcceptPeriod = ConstU64<20>;
	type ReportWindow = ConstU64<5>;
	type MaxReportPause = ConstU64<10>;
	type DepositBase = DepositBase;
	type DepositPerObligation = DepositPerObligation;
	type Retention = ConstU64<RETENTION>;
	type TaskWeight = TaskWeight;
	type WeightInfo = TestWeights;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestBenchmarkHelper;
}

/// Weights of one unit per task, so tests can bound the hook's work; a call weighs what
/// identifies it (a thousand for `accept`, two for `confirm`, …) per obligation, so tests can
/// see what a call was charged for.
pub struct TestWeights;
impl crate::WeightInfo for TestWeights {
	fn propose(_: u32) -> Weight {
		Weight::zero()
	}
	fn accept(o: u32) -> Weight {
		Weight::from_parts(1_000 * u64::from(o), 0)
	}
	fn confirm(o: u32) -> Weight {
		Weight::from_parts(2_000 * u64::from(o), 0)
	}
	fn report_default(o: u32) -> Weight {
		Weight::from_parts(3_000 * u64::from(o), 0)
	}
	fn cancel(o: u32) -> Weight {
		Weight::from_parts(4_000 * u64::from(o), 0)
	}
	fn on_initialize_base() -> Weight {
		Weight::zero()
	}
	fn on_initialize_block() -> Weight {
		Weight::zero()
	}
	fn on_initialize_expire(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn on_initialize_release(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn on_initialize_report_window(_: u32) -> Weight {
		Weight::from_parts(1, 0)
	}
	fn prune_agreement() -> Weight {
		Weight::from_parts(1, 0)
	}
	fn on_claim_final(_: u32) -> Weight {
		Weight::zero()
	}
}

/// Makes benchmark accounts members in the mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, Balance> for TestBenchmarkHelper {
	fn make_member(who: &AccountId, coverage: Balance) {
		set_coverage(*who, coverage);
	}
}

/// The free balance every test account starts with.
pub const ENDOWMENT: Balance = 1_000;

/// How long a closed agreement stays before it is pruned.
pub const RETENTION: u64 = 40;

parameter_types! {
	pub DepositBase: Balance = DEPOSIT.with(|d| d.borrow().0);
	pub DepositPerObligation: Balance = DEPOSIT.with(|d| d.borrow().1);
}

/// Sets the storage deposit of a proposal.
pub fn set_deposit(base: Balance, per_obligation: Balance) {
	DEPOSIT.with(|d| *d.borrow_mut() = (base, per_obligation));
}

/// Builds the test externalities: ALICE, BOB, CAROL and DAVE are members with coverage 500 and
/// a free balance of 1000 each; MALLORY has money but is no member.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MEMBERS.with(|m| m.borrow_mut().clear());
	SUSPENDED.with(|s| s.borrow_mut().clear());
	CLAIMS.with(|c| c.borrow_mut().clear());
	CLAIMS_FAIL.with(|f| *f.borrow_mut() = false);
	OTHER_COMMITTED.with(|c| c.borrow_mut().clear());
	DEPOSIT.with(|d| *d.borrow_mut() = (0, 0));
	TASK_WEIGHT.with(|w| *w.borrow_mut() = Weight::MAX);
	for who in [ALICE, BOB, CAROL, DAVE] {
		set_coverage(who, 500);
	}
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CAROL, DAVE, MALLORY].iter().map(|w| (*w, ENDOWMENT)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in fresh externalities and checks the invariants after it.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Agreements::do_try_state().expect("invariants hold after the test");
	});
}

/// Advances to block `n`, running the hook of each block on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Agreements::on_initialize(next);
		Agreements::on_idle(next, Weight::MAX);
		Agreements::do_try_state().expect("invariants hold after every block");
	}
}

/// A payment obligation.
pub fn payment(
	from: AccountId,
	to: AccountId,
	amount: Balance,
	due: u64,
	after: &[u32],
) -> ObligationOf<Test> {
	Obligation {
		from,
		to,
		kind: ObligationKind::Payment { amount },
		due,
		after: after.to_vec().try_into().unwrap(),
	}
}

/// A delivery obligation.
pub fn delivery(
	from: AccountId,
	to: AccountId,
	value: Balance,
	due: u64,
	after: &[u32],
) -> ObligationOf<Test> {
	Obligation {
		from,
		to,
		kind: ObligationKind::Delivery { value, terms_hash: [from as u8; 32] },
		due,
		after: after.to_vec().try_into().unwrap(),
	}
}

/// A list of obligations.
pub fn obligations(list: Vec<ObligationOf<Test>>) -> ObligationsOf<Test> {
	list.try_into().unwrap()
}

/// The pallet's events so far.
pub fn agreement_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Agreements(e) => Some(e),
			_ => None,
		})
		.collect()
}
