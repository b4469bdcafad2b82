//! End-to-end: a smart contract backed by guarantors on the real node. The example group
//! purchase (`contracts/GroupPurchase.sol`, compiled by the solc npm package) is deployed, two
//! members commit coverage through the Poruka precompile, one defaults, the contract files the
//! claim, the level-1 panel upholds, the payout reaches the organizer and
//! `guarantor_claimStatus` names the contract (`scripts/client/contracts.mjs`, polkadot.js).

mod common;

use common::{repo_root, run_client_script, Node, STARTUP_TIMEOUT};

#[tokio::test(flavor = "multi_thread")]
async fn a_group_purchase_contract_turns_a_default_into_a_claim() {
	assert!(
		repo_root().join("contracts/build/GroupPurchase.json").exists(),
		"run `npm ci && npm run build` in contracts/ first (scripts/test.sh does)"
	);
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	run_client_script(&node, "contracts.mjs", "The group purchase story passed.").await;
}
