//! A test runtime: accounts are `u64`; the active members are a set tests change; the council
//! is root.

use core::cell::RefCell;
use std::collections::BTreeSet;

use frame_support::{derive_impl, parameter_types, traits::Contains};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_validator_set;

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		ValidatorSet: pallet_validator_set,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	/// The active members.
	pub static ACTIVE: RefCell<BTreeSet<AccountId>> = RefCell::new([1, 2, 3, 4, 5].into());
}

/// Makes `who` an active member or not.
pub fn set_active(who: AccountId, active: bool) {
	ACTIVE.with(|a| {
		if active {
			a.borrow_mut().insert(who);
		} else {
			a.borrow_mut().remove(&who);
		}
	});
}

pub struct TestMembers;
impl Contains<AccountId> for TestMembers {
	fn contains(who: &AccountId) -> bool {
		ACTIVE.with(|a| a.borrow().contains(who))
	}
}

parameter_types! {
	pub const MaxValidators: u32 = 4;
}

impl pallet_validator_set::Config for Test {
	type ActiveMembers = TestMembers;
	type CouncilOrigin = EnsureRoot<AccountId>;
	type MaxValidators = MaxValidators;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestMembers;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_validator_set::BenchmarkHelper<AccountId> for TestMembers {
	fn make_active_member(who: &AccountId) {
		set_active(*who, true);
	}
}

/// Members 1 to 5 active; 1 and 2 the validators at genesis, with 10-block sessions.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ACTIVE.with(|a| *a.borrow_mut() = [1, 2, 3, 4, 5].into());
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		validator_set: pallet_validator_set::GenesisConfig {
			validators: vec![2, 1],
			session_period: Some(10),
		},
	}
	.build_storage()
	.expect("the genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in a fresh externality with the genesis sessions planned, then checks the
/// invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		use pallet_session::SessionManager;
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![1, 2]));
		test();
		ValidatorSet::do_try_state().expect("the validator set invariants hold");
	});
}

/// The pallet's events so far, oldest first.
pub fn events() -> Vec<pallet_validator_set::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}
