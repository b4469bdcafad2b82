//! The members' network on chain: active members register their nodes, a member that leaves
//! loses their place at once, and the council (not one member) admits the nodes no member
//! runs.

mod common;

use common::*;
use frame_support::{assert_noop, assert_ok, BoundedVec};
use pallet_node_registry::{Error, NodeKey, PeerIdBytes};
use poruka_runtime::{Guarantor, NodeRegistry, Runtime, RuntimeCall};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Ferdie};
use sp_runtime::DispatchError;

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
		council_motion(call);
		assert_eq!(authorized(), vec![NodeKey([50; 32]), NodeKey([51; 32])]);
		check_invariants();
	});
}

#[test]
fn the_local_testnet_authorizes_its_four_validators_nodes_and_the_dev_chain_no_one() {
	use poruka_runtime::genesis_config_presets::TEST_NODE_KEYS;
	// The fixed keys are the public keys of node keys 0x00…01 to 0x00…05.
	for (i, key) in TEST_NODE_KEYS.iter().enumerate() {
		let mut seed = [0u8; 32];
		seed[31] = i as u8 + 1;
		let pair = <sp_core::ed25519::Pair as sp_core::Pair>::from_seed(&seed);
		let public = sp_core::Pair::public(&pair);
		assert_eq!(&public.0, key, "node key {}", i + 1);
	}
	local_chain().execute_with(|| {
		let mut expected: Vec<NodeKey> = TEST_NODE_KEYS[..4].iter().map(|k| NodeKey(*k)).collect();
		expected.sort();
		assert_eq!(authorized(), expected);
		for (who, key) in [Alice, Bob, Charlie, Dave].into_iter().zip(TEST_NODE_KEYS) {
			assert_eq!(NodeRegistry::nodes_of(&id(who)), vec![NodeKey(key)]);
		}
		check_invariants();
	});
	dev_chain().execute_with(|| assert!(authorized().is_empty(), "--dev peers with anyone"));
}
