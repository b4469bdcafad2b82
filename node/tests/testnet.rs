//! End-to-end: four validators of `--chain local` gossip blocks and finalize them together, a
//! transaction sent to one is seen by all, finality survives a lost validator, the lost one
//! catches up with its state intact, and a stranger can follow but not disturb the chain.

mod common;

use std::{
	path::PathBuf,
	process::Command,
	time::{Duration, Instant},
};

use common::{free_port, node_binary, Node, STARTUP_TIMEOUT};
use poruka_runtime::{RuntimeCall, UNIT};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};
use sp_runtime::MultiAddress;

/// A validator's fixed identity: its keyring account, base path and ports.
struct Validator {
	key: Sr25519Keyring,
	base: PathBuf,
	rpc_port: u16,
	p2p_port: u16,
	node_key: String,
}

impl Validator {
	fn args<'a>(&'a self, bootnode: &'a Option<String>) -> Vec<String> {
		let mut args = vec![
			"--chain".into(),
			"local".into(),
			"--validator".into(),
			"--name".into(),
			format!("{:?}", self.key),
			"--base-path".into(),
			self.base.display().to_string(),
			"--node-key".into(),
			self.node_key.clone(),
		];
		if let Some(bootnode) = bootnode {
			args.extend(["--bootnodes".into(), bootnode.clone()]);
		}
		args
	}

	fn start(&self, bootnode: &Option<String>) -> Node {
		let args = self.args(bootnode);
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		Node::start_on(&args, self.rpc_port, self.p2p_port)
	}
}

/// A temporary directory removed when dropped.
struct TempDir(PathBuf);
impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
	}
}

/// Runs `poruka-node` with `args` to completion; its stdout.
fn run(args: &[&str]) -> String {
	let out = Command::new(node_binary()).args(args).output().expect("poruka-node runs");
	assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8(out.stdout).expect("utf-8 output")
}

fn validators(root: &std::path::Path) -> Vec<Validator> {
	[Alice, Bob, Charlie, Dave]
		.into_iter()
		.enumerate()
		.map(|(i, key)| {
			let base = root.join(format!("{key:?}").to_lowercase());
			let base_str = base.display().to_string();
			let seed = format!("//{key:?}");
			for (scheme, key_type) in [("sr25519", "aura"), ("ed25519", "gran")] {
				run(&[
					"key",
					"insert",
					"--base-path",
					&base_str,
					"--chain",
					"local",
					"--scheme",
					scheme,
					"--suri",
					&seed,
					"--key-type",
					key_type,
				]);
			}
			Validator {
				key,
				base,
				rpc_port: free_port(),
				p2p_port: free_port(),
				node_key: format!("{:064x}", i + 1),
			}
		})
		.collect()
}

/// Polls `check` every half second until it holds, for at most `timeout`.
async fn eventually<F, Fut>(what: &str, timeout: Duration, mut check: F)
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = bool>,
{
	let deadline = Instant::now() + timeout;
	while !check().await {
		assert!(Instant::now() < deadline, "{what}: not within {timeout:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_gossip_finalize_and_survive_a_lost_node() {
	let root = TempDir(std::env::temp_dir().join(format!("poruka-testnet-{}", std::process::id())));
	let vals = validators(&root.0);
	let key_file = tempfile_for_key(&root.0, &vals[0].node_key);
	let peer_id = run(&["key", "inspect-node-key", "--file", &key_file]).trim().to_string();
	let bootnode = Some(format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", vals[0].p2p_port));

	let mut nodes: Vec<Node> = vec![vals[0].start(&None)];
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

	// 4. A stranger: a full node that follows the chain but authors nothing.
	let stranger_dir = root.0.join("stranger");
	let stranger_base = stranger_dir.display().to_string();
	let bootnode_str = bootnode.clone().unwrap();
	let stranger = Node::start(&[
		"--chain",
		"local",
		"--base-path",
		&stranger_base,
		"--bootnodes",
		&bootnode_str,
	]);
	let target = nodes[0].finalized_number().await.unwrap();
	stranger.wait_for_finalized(target, STARTUP_TIMEOUT).await;
	let roles = stranger.call("system_nodeRoles", common::rpc_params()).await.unwrap();
	assert_eq!(roles, serde_json::json!(["Full"]));
	let keys = stranger
		.call("author_hasSessionKeys", vec![String::from("0x")])
		.await
		.unwrap_or(serde_json::Value::Bool(false));
	assert_eq!(keys, serde_json::Value::Bool(false), "the stranger holds no session keys");

	// An unfunded account's transaction is refused by every node's pool.
	let (unfunded, _) = sp_core::sr25519::Pair::generate();
	let call = RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() });
	let mut all: Vec<&Node> = nodes.iter().collect();
	all.push(&back);
	all.push(&stranger);
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

	for node in nodes.into_iter().chain([back, stranger]) {
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

/// Writes `hex` (a node key) to a file under `root`; returns its path.
fn tempfile_for_key(root: &std::path::Path, hex: &str) -> String {
	std::fs::create_dir_all(root).expect("the test dir can be created");
	let path = root.join("bootnode-key");
	std::fs::write(&path, hex).expect("the key file can be written");
	path.display().to_string()
}
