//! Several nodes on one machine: the local testnet's validators with their keys and fixed node
//! keys, base paths removed afterwards, and waiting for a condition across nodes.

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::{Duration, Instant},
};

use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave};

use super::{free_port, node_binary, Node};

/// A temporary directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
	/// A fresh directory under the system's temporary directory, named after `name` and this
	/// process.
	pub fn new(name: &str) -> TempDir {
		let path = std::env::temp_dir().join(format!("poruka-{name}-{}", std::process::id()));
		std::fs::create_dir_all(&path).expect("the test dir can be created");
		TempDir(path)
	}
}

impl Drop for TempDir {
	fn drop(&mut self) {
		let _ = std::fs::remove_dir_all(&self.0);
	}
}

/// Runs `poruka-node` with `args` to completion; its stdout.
pub fn run(args: &[&str]) -> String {
	let out = Command::new(node_binary()).args(args).output().expect("poruka-node runs");
	assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The fixed node key `index` (1-based): 32 bytes, `index` in the last one, in hex. Node keys
/// 1 to 5 are the ones the local testnet knows (`TEST_NODE_KEYS`).
pub fn node_key(index: u8) -> String {
	format!("{index:064x}")
}

/// The peer id of the node key `hex`, as `poruka-node key inspect-node-key` prints it.
pub fn peer_id_of(root: &Path, hex: &str) -> String {
	let path = root.join(format!("node-key-{hex}"));
	std::fs::write(&path, hex).expect("the key file can be written");
	run(&["key", "inspect-node-key", "--file", &path.display().to_string()]).trim().to_string()
}

/// A node of the local testnet with a fixed identity: its account, base path, ports, node key
/// and extra arguments (`--validator`, `--network-backend libp2p`, ...).
pub struct Peer {
	/// The dev account that runs it.
	pub key: Sr25519Keyring,
	/// Its base path.
	pub base: PathBuf,
	/// Its RPC port.
	pub rpc_port: u16,
	/// Its p2p port on 127.0.0.1.
	pub p2p_port: u16,
	/// Its node key, in hex.
	pub node_key: String,
	/// Its peer id.
	pub peer_id: String,
	/// Arguments beyond the chain, name, base path, node key and bootnodes.
	pub extra: Vec<String>,
}

impl Peer {
	/// A node of `chain` run by `key` with node key `node_key` (hex) under `root`.
	pub fn new(root: &Path, chain: &str, key: Sr25519Keyring, node_key: String) -> Peer {
		let base = root.join(format!("{key:?}").to_lowercase());
		let peer_id = peer_id_of(root, &node_key);
		Peer {
			key,
			base,
			rpc_port: free_port(),
			p2p_port: free_port(),
			node_key,
			peer_id,
			extra: vec!["--chain".into(), chain.into()],
		}
	}

	/// The same, as a validator: its Aura and GRANDPA keys (its dev seed) in its keystore.
	pub fn validator(root: &Path, chain: &str, key: Sr25519Keyring, node_key: String) -> Peer {
		let mut peer = Peer::new(root, chain, key, node_key);
		peer.insert_session_keys(chain);
		peer.extra.push("--validator".into());
		peer
	}

	/// Puts the session keys of its dev seed in its keystore.
	pub fn insert_session_keys(&self, chain: &str) {
		let base = self.base.display().to_string();
		let seed = format!("//{:?}", self.key);
		for (scheme, key_type) in [("sr25519", "aura"), ("ed25519", "gran")] {
			run(&[
				"key",
				"insert",
				"--base-path",
				&base,
				"--chain",
				chain,
				"--scheme",
				scheme,
				"--suri",
				&seed,
				"--key-type",
				key_type,
			]);
		}
	}

	/// Its address, for others' `--bootnodes`.
	pub fn multiaddr(&self) -> String {
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.p2p_port, self.peer_id)
	}

	/// Starts it with `bootnodes`.
	pub fn start(&self, bootnodes: &[String]) -> Node {
		let mut args = self.extra.clone();
		args.extend([
			"--name".into(),
			format!("{:?}", self.key),
			"--base-path".into(),
			self.base.display().to_string(),
			"--node-key".into(),
			self.node_key.clone(),
		]);
		if !bootnodes.is_empty() {
			args.push("--bootnodes".into());
			args.extend(bootnodes.iter().cloned());
		}
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		Node::start_on(&args, self.rpc_port, self.p2p_port)
	}
}

/// The local testnet's four validators, Alice, Bob, Charlie and Dave, with node keys 1 to 4
/// (the ones its genesis registers), their session keys in their keystores.
pub fn local_validators(root: &Path) -> Vec<Peer> {
	[Alice, Bob, Charlie, Dave]
		.into_iter()
		.enumerate()
		.map(|(i, key)| Peer::validator(root, "local", key, node_key(i as u8 + 1)))
		.collect()
}

/// Polls `check` every half second until it holds, for at most `timeout`; how long it took.
pub async fn eventually<F, Fut>(what: &str, timeout: Duration, mut check: F) -> Duration
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = bool>,
{
	let start = Instant::now();
	while !check().await {
		assert!(start.elapsed() < timeout, "{what}: not within {timeout:?}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	start.elapsed()
}

/// The peer ids `system_peers` lists.
pub async fn peer_ids(node: &Node) -> Vec<String> {
	let peers = node.call("system_peers", super::rpc_params()).await.expect("system_peers");
	peers
		.as_array()
		.expect("system_peers is a list")
		.iter()
		.map(|p| p["peerId"].as_str().expect("a peer id").to_string())
		.collect()
}
