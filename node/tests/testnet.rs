//! End-to-end: four validators of `--chain local` gossip blocks and finalize them together, a
//! transaction sent to one is seen by all, finality survives a lost validator, the lost one
//! catches up with its state intact, and a member's registered full node can follow but not
//! disturb the chain (node/tests/members_network.rs shows that no one else can follow).

mod common;

use std::time::Duration;

use common::{
	network::{eventually, local_validators, node_key, Peer, TempDir},
	Node, STARTUP_TIMEOUT,
};
use poruka_runtime::{RuntimeCall, UNIT};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve};
use sp_runtime::MultiAddress;

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_gossip_finalize_and_survive_a_lost_node() {
	let root = TempDir::new("testnet");
	let vals = local_validators(&root.0);
	let bootnode = vec![vals[0].multiaddr()];

	let mut nodes: Vec<Node> = vec![vals[0].start(&[])];
	for v in &vals[1..] {
		nodes.push(v.start(&bootnode));
	}

	// 1. Gossip and finality: every node finalizes block 5, the same block 5, with 3 peers.
	for node in &nodes {
		node.wait_for_finalized(5, STARTUP_TIMEOUT).await;
	}
	let hash_of_5 = |node: &Node| {
		let node = node.rpc.clone();
		async move {
			use jsonrpsee::core::client::ClientT;
			node.request::<serde_json::Value, _>("chain_getBlockHash", vec![5u32]).await.unwrap()
		}
	};
	let first = hash_of_5(&nodes[0]).await;
	for node in &nodes[1..] {
		assert_eq!(hash_of_5(node).await, first, "every node finalized the same block 5");
	}
	for node in &nodes {
		eventually("each node has 3 peers", Duration::from_secs(60), || async {
			node.peers().await.map(|p| p == 3).unwrap_or(false)
		})
		.await;
	}

	// 2. A transfer sent to node 1 shows in node 4's state.
	let amount = 7 * UNIT;
	let bob = Bob.to_account_id();
	let before = nodes[3].free_balance(&bob, None).await;
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(bob.clone()),
		value: amount,
	});
	let xt = nodes[0].sign(Alice, call).await;
	nodes[0].submit(&xt).await;
	eventually("node 4 sees the transfer", Duration::from_secs(60), || async {
		nodes[3].free_balance(&bob, None).await == before + amount
	})
	.await;

	// A guarantor claim, made before the loss: Alice (a founder) against Dave (a member).
	let claim = RuntimeCall::Guarantor(pallet_guarantor::Call::file_claim {
		respondent: Dave.to_account_id(),
		amount: 3 * UNIT,
		evidence: b"e2e".to_vec().try_into().unwrap(),
		agreement: None,
	});
	let xt = nodes[0].sign(Alice, claim).await;
	nodes[0].submit(&xt).await;
	let claim_key = pallet_guarantor::Claims::<poruka_runtime::Runtime>::hashed_key_for(0u32);
	eventually("the claim is finalized on node 4", Duration::from_secs(90), || async {
		let head = nodes[3].finalized_hash().await.unwrap();
		raw_exists(&nodes[3], &claim_key, head).await
	})
	.await;

	// 3. Node 4 is lost; three of four keep finalizing (more than 2/3).
	let lost = nodes.pop().unwrap();
	lost.kill_hard();
	let finalized = nodes[0].finalized_number().await.unwrap();
	for node in &nodes {
		node.wait_for_finalized(finalized + 3, Duration::from_secs(120)).await;
	}
	// Restarted on the same base path, it catches up and still has the claim.
	let back = vals[3].start(&bootnode);
	let target = nodes[0].finalized_number().await.unwrap();
	back.wait_for_finalized(target, STARTUP_TIMEOUT).await;
	let head = back.finalized_hash().await.unwrap();
	assert!(raw_exists(&back, &claim_key, head).await, "the claim survived the crash");

	// 4. A member's full node (Eve's, node key 5, registered on chain first): it follows the
	// chain but authors nothing.
	let eve = Peer::new(&root.0, "local", Eve, node_key(5));
	let register = RuntimeCall::NodeRegistry(pallet_node_registry::Call::register_node {
		peer_id: common::peer_id_bytes(&eve.peer_id),
	});
	let xt = nodes[0].sign(Eve, register).await;
	nodes[0].submit(&xt).await;
	let member_node = eve.start(&bootnode);
	let target = nodes[0].finalized_number().await.unwrap();
	member_node.wait_for_finalized(target, STARTUP_TIMEOUT).await;
	let roles = member_node.call("system_nodeRoles", common::rpc_params()).await.unwrap();
	assert_eq!(roles, serde_json::json!(["Full"]));
	let keys = member_node
		.call("author_hasSessionKeys", vec![String::from("0x")])
		.await
		.unwrap_or(serde_json::Value::Bool(false));
	assert_eq!(keys, serde_json::Value::Bool(false), "a member's full node holds no session keys");

	// An unfunded account's transaction is refused by every node's pool.
	let (unfunded, _) = sp_core::sr25519::Pair::generate();
	let call = RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() });
	let mut all: Vec<&Node> = nodes.iter().collect();
	all.push(&back);
	all.push(&member_node);
	for node in all {
		let xt = node.sign_with(&unfunded, call.clone()).await;
		let err = node
			.submit_raw(&codec::Encode::encode(&xt))
			.await
			.expect_err("an unfunded account cannot pay the fee");
		let message = err.to_string();
		assert!(
			message.contains("Inability to pay some fees"),
			"the pool says why on node {}: {message}",
			node.rpc_port
		);
	}

	for node in nodes.into_iter().chain([back, member_node]) {
		let status = node.stop();
		assert!(status.success(), "a node exited with {status}");
	}
}

/// Whether `key` has a value at `at`, by `state_getStorage`.
async fn raw_exists(node: &Node, key: &[u8], at: sp_core::H256) -> bool {
	let value = node
		.call("state_getStorage", vec![sp_core::bytes::to_hex(key, false), format!("{at:?}")])
		.await
		.expect("state_getStorage");
	!value.is_null()
}
