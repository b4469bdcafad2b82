//! End-to-end: a smart contract backed by guarantors on the real node. The example group
//! purchase (`contracts/GroupPurchase.sol`, compiled by the solc npm package) is deployed, two
//! members commit coverage through the Poruka precompile, one defaults, the contract files the
//! claim, the level-1 panel upholds, the payout reaches the organizer and
//! `guarantor_claimStatus` names the contract (`scripts/client/contracts.mjs`, polkadot.js).

mod common;

use common::{Node, STARTUP_TIMEOUT};

#[tokio::test(flavor = "multi_thread")]
async fn a_group_purchase_contract_turns_a_default_into_a_claim() {
	let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	let client_dir = root.join("scripts/client");
	assert!(
		client_dir.join("node_modules/@polkadot/api").exists(),
		"run `npm ci` in scripts/client first (scripts/test.sh does)"
	);
	assert!(
		root.join("contracts/build/GroupPurchase.json").exists(),
		"run `npm ci && npm run build` in contracts/ first (scripts/test.sh does)"
	);
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let output = tokio::process::Command::new("node")
		.arg("contracts.mjs")
		.arg(&url)
		.current_dir(&client_dir)
		.output()
		.await
		.expect("node runs");
	let stdout = String::from_utf8_lossy(&output.stdout);
	eprintln!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
	assert!(output.status.success(), "the contract story failed");
	assert!(stdout.contains("The group purchase story passed."));
}
