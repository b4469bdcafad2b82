//! A test runtime: accounts are `u64`; membership, coverage, the agreements' commitments and
//! the guarantor pallet's claims are tables the tests set.

use std::{cell::RefCell, collections::BTreeMap};

use frame_support::{derive_impl, parameter_types, weights::Weight};
use poruka_primitives::{
	ClaimFiler, ClaimId, ClaimOutcome, ClaimOutcomeHandler, ClaimSubject, ClaimSummary, ClaimView,
	Commitments, Coverage,
};
use sp_runtime::{BuildStorage, DispatchError};

use crate as pallet_contract_commitments;

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ContractCommitments: pallet_contract_commitments,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// A filed claim: claimant, respondent, amount, evidence, subject.
pub type FiledClaim = (AccountId, AccountId, Balance, Vec<u8>, Option<ClaimSubject>);

thread_local! {
	/// Active members and their coverage.
	static COVERAGE: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	/// What agreements hold of each member's coverage.
	static AGREEMENTS: RefCell<BTreeMap<AccountId, Balance>> = const { RefCell::new(BTreeMap::new()) };
	/// The claims filed, by id.
	static CLAIMS: RefCell<Vec<FiledClaim>> = const { RefCell::new(Vec::new()) };
	/// Members who cannot post the claim bond.
	static NO_BOND: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Makes `who` an active member with `coverage` (or, with `None`, no member).
pub fn set_member(who: AccountId, coverage: Option<Balance>) {
	COVERAGE.with(|c| match coverage {
		Some(amount) => c.borrow_mut().insert(who, amount),
		None => c.borrow_mut().remove(&who),
	});
}

/// Agreements hold `amount` of `who`'s coverage.
pub fn set_agreements(who: AccountId, amount: Balance) {
	AGREEMENTS.with(|a| a.borrow_mut().insert(who, amount));
}

/// `who` cannot post the claim bond (or can again).
pub fn set_no_bond(who: AccountId, no_bond: bool) {
	NO_BOND.with(|n| {
		let mut n = n.borrow_mut();
		n.retain(|w| *w != who);
		if no_bond {
			n.push(who);
		}
	});
}

/// The claims filed so far.
pub fn claims() -> Vec<FiledClaim> {
	CLAIMS.with(|c| c.borrow().clone())
}

/// The guarantor pallet makes claim `claim` final with `outcome`.
pub fn finalize(claim: ClaimId, outcome: ClaimOutcome<Balance>) {
	let subject = claims()[claim as usize].4;
	<ContractCommitments as ClaimOutcomeHandler<Balance>>::on_claim_final(claim, subject, outcome);
}

pub struct TestCoverage;
impl Coverage<AccountId, Balance> for TestCoverage {
	fn is_active_member(who: &AccountId) -> bool {
		COVERAGE.with(|c| c.borrow().contains_key(who))
	}
	fn is_member(who: &AccountId) -> bool {
		Self::is_active_member(who)
	}
	fn coverage(who: &AccountId) -> Balance {
		COVERAGE.with(|c| c.borrow().get(who).copied().unwrap_or_default())
	}
}

pub struct TestAgreements;
impl Commitments<AccountId, Balance> for TestAgreements {
	fn committed(who: &AccountId) -> Balance {
		AGREEMENTS.with(|a| a.borrow().get(who).copied().unwrap_or_default())
	}
}

pub struct TestClaims;
impl ClaimFiler<AccountId, Balance> for TestClaims {
	fn file_claim(
		claimant: &AccountId,
		respondent: &AccountId,
		amount: Balance,
		evidence: &[u8],
		subject: Option<ClaimSubject>,
	) -> Result<ClaimId, DispatchError> {
		if !Self::can_file(claimant) {
			return Err(DispatchError::Other("the claimant cannot post the claim bond"));
		}
		if claimant == respondent {
			return Err(DispatchError::Other("no claim against oneself"));
		}
		CLAIMS.with(|c| {
			let mut claims = c.borrow_mut();
			claims.push((*claimant, *respondent, amount, evidence.to_vec(), subject));
			Ok(claims.len() as ClaimId - 1)
		})
	}

	fn can_file(claimant: &AccountId) -> bool {
		TestCoverage::is_member(claimant) && !NO_BOND.with(|n| n.borrow().contains(claimant))
	}

	fn file_claim_weight() -> Weight {
		Weight::from_parts(1_000, 0)
	}
	fn filed_claim_weight(_: ClaimId) -> Weight {
		Weight::from_parts(400, 0)
	}
}

impl ClaimView<AccountId, Balance> for TestClaims {
	fn claim_summary(_: ClaimId) -> Option<ClaimSummary<AccountId, Balance>> {
		None
	}
	fn claim_summary_weight() -> Weight {
		Weight::zero()
	}
}

parameter_types! {
	pub const MaxContractsPerMember: u32 = 3;
	pub const MaxCommitPeriod: u64 = 100;
}

impl pallet_contract_commitments::Config for Test {
	type Balance = Balance;
	type Coverage = TestCoverage;
	type OtherCommitments = TestAgreements;
	type Claims = TestClaims;
	type MaxContractsPerMember = MaxContractsPerMember;
	type MaxCommitPeriod = MaxCommitPeriod;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestHelper;
}

/// Makes covered members for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct TestHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, Balance> for TestHelper {
	fn make_covered_member(who: &AccountId, coverage: Balance) {
		set_member(*who, Some(coverage));
	}
}

/// Members 1, 2 and 3 are active with coverage 100 each; 4 is not a member. At block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	COVERAGE.with(|c| *c.borrow_mut() = [(1, 100), (2, 100), (3, 100)].into_iter().collect());
	AGREEMENTS.with(|a| a.borrow_mut().clear());
	CLAIMS.with(|c| c.borrow_mut().clear());
	NO_BOND.with(|n| n.borrow_mut().clear());
	let storage = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.expect("the genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in a fresh externality, then checks the pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		ContractCommitments::do_try_state().expect("the invariants hold");
	});
}

/// The pallet's events so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ContractCommitments(event) => Some(event),
			_ => None,
		})
		.collect()
}
