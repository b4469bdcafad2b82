//! Registering, deregistering and pruning nodes, and the set of nodes authorized to peer.

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::Contains};

use crate::{Config, Error, Event, InfraNodes, NodeKey, NodesOf, OwnerOf, Pallet, PeerIdBytes};

impl<T: Config> Pallet<T> {
	/// The node key in `peer_id`, or `InvalidPeerId`.
	fn key_of(peer_id: &PeerIdBytes) -> Result<NodeKey, DispatchError> {
		NodeKey::from_peer_id(peer_id).ok_or_else(|| Error::<T>::InvalidPeerId.into())
	}

	/// An active member registers a node.
	pub(crate) fn do_register(who: &T::AccountId, peer_id: &PeerIdBytes) -> DispatchResult {
		ensure!(T::ActiveMembers::contains(who), Error::<T>::NotActiveMember);
		let node = Self::key_of(peer_id)?;
		Self::add_node(who, node)?;
		Self::deposit_event(Event::NodeRegistered { member: who.clone(), node });
		Ok(())
	}

	/// Records `node` as one of `who`'s nodes (at genesis too).
	pub(crate) fn add_node(who: &T::AccountId, node: NodeKey) -> DispatchResult {
		ensure!(!OwnerOf::<T>::contains_key(node), Error::<T>::AlreadyRegistered);
		NodesOf::<T>::try_mutate(who, |nodes| nodes.try_push(node))
			.map_err(|_| Error::<T>::TooManyNodes)?;
		OwnerOf::<T>::insert(node, who);
		Ok(())
	}

	/// The owner of a node deregisters it.
	pub(crate) fn do_deregister(who: &T::AccountId, peer_id: &PeerIdBytes) -> DispatchResult {
		let node = Self::key_of(peer_id)?;
		ensure!(OwnerOf::<T>::get(node).as_ref() == Some(who), Error::<T>::NotOwner);
		OwnerOf::<T>::remove(node);
		NodesOf::<T>::mutate_exists(who, |nodes| {
			if let Some(list) = nodes {
				list.retain(|n| *n != node);
				if list.is_empty() {
					*nodes = None;
				}
			}
		});
		Self::deposit_event(Event::NodeDeregistered { member: who.clone(), node });
		Ok(())
	}

	/// Removes every node of a member that is no longer active; how many were removed.
	pub(crate) fn do_prune(member: &T::AccountId) -> Result<u32, DispatchError> {
		ensure!(!T::ActiveMembers::contains(member), Error::<T>::StillActive);
		let nodes = NodesOf::<T>::take(member);
		ensure!(!nodes.is_empty(), Error::<T>::NoNodes);
		for node in nodes.iter() {
			OwnerOf::<T>::remove(node);
		}
		let count = nodes.len() as u32;
		Self::deposit_event(Event::NodesPruned { member: member.clone(), nodes: nodes.into() });
		Ok(count)
	}

	/// The council replaces the nodes admitted without a member.
	pub(crate) fn do_set_infra(peer_ids: &[PeerIdBytes]) -> DispatchResult {
		let mut nodes = Vec::with_capacity(peer_ids.len());
		for peer_id in peer_ids {
			let node = Self::key_of(peer_id)?;
			ensure!(!nodes.contains(&node), Error::<T>::Duplicate);
			nodes.push(node);
		}
		let bounded = BoundedVec::truncate_from(nodes.clone());
		InfraNodes::<T>::put(bounded);
		Self::deposit_event(Event::InfraNodesSet { nodes });
		Ok(())
	}

	/// The nodes that may peer now: the infrastructure nodes, then the nodes of the members
	/// that are active now, as peer ids. Read off chain (by the node, through the runtime
	/// API): it goes through every registered node.
	pub fn authorized_nodes() -> Vec<[u8; 38]> {
		let infra = InfraNodes::<T>::get().into_iter();
		let members = NodesOf::<T>::iter()
			.filter(|(member, _)| T::ActiveMembers::contains(member))
			.flat_map(|(_, nodes)| nodes.into_iter());
		infra.chain(members).map(|node| node.peer_id()).collect()
	}

	/// The nodes `who` registered.
	pub fn nodes_of(who: &T::AccountId) -> Vec<NodeKey> {
		NodesOf::<T>::get(who).into_inner()
	}

	/// The registry agrees with itself: every member's node is owned by that member, every
	/// owned node is in its owner's list, no member has an empty list.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut listed = 0usize;
		for (member, nodes) in NodesOf::<T>::iter() {
			ensure!(!nodes.is_empty(), "a member has an empty list of nodes");
			for node in nodes.iter() {
				ensure!(
					OwnerOf::<T>::get(node).as_ref() == Some(&member),
					"a member's node is not owned by it"
				);
				listed += 1;
			}
		}
		ensure!(OwnerOf::<T>::iter().count() == listed, "an owned node is in no member's list");
		Ok(())
	}
}
