//! A test runtime: accounts are `u64`; the active members are a set tests change.

use core::cell::RefCell;
use std::collections::BTreeSet;

use frame_support::{derive_impl, parameter_types, traits::Contains};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_node_registry;
use crate::{NodeKey, PeerIdBytes};

pub type AccountId = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Nodes: pallet_node_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	/// The active members.
	pub static ACTIVE: RefCell<BTreeSet<AccountId>> = RefCell::new([1, 2, 3].into());
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
	pub const MaxNodesPerMember: u32 = 2;
	pub const MaxInfraNodes: u32 = 3;
}

impl pallet_node_registry::Config for Test {
	type ActiveMembers = TestMembers;
	type InfraOrigin = EnsureRoot<AccountId>;
	type MaxNodesPerMember = MaxNodesPerMember;
	type MaxInfraNodes = MaxInfraNodes;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = TestMembers;
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_node_registry::BenchmarkHelper<AccountId> for TestMembers {
	fn make_active_member(who: &AccountId) {
		set_active(*who, true);
	}
}

/// The node with key `[n; 32]`.
pub fn node(n: u8) -> NodeKey {
	NodeKey([n; 32])
}

/// The peer id of [`node`] `n`, as a caller gives it.
pub fn peer(n: u8) -> PeerIdBytes {
	PeerIdBytes::truncate_from(node(n).peer_id().to_vec())
}

/// Members 1, 2 and 3 active, 4 not; member 3 runs node 30 from genesis; node 99 admitted by
/// the council.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ACTIVE.with(|a| *a.borrow_mut() = [1, 2, 3].into());
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		nodes: pallet_node_registry::GenesisConfig {
			nodes: vec![(3, node(30))],
			infra_nodes: vec![node(99)],
		},
	}
	.build_storage()
	.expect("the genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in a fresh externality, then checks the registry agrees with itself.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Nodes::do_try_state().expect("the registry agrees with itself");
	});
}
