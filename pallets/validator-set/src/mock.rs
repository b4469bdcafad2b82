//! A test runtime: accounts are `u64`; the active members are a set tests change; the council
//! is root.

use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_validator_set;
pub use poruka_primitives::testing::{set_active, TestActiveMembers as TestMembers};

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

/// Members 1 to 5 active; 1 and 2 the validators at genesis, with 10-block sessions.
pub fn new_test_ext() -> sp_io::TestExternalities {
	TestMembers::reset([1, 2, 3, 4, 5]);
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
