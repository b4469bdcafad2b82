//! The members' network on chain: active members register their nodes, a member that leaves
//! loses their place at once, and the council (not one member) admits the nodes no member
//! runs.

mod common;

use codec::Encode;
use common::*;
use frame_support::{assert_noop, assert_ok, weights::Weight, BoundedVec};
use pallet_node_registry::{Error, NodeKey, PeerIdBytes};
use poruka_runtime::{
	Council, Guarantor, NodeRegistry, Runtime, RuntimeCall, RuntimeEvent, System,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Ferdie};
use sp_runtime::{traits::Hash, DispatchError};

fn peer(n: u8) -> PeerIdBytes {
	PeerIdBytes::truncate_from(NodeKey([n; 32]).peer_id().to_vec())
}

/// The authorized nodes, sorted (members' nodes come in storage order).
fn authorized() -> Vec<NodeKey> {
	let mut nodes: Vec<NodeKey> = NodeRegistry::authorized_nodes()
		.iter()
		.map(|p| NodeKey::from_peer_id(p).expect("a node's peer id"))
		.collect();
	nodes.sort();
	nodes
}

#[test]
fn members_register_their_nodes_and_a_member_who_leaves_loses_their_place() {
	dev_chain().execute_with(|| {
		assert_noop!(
			NodeRegistry::register_node(signed(Ferdie), peer(6)),
			Error::<Runtime>::NotActiveMember
		);
		assert_ok!(NodeRegistry::register_node(signed(Dave), peer(4)));
		assert_ok!(NodeRegistry::register_node(signed(Alice), peer(1)));
		assert_eq!(authorized(), vec![NodeKey([1; 32]), NodeKey([4; 32])]);
		// Dave leaves: his node is out from the next read, and anyone may prune it, free.
		assert_ok!(Guarantor::leave(signed(Dave)));
		assert_eq!(authorized(), vec![NodeKey([1; 32])]);
		let post = NodeRegistry::prune_nodes(signed(Ferdie), id(Dave)).expect("pruned");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert!(NodeRegistry::nodes_of(&id(Dave)).is_empty());
		check_invariants();
	});
}

#[test]
fn the_council_admits_the_nodes_no_member_runs_and_one_member_cannot() {
	dev_chain().execute_with(|| {
		let nodes = BoundedVec::truncate_from(vec![peer(50), peer(51)]);
		assert_noop!(
			NodeRegistry::set_infra_nodes(signed(Alice), nodes.clone()),
			DispatchError::BadOrigin
		);
		let call = RuntimeCall::NodeRegistry(pallet_node_registry::Call::set_infra_nodes {
			peer_ids: nodes,
		});
		let length = call.encoded_size() as u32;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		assert_ok!(Council::propose(signed(Alice), 4, Box::new(call), length));
		let index =
			pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1;
		for voter in [Alice, Bob, Charlie, Dave] {
			assert_ok!(Council::vote(signed(voter), hash, index, true));
		}
		assert_ok!(Council::close(signed(Alice), hash, index, Weight::MAX / 4, length));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(()), .. })
		)));
		assert_eq!(authorized(), vec![NodeKey([50; 32]), NodeKey([51; 32])]);
		check_invariants();
	});
}
