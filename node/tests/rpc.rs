//! The `guarantor_*` and `agreements_*` JSON-RPC methods against a running dev node: the
//! shape of every answer (SS58 accounts, decimal balances, words, numbers), reading at a given
//! block, and every error code for bad input, after which the node carries on; and the answer
//! for a claim and an agreement pruned after their retention period.

mod common;

use std::time::Duration;

use common::{Node, STARTUP_TIMEOUT};
use jsonrpsee::rpc_params;
use poruka_runtime::{genesis_config_presets::DEV_TIMING, RuntimeCall, UNIT};
use serde_json::Value;
use sp_core::crypto::Ss58Codec;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie};

fn ss58(key: sp_keyring::Sr25519Keyring) -> String {
	key.to_account_id().to_ss58check()
}

/// The error code of a failed call.
async fn error_code(
	node: &Node,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> i32 {
	match node.call(method, params).await {
		Err(jsonrpsee::core::client::Error::Call(e)) => e.code(),
		other => panic!("{method} should fail with a JSON-RPC error, got {other:?}"),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guarantor_and_agreements_rpc() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let genesis_hash = format!("{:?}", node.genesis_hash().await);

	// Members as the dev preset made them.
	let alice: Value = node.call("guarantor_member", rpc_params![ss58(Alice)]).await.unwrap();
	assert_eq!(alice["account"], ss58(Alice));
	assert_eq!(
		(alice["status"].as_str(), alice["founder"].as_bool()),
		(Some("active"), Some(true))
	);
	assert_eq!(alice["deposit"], (1_000 * UNIT).to_string());
	assert_eq!(alice["wards"].as_array().map(Vec::len), Some(2));
	let eve: Value = node.call("guarantor_member", rpc_params![ss58(Eve)]).await.unwrap();
	assert_eq!(eve["coverage"], (300 * UNIT).to_string());
	assert_eq!(
		(eve["guarantors"][0]["releaseAt"].clone(), eve["guarantors"][0]["counts"].clone()),
		(Value::Null, Value::Bool(true))
	);
	let ferdie: Value = node.call("guarantor_member", rpc_params![ss58(Ferdie)]).await.unwrap();
	assert_eq!(ferdie, serde_json::json!({"account": ss58(Ferdie), "status": "none"}));
	// The cooperative at a glance: the three founders, Dave and Eve; no claim yet.
	let summary: Value = node.call("guarantor_summary", rpc_params![]).await.unwrap();
	assert_eq!(
		summary,
		serde_json::json!({
			"members": {"candidates": 0, "active": 5, "suspended": 0, "leaving": 0},
			"openClaims": 0,
			"claimsFiled": 0,
		})
	);

	// The wards below Alice: Dave and Eve, one level down; errors as for the tree.
	let wards: Value = node.call("guarantor_wards", rpc_params![ss58(Alice), 2]).await.unwrap();
	let mut below: Vec<(String, u64)> = wards["nodes"]
		.as_array()
		.expect("nodes")
		.iter()
		.map(|n| {
			(n["account"].as_str().unwrap_or_default().to_owned(), n["depth"].as_u64().unwrap_or(9))
		})
		.collect();
	below.sort();
	let mut expected = vec![(ss58(Alice), 0), (ss58(Dave), 1), (ss58(Eve), 1)];
	expected.sort();
	assert_eq!(below, expected);
	assert_eq!(wards["nodes"][0]["wards"].as_array().map(Vec::len), Some(2));
	assert_eq!(error_code(&node, "guarantor_wards", rpc_params![ss58(Alice), 9]).await, 8003);
	assert_eq!(error_code(&node, "guarantor_wards", rpc_params![ss58(Ferdie), 1]).await, 8005);

	// The tree above Eve: Eve, then her three founders.
	let tree: Value = node.call("guarantor_tree", rpc_params![ss58(Eve), 2]).await.unwrap();
	let nodes = tree["nodes"].as_array().expect("nodes");
	assert_eq!(nodes.len(), 4);
	assert_eq!(
		(nodes[0]["account"].as_str(), nodes[0]["depth"].as_u64()),
		(Some(&*ss58(Eve)), Some(0))
	);
	assert!(nodes[1..].iter().all(|n| n["depth"] == 1 && n["founder"] == true));

	// A claim by Alice against Dave, judged by Dave's guarantors (Alice is a party: Bob alone).
	let claim = RuntimeCall::Guarantor(pallet_guarantor::Call::file_claim {
		respondent: Dave.to_account_id(),
		amount: 7 * UNIT,
		evidence: b"ipfs://evidence".to_vec().try_into().unwrap(),
		agreement: None,
	});
	let xt = node.sign(Alice, claim).await;
	node.submit(&xt).await;
	let status = loop {
		match node.call("guarantor_claimStatus", rpc_params![0]).await {
			Ok(status) => break status,
			Err(_) => tokio::time::sleep(Duration::from_secs(1)).await,
		}
	};
	assert_eq!(status["claimant"], ss58(Alice));
	assert_eq!(status["respondent"], ss58(Dave));
	assert_eq!(status["amount"], (7 * UNIT).to_string());
	assert_eq!(status["evidence"], "ipfs://evidence");
	assert_eq!((status["phase"].as_str(), status["final"].as_bool()), (Some("open"), Some(false)));
	assert_eq!(status["level"], 1);
	assert_eq!(status["panel"].as_array().map(Vec::len), Some(1));
	assert_eq!(status["panel"][0]["account"], ss58(Bob));
	assert_eq!(status["panel"][0]["vote"], Value::Null);
	assert!(status["deadline"].as_u64().is_some());
	let claims: Value = node.call("guarantor_claimsOf", rpc_params![ss58(Bob)]).await.unwrap();
	assert_eq!(claims["claims"][0]["role"], "panelist");
	assert_eq!(claims["claims"][0]["open"], true);
	assert_eq!(claims["truncated"], false);
	let summary: Value = node.call("guarantor_summary", rpc_params![]).await.unwrap();
	assert_eq!(
		(summary["openClaims"].as_u64(), summary["claimsFiled"].as_u64()),
		(Some(1), Some(1))
	);
	let then: Value = node.call("guarantor_summary", rpc_params![&genesis_hash]).await.unwrap();
	assert_eq!(then["claimsFiled"], 0);
	assert_eq!(error_code(&node, "guarantor_summary", rpc_params!["0x01"]).await, -32602);
	// Paging: older than claim 1 is claim 0; older than claim 0, nothing. `before` comes after
	// `at`, so a call that names only a block still means that block.
	let older: Value =
		node.call("guarantor_claimsOf", rpc_params![ss58(Bob), Value::Null, 1]).await.unwrap();
	assert_eq!(older["claims"], claims["claims"]);
	let none: Value =
		node.call("guarantor_claimsOf", rpc_params![ss58(Bob), Value::Null, 0]).await.unwrap();
	assert_eq!(none["claims"], serde_json::json!([]));
	let at_genesis: Value =
		node.call("guarantor_claimsOf", rpc_params![ss58(Bob), &genesis_hash]).await.unwrap();
	assert_eq!(at_genesis["claims"], serde_json::json!([]));

	// At the genesis block there was no claim.
	assert_eq!(
		error_code(&node, "guarantor_claimStatus", rpc_params![0, &genesis_hash]).await,
		8001
	);

	// Every error code.
	assert_eq!(error_code(&node, "guarantor_claimStatus", rpc_params![99]).await, 8001);
	assert_eq!(error_code(&node, "guarantor_member", rpc_params!["not-an-address"]).await, 8002);
	assert_eq!(error_code(&node, "guarantor_claimsOf", rpc_params!["5Gx"]).await, 8002);
	assert_eq!(error_code(&node, "guarantor_tree", rpc_params![ss58(Eve), 9]).await, 8003);
	let unknown = format!("0x{}", "01".repeat(32));
	assert_eq!(error_code(&node, "guarantor_member", rpc_params![ss58(Eve), &unknown]).await, 8004);
	assert_eq!(error_code(&node, "guarantor_tree", rpc_params![ss58(Ferdie), 1]).await, 8005);
	assert_eq!(error_code(&node, "agreements_status", rpc_params![0]).await, 8006);
	assert_eq!(error_code(&node, "agreements_of", rpc_params!["5Gx"]).await, 8002);
	assert_eq!(
		error_code(&node, "agreements_of", rpc_params![ss58(Eve), None::<u32>, &unknown]).await,
		8004
	);
	assert_eq!(error_code(&node, "guarantor_claimStatus", rpc_params!["zero"]).await, -32602);

	// And the node carries on.
	let best = node.best_number().await.unwrap();
	node.wait_for_finalized(best + 1, Duration::from_secs(60)).await;
}

/// The first answer of `method` that is not an error `code`, polled once a second.
async fn poll_until(node: &Node, method: &str, id: u32, code: i32, timeout: Duration) {
	let give_up = tokio::time::Instant::now() + timeout;
	loop {
		match node.call(method, rpc_params![id]).await {
			Err(jsonrpsee::core::client::Error::Call(e)) if e.code() == code => return,
			_ if tokio::time::Instant::now() > give_up => {
				panic!("{method}({id}) did not answer {code} within {timeout:?}")
			}
			_ => tokio::time::sleep(Duration::from_secs(1)).await,
		}
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_final_claim_and_a_closed_agreement_are_pruned_after_their_retention() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	// The dev chain's sudo shortens the retention to 2 blocks, so the test need not wait 120.
	let timing = pallet_guarantor::Timing { retention: 2, ..DEV_TIMING };
	let set_timing = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
		call: Box::new(RuntimeCall::Guarantor(pallet_guarantor::Call::set_timing { timing })),
	});
	node.submit(&node.sign(Alice, set_timing).await).await;

	// Alice files a claim against Dave that his panel (Bob) rejects; Alice proposes an
	// agreement to Bob and cancels it.
	let claim = RuntimeCall::Guarantor(pallet_guarantor::Call::file_claim {
		respondent: Dave.to_account_id(),
		amount: 7 * UNIT,
		evidence: b"ipfs://evidence".to_vec().try_into().unwrap(),
		agreement: None,
	});
	node.submit(&node.sign(Alice, claim).await).await;
	let payment = pallet_agreements::Obligation {
		from: Alice.to_account_id(),
		to: Bob.to_account_id(),
		kind: pallet_agreements::ObligationKind::Payment { amount: UNIT },
		due: 1_000,
		after: Default::default(),
	};
	let propose = RuntimeCall::Agreements(pallet_agreements::Call::propose {
		obligations: vec![payment].try_into().unwrap(),
		accept_by: 500,
	});
	node.submit(&node.sign(Alice, propose).await).await;
	loop {
		let claim = node.call("guarantor_claimStatus", rpc_params![0]).await;
		let agreement = node.call("agreements_status", rpc_params![0]).await;
		if claim.is_ok() && agreement.is_ok() {
			break;
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let agreement: Value = node.call("agreements_status", rpc_params![0]).await.unwrap();
	assert_eq!(
		(agreement["phase"].as_str(), agreement["deposit"].as_str()),
		(Some("proposed"), Some(&*(1_200 * poruka_runtime::MILLI_UNIT).to_string()))
	);
	// Both parties find it in their lists, open; no one else does.
	for who in [Alice, Bob] {
		let of: Value = node.call("agreements_of", rpc_params![ss58(who)]).await.unwrap();
		assert_eq!(
			of,
			serde_json::json!({"account": ss58(who), "agreements": [{"id": 0, "open": true}], "more": false})
		);
	}
	let of: Value = node.call("agreements_of", rpc_params![ss58(Dave)]).await.unwrap();
	assert_eq!(of["agreements"], serde_json::json!([]));
	let reject = pallet_guarantor::Verdict::Reject;
	let vote = RuntimeCall::Guarantor(pallet_guarantor::Call::vote { claim: 0, verdict: reject });
	node.submit(&node.sign(Bob, vote).await).await;
	let cancel = RuntimeCall::Agreements(pallet_agreements::Call::cancel { id: 0 });
	node.submit(&node.sign(Alice, cancel).await).await;

	// The cancelled agreement returned its deposit and is readable for 2 blocks, then pruned;
	// the claim is rejected after the appeal period (5 blocks), then pruned too. A pruned id
	// answers 8007, an id never used still 8001 / 8006.
	poll_until(&node, "agreements_status", 0, 8007, Duration::from_secs(90)).await;
	poll_until(&node, "guarantor_claimStatus", 0, 8007, Duration::from_secs(120)).await;
	assert_eq!(error_code(&node, "guarantor_claimStatus", rpc_params![1]).await, 8001);
	assert_eq!(error_code(&node, "agreements_status", rpc_params![1]).await, 8006);
	let claims: Value = node.call("guarantor_claimsOf", rpc_params![ss58(Bob)]).await.unwrap();
	assert_eq!(claims["claims"].as_array().map(Vec::len), Some(0));
	let summary: Value = node.call("guarantor_summary", rpc_params![]).await.unwrap();
	assert_eq!(
		(summary["openClaims"].as_u64(), summary["claimsFiled"].as_u64()),
		(Some(0), Some(1))
	);
	let of: Value = node.call("agreements_of", rpc_params![ss58(Bob)]).await.unwrap();
	assert_eq!(of["agreements"], serde_json::json!([]));
	// Nothing was left held: Alice's bond and deposit are back.
	let alice: Value = node.call("guarantor_member", rpc_params![ss58(Alice)]).await.unwrap();
	assert_eq!(alice["deposit"], (1_000 * UNIT).to_string());
}
