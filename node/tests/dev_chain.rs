//! End-to-end: the real `poruka-node --dev` produces and finalizes blocks, takes a signed
//! transfer from a client, rejects a malformed extrinsic and keeps going, and stops cleanly.

mod common;

use common::{Node, STARTUP_TIMEOUT};
use poruka_runtime::{RuntimeCall, UNIT};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::MultiAddress;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_finalizes_and_executes_a_signed_transfer() {
	let node = Node::start_dev();

	// Blocks are produced and finalized.
	node.wait_for_finalized(2, STARTUP_TIMEOUT).await;

	let properties = node.call("system_properties", common::rpc_params()).await.unwrap();
	assert_eq!(properties["tokenSymbol"], "POR");
	assert_eq!(properties["tokenDecimals"], 12);
	assert_eq!(properties["ss58Format"], 42);

	// Alice sends Bob 42.5 POR.
	let amount = 42 * UNIT + UNIT / 2;
	let bob = Bob.to_account_id();
	let before_hash = node.finalized_hash().await.unwrap();
	let bob_before = node.free_balance(&bob, Some(before_hash)).await;
	assert!(bob_before > 0, "Bob is endowed at genesis");

	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(bob.clone()),
		value: amount,
	});
	let xt = node.sign(Alice, call).await;
	node.submit(&xt).await;

	// Wait until a finalized block shows the transfer.
	let deadline = Instant::now() + Duration::from_secs(90);
	let bob_after = loop {
		let head = node.finalized_hash().await.unwrap();
		let balance = node.free_balance(&bob, Some(head)).await;
		if balance != bob_before {
			break balance;
		}
		assert!(Instant::now() < deadline, "the transfer was not finalized within 90 s");
		tokio::time::sleep(Duration::from_millis(500)).await;
	};
	assert_eq!(bob_after - bob_before, amount, "Bob received exactly the amount sent");

	// Ctrl-C stops the node cleanly.
	let status = node.stop();
	assert!(status.success(), "poruka-node exited with {status}");
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_extrinsic_is_rejected_and_the_chain_goes_on() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;

	let err =
		node.submit_raw(&[0x12, 0x34, 0x56]).await.expect_err("a malformed extrinsic is refused");
	let message = err.to_string();
	assert!(
		message.contains("decode") || message.contains("Invalid"),
		"the error says why: {message}"
	);

	// The node keeps producing and finalizing blocks.
	let best = node.best_number().await.expect("the node still answers");
	node.wait_for_best(best + 2, Duration::from_secs(60)).await;
	let finalized = node.finalized_number().await.unwrap();
	node.wait_for_finalized(finalized + 1, Duration::from_secs(60)).await;

	let status = node.stop();
	assert!(status.success(), "poruka-node exited with {status}");
}
