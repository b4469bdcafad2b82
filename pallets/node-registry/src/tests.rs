//! Every rule and error of the registry, and what a member who wants to keep its node on the
//! network after its membership ended might try.

use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_runtime::DispatchError;

use crate::{mock::*, Error, Event, InfraNodes, NodesOf, OwnerOf, PeerIdBytes};

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Nodes(e) => Some(e),
			_ => None,
		})
		.expect("an event of the registry")
}

fn authorized() -> Vec<crate::NodeKey> {
	Nodes::authorized_nodes()
		.iter()
		.map(|peer_id| crate::NodeKey::from_peer_id(peer_id).expect("a node's peer id"))
		.collect()
}

#[test]
fn genesis_nodes_are_authorized() {
	run(|| {
		assert_eq!(Nodes::nodes_of(&3), vec![node(30)]);
		assert_eq!(OwnerOf::<Test>::get(node(30)), Some(3));
		assert_eq!(authorized(), vec![node(99), node(30)]);
	});
}

#[test]
fn an_active_member_registers_and_deregisters_its_nodes() {
	run(|| {
		assert_ok!(Nodes::register_node(signed(1), peer(10)));
		assert_eq!(last_event(), Event::NodeRegistered { member: 1, node: node(10) });
		assert_ok!(Nodes::register_node(signed(1), peer(11)));
		assert_eq!(Nodes::nodes_of(&1), vec![node(10), node(11)]);
		assert!(authorized().contains(&node(10)) && authorized().contains(&node(11)));

		assert_ok!(Nodes::deregister_node(signed(1), peer(10)));
		assert_eq!(last_event(), Event::NodeDeregistered { member: 1, node: node(10) });
		assert_eq!(Nodes::nodes_of(&1), vec![node(11)]);
		assert!(!authorized().contains(&node(10)));
		assert_ok!(Nodes::deregister_node(signed(1), peer(11)));
		// The last one leaves no empty record behind.
		assert!(!NodesOf::<Test>::contains_key(1));
		assert_eq!(OwnerOf::<Test>::iter().count(), 1);
	});
}

#[test]
fn registration_errors() {
	run(|| {
		// Not a member.
		assert_noop!(Nodes::register_node(signed(4), peer(40)), Error::<Test>::NotActiveMember);
		// Not a peer id.
		let garbage = PeerIdBytes::truncate_from(vec![1, 2, 3]);
		assert_noop!(Nodes::register_node(signed(1), garbage), Error::<Test>::InvalidPeerId);
		// Someone else's node, or the council's.
		assert_noop!(Nodes::register_node(signed(1), peer(30)), Error::<Test>::AlreadyRegistered);
		assert_ok!(Nodes::register_node(signed(1), peer(10)));
		assert_noop!(Nodes::register_node(signed(1), peer(10)), Error::<Test>::AlreadyRegistered);
		// At most MaxNodesPerMember (2).
		assert_ok!(Nodes::register_node(signed(1), peer(11)));
		assert_noop!(Nodes::register_node(signed(1), peer(12)), Error::<Test>::TooManyNodes);
		// Only the owner deregisters.
		assert_noop!(Nodes::deregister_node(signed(2), peer(10)), Error::<Test>::NotOwner);
		assert_noop!(Nodes::deregister_node(signed(2), peer(77)), Error::<Test>::NotOwner);
		assert_noop!(
			Nodes::deregister_node(signed(1), PeerIdBytes::truncate_from(vec![0; 38])),
			Error::<Test>::InvalidPeerId
		);
	});
}

#[test]
fn a_suspended_member_loses_its_nodes_place_at_once_and_gets_it_back_when_reinstated() {
	run(|| {
		assert_ok!(Nodes::register_node(signed(1), peer(10)));
		set_active(1, false);
		assert!(!authorized().contains(&node(10)), "not authorized from the next read");
		// It cannot slip a new node in either.
		assert_noop!(Nodes::register_node(signed(1), peer(11)), Error::<Test>::NotActiveMember);
		set_active(1, true);
		assert!(authorized().contains(&node(10)));
	});
}

#[test]
fn anyone_prunes_the_nodes_of_a_former_member_for_free() {
	run(|| {
		assert_ok!(Nodes::register_node(signed(1), peer(10)));
		assert_ok!(Nodes::register_node(signed(1), peer(11)));
		// Not while it is active.
		assert_noop!(Nodes::prune_nodes(signed(2), 1), Error::<Test>::StillActive);
		set_active(1, false);
		let post = Nodes::prune_nodes(signed(2), 1).expect("pruned");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(last_event(), Event::NodesPruned { member: 1, nodes: vec![node(10), node(11)] });
		assert!(Nodes::nodes_of(&1).is_empty());
		assert_eq!(OwnerOf::<Test>::get(node(10)), None);
		// Nothing left: an error (so the free call cannot be spammed).
		assert_noop!(Nodes::prune_nodes(signed(2), 1), Error::<Test>::NoNodes);
		// Its nodes are free to register again, by an active member.
		assert_ok!(Nodes::register_node(signed(2), peer(10)));
	});
}

#[test]
fn a_former_member_may_still_deregister_its_own_nodes() {
	run(|| {
		assert_ok!(Nodes::register_node(signed(1), peer(10)));
		set_active(1, false);
		assert_ok!(Nodes::deregister_node(signed(1), peer(10)));
		assert!(Nodes::nodes_of(&1).is_empty());
	});
}

#[test]
fn the_council_sets_the_nodes_no_member_runs() {
	run(|| {
		let list = |ids: &[u8]| {
			BoundedVec::truncate_from(ids.iter().map(|n| peer(*n)).collect::<Vec<_>>())
		};
		assert_noop!(Nodes::set_infra_nodes(signed(1), list(&[50])), DispatchError::BadOrigin);
		assert_noop!(
			Nodes::set_infra_nodes(RuntimeOrigin::root(), list(&[50, 50])),
			Error::<Test>::Duplicate
		);
		let bad = BoundedVec::truncate_from(vec![PeerIdBytes::truncate_from(vec![9; 38])]);
		assert_noop!(
			Nodes::set_infra_nodes(RuntimeOrigin::root(), bad),
			Error::<Test>::InvalidPeerId
		);
		assert_ok!(Nodes::set_infra_nodes(RuntimeOrigin::root(), list(&[50, 51])));
		assert_eq!(last_event(), Event::InfraNodesSet { nodes: vec![node(50), node(51)] });
		assert_eq!(InfraNodes::<Test>::get().into_inner(), vec![node(50), node(51)]);
		assert_eq!(authorized(), vec![node(50), node(51), node(30)]);
		// An empty list closes the network to everyone but members.
		assert_ok!(Nodes::set_infra_nodes(RuntimeOrigin::root(), list(&[])));
		assert_eq!(authorized(), vec![node(30)]);
	});
}
