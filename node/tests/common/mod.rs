//! Shared support for the end-to-end tests: start the real `poruka-node` binary on free ports,
//! talk to it over JSON-RPC as any client would, build and sign extrinsics with the runtime's
//! own SCALE types, and stop it again.
#![allow(dead_code)]

pub mod network;

use std::{
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, ExitStatus, Stdio},
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use jsonrpsee::{
	core::{client::ClientT, traits::ToRpcParams},
	http_client::{HttpClient, HttpClientBuilder},
};
use poruka_runtime::{AccountId, Balance, Nonce, Runtime, RuntimeCall, UncheckedExtrinsic};
use serde_json::Value;
use sp_core::{bytes, Pair, H256};
use sp_keyring::Sr25519Keyring;

/// How long a node may take to start and produce its first finalized block.
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// The node binary cargo built for these tests.
pub fn node_binary() -> PathBuf {
	PathBuf::from(env!("CARGO_BIN_EXE_poruka-node"))
}

/// The repository's root, where `scripts/client` and `contracts` live.
pub fn repo_root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs the polkadot.js script `script` of `scripts/client` against `node` and asserts that it
/// succeeded and printed `passed` (its last line when the story ran as the rules say). The
/// script's output is printed, so a failing run shows where it stopped.
pub async fn run_client_script(node: &Node, script: &str, passed: &str) {
	let client_dir = repo_root().join("scripts/client");
	assert!(
		client_dir.join("node_modules/@polkadot/api").exists(),
		"run `npm ci` in scripts/client first (scripts/test.sh does)"
	);
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let output = tokio::process::Command::new("node")
		.arg(script)
		.arg(&url)
		.current_dir(&client_dir)
		.output()
		.await
		.expect("node (JavaScript) runs");
	let stdout = String::from_utf8_lossy(&output.stdout);
	eprintln!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	assert!(output.status.success(), "{script} failed");
	assert!(stdout.contains(passed), "{script} did not print {passed:?}");
}

/// A port nobody listens on right now, below the kernel's ephemeral range (32768 and up on
/// Linux) so that no outgoing connection of a running node can take it before the node that
/// is handed it binds it, and never handed out twice: not in one test process, nor across the
/// test binaries nextest runs side by side (each port is claimed by creating a lock file, which
/// only one process can; a port is free again 20 minutes later, when its tests are long over).
/// Without the claim, two binaries could probe the same free port before either node bound it.
pub fn free_port() -> u16 {
	use std::sync::atomic::{AtomicU16, Ordering};
	// Each test binary starts at its own offset, so parallel test binaries rarely probe the
	// same ports.
	static NEXT: AtomicU16 = AtomicU16::new(0);
	let start = (std::process::id() % 400) as u16 * 30;
	loop {
		let offset = NEXT.fetch_add(1, Ordering::Relaxed);
		let port = 20_000 + start.wrapping_add(offset) % 12_000;
		let v4 = TcpListener::bind(("127.0.0.1", port)).is_ok();
		let v6 = TcpListener::bind(("::1", port)).is_ok() || !ipv6_loopback();
		if v4 && v6 && claim_port(port) {
			return port;
		}
	}
}

/// Claims `port` for this process: true if no other test process claimed it in the last
/// 20 minutes.
fn claim_port(port: u16) -> bool {
	let dir = std::env::temp_dir().join("poruka-e2e-ports");
	if std::fs::create_dir_all(&dir).is_err() {
		// No claims possible here: the probe above is all there is.
		return true;
	}
	let lock = dir.join(port.to_string());
	let stale = std::fs::metadata(&lock)
		.and_then(|m| m.modified())
		.ok()
		.and_then(|at| at.elapsed().ok())
		.is_some_and(|age| age > Duration::from_secs(20 * 60));
	if stale {
		let _ = std::fs::remove_file(&lock);
	}
	std::fs::OpenOptions::new().write(true).create_new(true).open(&lock).is_ok()
}

/// Whether this machine has an IPv6 loopback (the node's RPC listens on both).
fn ipv6_loopback() -> bool {
	TcpListener::bind(("::1", 0)).is_ok()
}

/// A running `poruka-node` process, killed when dropped (so a failing test leaves nothing
/// running).
pub struct Node {
	child: Option<Child>,
	/// The RPC port on 127.0.0.1.
	pub rpc_port: u16,
	/// The JSON-RPC client connected to it.
	pub rpc: HttpClient,
}

