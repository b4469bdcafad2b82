//! Benchmarks of the registry's calls, each at its worst case.

use super::*;
use crate::Pallet as Nodes;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	ensure,
	traits::{Contains, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use poruka_primitives::MakeActiveMember;

/// The peer id of the node with key `[n; 32]` (distinct for distinct `n`).
fn peer(n: u32) -> PeerIdBytes {
	let mut key = [0u8; 32];
	key[..4].copy_from_slice(&n.to_le_bytes());
	PeerIdBytes::truncate_from(NodeKey(key).peer_id().to_vec())
}

/// An account the runtime made an active member.
fn member<T: Config>(name: &'static str) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::make_active_member(&who);
	if T::ActiveMembers::contains(&who) {
		Ok(who)
	} else {
		Err(BenchmarkError::Stop("the runtime cannot make an active member for benchmarks"))
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last node a member may register.
	#[benchmark]
	fn register_node() -> Result<(), BenchmarkError> {
		let who = member::<T>("member")?;
		let max = T::MaxNodesPerMember::get();
		for i in 1..max {
			Nodes::<T>::do_register(&who, &peer(i))
				.map_err(|_| BenchmarkError::Stop("registers"))?;
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), peer(max));
		assert_eq!(NodesOf::<T>::get(&who).len() as u32, max);
		Ok(())
	}

	/// A node deregistered from a full list.
	#[benchmark]
	fn deregister_node() -> Result<(), BenchmarkError> {
		let who = member::<T>("member")?;
		let max = T::MaxNodesPerMember::get();
		for i in 1..=max {
			Nodes::<T>::do_register(&who, &peer(i))
				.map_err(|_| BenchmarkError::Stop("registers"))?;
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), peer(max));
		assert_eq!(NodesOf::<T>::get(&who).len() as u32, max - 1);
		Ok(())
	}

	/// `n` nodes of a former member pruned.
	#[benchmark]
	fn prune_nodes(n: Linear<1, { T::MaxNodesPerMember::get() }>) -> Result<(), BenchmarkError> {
		let former: T::AccountId = account("former", 0, 0);
		for i in 1..=n {
			Nodes::<T>::add_node(&former, NodeKey::from_peer_id(&peer(i)).expect("a peer id"))
				.map_err(|_| BenchmarkError::Stop("adds"))?;
		}
		ensure!(
			!T::ActiveMembers::contains(&former),
			BenchmarkError::Stop("a fresh account is not an active member")
		);
		let caller: T::AccountId = account("caller", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), former.clone());
		assert!(NodesOf::<T>::get(&former).is_empty());
		Ok(())
	}

	/// The council sets `n` infrastructure nodes.
	#[benchmark]
	fn set_infra_nodes(n: Linear<0, { T::MaxInfraNodes::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::InfraOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let nodes: Vec<PeerIdBytes> = (0..n).map(peer).collect();
		let nodes = BoundedVec::truncate_from(nodes);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, nodes);
		assert_eq!(InfraNodes::<T>::get().len() as u32, n);
		Ok(())
	}

	impl_benchmark_test_suite!(Nodes, crate::mock::new_test_ext(), crate::mock::Test);
}
