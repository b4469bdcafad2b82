//! A test runtime: accounts are `u64`; the active members are a set tests change.

use frame_support::{derive_impl, parameter_types};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_node_registry;
use crate::{NodeKey, PeerIdBytes};
pub use poruka_primitives::testing::{set_active, TestActiveMembers as TestMembers};

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
	TestMembers::reset([1, 2, 3]);
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