impl Node {
	/// Starts `poruka-node --dev --tmp` on free ports, with no discovery of other nodes.
	pub fn start_dev() -> Node {
		Self::start(&["--dev", "--tmp"])
	}

	/// Starts the node with `args`, plus free RPC and p2p ports and no mDNS, telemetry or
	/// Prometheus.
	pub fn start(args: &[&str]) -> Node {
		Self::start_on(args, free_port(), free_port())
	}

	/// Starts the node with `args` on the given RPC and p2p ports (on 127.0.0.1), with no
	/// mDNS, telemetry or Prometheus. Its log goes to a file named after the RPC port.
	pub fn start_on(args: &[&str], rpc_port: u16, p2p_port: u16) -> Node {
		let log_dir = std::env::temp_dir().join("poruka-e2e-logs");
		std::fs::create_dir_all(&log_dir).expect("log dir can be created");
		let log_path = log_dir.join(format!("node-{rpc_port}.log"));
		let log = std::fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(&log_path)
			.expect("log file can be opened");
		let child = Command::new(node_binary())
			.args(args)
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
			.args(["--no-mdns", "--no-telemetry", "--no-prometheus"])
			.stdout(Stdio::null())
			.stderr(Stdio::from(log))
			.spawn()
			.expect("poruka-node starts");
		eprintln!("started poruka-node (pid {}), log in {}", child.id(), log_path.display());
		let rpc = HttpClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.build(format!("http://127.0.0.1:{rpc_port}"))
			.expect("an HTTP client for a well-formed URL");
		Node { child: Some(child), rpc_port, rpc }
	}

	/// Kills the node with SIGKILL, as a crash or a power cut would.
	pub fn kill_hard(mut self) {
		if let Some(mut child) = self.child.take() {
			child.kill().expect("SIGKILL delivered");
			child.wait().expect("the killed node is reaped");
		}
	}

	/// `system_health`'s peer count.
	pub async fn peers(&self) -> Result<u64, jsonrpsee::core::client::Error> {
		let health = self.call("system_health", rpc_params()).await?;
		Ok(health["peers"].as_u64().unwrap_or_default())
	}

	/// Calls `method` with `params`; the JSON-RPC error if there is one.
	pub async fn call<P: ToRpcParams + Send>(
		&self,
		method: &str,
		params: P,
	) -> Result<Value, jsonrpsee::core::client::Error> {
		self.rpc.request(method, params).await
	}

	/// Waits until the node answers RPC and has finalized a block numbered at least `number`.
	pub async fn wait_for_finalized(&self, number: u32, timeout: Duration) -> u32 {
		let deadline = Instant::now() + timeout;
		loop {
			if let Ok(finalized) = self.finalized_number().await {
				if finalized >= number {
					return finalized;
				}
			}
			assert!(Instant::now() < deadline, "no finalized block #{number} within {timeout:?}");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until the best block's number is at least `number`.
	pub async fn wait_for_best(&self, number: u32, timeout: Duration) -> u32 {
		let deadline = Instant::now() + timeout;
		loop {
			if let Ok(best) = self.best_number().await {
				if best >= number {
					return best;
				}
			}
			assert!(Instant::now() < deadline, "no best block #{number} within {timeout:?}");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// The number of the best block.
	pub async fn best_number(&self) -> Result<u32, jsonrpsee::core::client::Error> {
		let header = self.call("chain_getHeader", rpc_params()).await?;
		Ok(header_number(&header))
	}

	/// The hash of the finalized head.
	pub async fn finalized_hash(&self) -> Result<H256, jsonrpsee::core::client::Error> {
		let hash = self.call("chain_getFinalizedHead", rpc_params()).await?;
		Ok(parse_hash(&hash))
	}

	/// The number of the finalized head.
	pub async fn finalized_number(&self) -> Result<u32, jsonrpsee::core::client::Error> {
		let hash = self.finalized_hash().await?;
		let header = self.call("chain_getHeader", vec![format!("{hash:?}")]).await?;
		Ok(header_number(&header))
	}

	/// The genesis hash.
	pub async fn genesis_hash(&self) -> H256 {
		let hash = self.call("chain_getBlockHash", vec![0u32]).await.expect("genesis hash");
		parse_hash(&hash)
	}

	/// The next nonce of `who`, counting transactions in the pool.
	pub async fn next_nonce(&self, who: &AccountId) -> Nonce {
		let nonce = self
			.call("system_accountNextIndex", vec![who.to_string()])
			.await
			.expect("account nonce");
		nonce.as_u64().expect("a nonce is a number") as Nonce
	}

	/// Reads the SCALE-encoded value under `key` at block `at` (best block if `None`).
	pub async fn storage<T: Decode>(&self, key: &[u8], at: Option<H256>) -> Option<T> {
		let mut params = vec![Value::String(bytes::to_hex(key, false))];
		if let Some(at) = at {
			params.push(Value::String(format!("{at:?}")));
		}
		let value = self.call("state_getStorage", params).await.expect("state_getStorage");
		let hex = value.as_str()?;
		let raw = bytes::from_hex(hex).expect("storage values are hex");
		Some(T::decode(&mut &raw[..]).expect("storage decodes as the runtime's type"))
	}

	/// The free balance of `who` at block `at` (best block if `None`).
	pub async fn free_balance(&self, who: &AccountId, at: Option<H256>) -> Balance {
		let key = frame_system::Account::<Runtime>::hashed_key_for(who);
		self.storage::<frame_system::AccountInfo<Nonce, pallet_balances::AccountData<Balance>>>(
			&key, at,
		)
		.await
		.map(|info| info.data.free)
		.unwrap_or_default()
	}

	/// Signs `call` as the dev account `signer` with the next nonce, immortal, no tip, no
	/// metadata hash check.
	pub async fn sign(&self, signer: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
		self.sign_with(&signer.pair(), call).await
	}

	/// Signs `call` with any sr25519 key, with its next nonce, immortal, no tip, no metadata
	/// hash check, for the node's runtime (this crate's: its versions are signed).
	pub async fn sign_with(
		&self,
		pair: &sp_core::sr25519::Pair,
		call: RuntimeCall,
	) -> UncheckedExtrinsic {
		let who: AccountId = pair.public().into();
		let nonce = self.next_nonce(&who).await;
		let genesis = self.genesis_hash().await;
		poruka_runtime::signing::sign(pair, call, nonce, genesis)
	}

	/// Submits an encoded extrinsic with `author_submitExtrinsic`; its hash or the RPC error.
	pub async fn submit_raw(
		&self,
		encoded: &[u8],
	) -> Result<Value, jsonrpsee::core::client::Error> {
		self.call("author_submitExtrinsic", vec![bytes::to_hex(encoded, false)]).await
	}

	/// Submits a signed extrinsic; panics if the pool rejects it.
	pub async fn submit(&self, xt: &UncheckedExtrinsic) -> H256 {
		let hash = self.submit_raw(&xt.encode()).await.expect("the pool accepts the extrinsic");
		parse_hash(&hash)
	}

	/// Stops the node with SIGINT, as Ctrl-C would, and returns how it exited.
	pub fn stop(mut self) -> ExitStatus {
		let mut child = self.child.take().expect("the node is running");
		let status = Command::new("kill")
			.args(["-INT", &child.id().to_string()])
			.status()
			.expect("kill runs");
		assert!(status.success(), "SIGINT delivered");
		let deadline = Instant::now() + Duration::from_secs(60);
		loop {
			if let Some(status) = child.try_wait().expect("waiting on the node") {
				return status;
			}
			if Instant::now() > deadline {
				let _ = child.kill();
				panic!("poruka-node did not exit within 60 s of SIGINT");
			}
			std::thread::sleep(Duration::from_millis(100));
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// No parameters.
pub fn rpc_params() -> jsonrpsee::core::params::ArrayParams {
	jsonrpsee::core::params::ArrayParams::new()
}

/// A `0x…` block hash from a JSON string.
pub fn parse_hash(value: &Value) -> H256 {
	let hex = value.as_str().unwrap_or_else(|| panic!("a hash string, got {value}"));
	let raw = bytes::from_hex(hex).expect("hashes are hex");
	H256::from_slice(&raw)
}

/// The block number of a header in JSON (`"number": "0x1a"`).
pub fn header_number(header: &Value) -> u32 {
	let hex = header["number"].as_str().unwrap_or_else(|| panic!("a header, got {header}"));
	u32::from_str_radix(hex.trim_start_matches("0x"), 16).expect("numbers are hex")
}

/// A peer id (`12D3KooW…`) as the bytes `NodeRegistry::register_node` takes.
pub fn peer_id_bytes(peer_id: &str) -> pallet_node_registry::PeerIdBytes {
	let peer: sc_network::PeerId = peer_id.parse().expect("a well-formed peer id");
	pallet_node_registry::PeerIdBytes::truncate_from(peer.to_bytes())
}
