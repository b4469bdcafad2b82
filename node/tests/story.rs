//! The end-to-end story, driven against a fresh `poruka-node --dev --tmp` by real clients: subxt
//! with types generated from the runtime's metadata (`runtime/metadata.scale`), and the
//! polkadot.js demo in `scripts/client` (each on its own node, in parallel).
//!
//! 1. The dev preset's founders and members exist (`guarantor_member`).
//! 2. Eve and Bob vouch 40 POR each for Ferdie, who deposits 30 POR: coverage 110 POR.
//! 3. Ferdie and Dave agree: Ferdie delivers goods worth 100 POR, Dave's 100 POR payment is
//!    escrowed, paid after delivery.
//! 4. The due block passes; Dave reports the default: a claim at level 1 before Ferdie's
//!    guarantors, Dave's escrow refunded.
//! 5. Nobody votes: the claim climbs to level 2 (Eve's guarantors other than Bob); Eve and Bob
//!    get a strike each.
//! 6. Level 2 upholds 100 POR; after the appeal period the claim is paid: 30 from Ferdie's
//!    deposit, 35 from each of Eve's and Bob's guarantees; events, `guarantor_claimStatus` and
//!    balances agree; Ferdie owes each guarantor what it paid; total issuance is unchanged;
//!    the guarantees, left below the minimum, no longer count: Ferdie is suspended.
//!
//! Beside it, on its own node: a claimant and a respondent who collude through `acknowledge`
//! move only the respondent's own deposit, never its guarantors' money.

mod common;

use std::time::Duration;

use common::{run_client_script, Node, STARTUP_TIMEOUT};
use jsonrpsee::rpc_params;
use serde_json::Value;
use subxt::{utils::AccountId32, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::{dev, Keypair};

#[subxt::subxt(runtime_metadata_path = "../runtime/metadata.scale")]
mod poruka {}

use poruka::runtime_types::{
	pallet_agreements::types::{Obligation, ObligationKind},
	pallet_guarantor::types::Verdict,
};

const UNIT: u128 = 1_000_000_000_000;

type Client = OnlineClient<PolkadotConfig>;

/// The dev accounts by name.
fn name_of(account: &str) -> String {
	let names = [
		("Alice", dev::alice()),
		("Bob", dev::bob()),
		("Charlie", dev::charlie()),
		("Dave", dev::dave()),
		("Eve", dev::eve()),
		("Ferdie", dev::ferdie()),
	];
	names
		.iter()
		.find(|(_, key)| ss58(key) == account)
		.map(|(name, _)| name.to_string())
		.unwrap_or_else(|| account.to_string())
}

fn account(key: &Keypair) -> AccountId32 {
	key.public_key().to_account_id()
}

fn ss58(key: &Keypair) -> String {
	account(key).to_string()
}

/// Signs `call` as `signer`, submits it and waits until it is in a finalized block; returns
/// its events (the test fails if it failed).
async fn send<Call: subxt::transactions::Payload>(
	api: &Client,
	signer: &Keypair,
	call: &Call,
) -> subxt::extrinsics::ExtrinsicEvents<PolkadotConfig> {
	let at = api.at_current_block().await.expect("the current block");
	at.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.expect("the transaction is accepted")
		.wait_for_finalized_success()
		.await
		.expect("the transaction succeeds")
}

/// `guarantor_member` for `key`.
async fn member(node: &Node, key: &Keypair) -> Value {
	node.call("guarantor_member", rpc_params![ss58(key)]).await.expect("guarantor_member")
}

/// `guarantor_claimStatus` for `id`.
async fn claim_status(node: &Node, id: u32) -> Value {
	node.call("guarantor_claimStatus", rpc_params![id]).await.expect("guarantor_claimStatus")
}

fn balance(value: &Value) -> u128 {
	value.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("a balance: {value}"))
}

fn panel_names(status: &Value) -> Vec<String> {
	let mut names: Vec<String> = status["panel"]
		.as_array()
		.expect("a panel")
		.iter()
		.map(|p| name_of(p["account"].as_str().expect("an account")))
		.collect();
	names.sort();
	names
}

/// What `who` holds under the hold reason `reason` of `pallet` (as named in the metadata).
async fn held(api: &Client, who: &Keypair, pallet: &str, reason: &str) -> u128 {
	let at = api.at_current_block().await.expect("the current block");
	let holds = at
		.storage()
		.entry(poruka::storage().balances().holds())
		.expect("Balances.Holds exists")
		.fetch((account(who),))
		.await;
	let Ok(holds) = holds else { return 0 };
	let holds = holds.decode().expect("holds decode");
	holds
		.0
		.iter()
		.filter(|h| format!("{:?}", h.id) == format!("{pallet}({reason})"))
		.map(|h| h.amount)
		.sum()
}

/// Free plus held balance of `who`.
async fn total(api: &Client, who: &Keypair) -> u128 {
	let at = api.at_current_block().await.expect("the current block");
	let info = at
		.storage()
		.entry(poruka::storage().system().account())
		.expect("System.Account exists")
		.fetch((account(who),))
		.await
		.expect("the account exists")
		.decode()
		.expect("account info decodes");
	info.data.free + info.data.reserved
}

async fn total_issuance(api: &Client) -> u128 {
	let at = api.at_current_block().await.expect("the current block");
	at.storage()
		.entry(poruka::storage().balances().total_issuance())
		.expect("Balances.TotalIssuance exists")
		.fetch(())
		.await
		.expect("total issuance is set")
		.decode()
		.expect("total issuance decodes")
}

/// The fees `who` paid, by the events of its transaction.
fn fee_paid(events: &subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>, who: &Keypair) -> u128 {
	events
		.find::<poruka::transaction_payment::events::TransactionFeePaid>()
		.filter_map(Result::ok)
		.filter(|e| e.who == account(who))
		.map(|e| e.actual_fee)
		.sum()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_story_with_subxt() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let api = Client::from_insecure_url(&url).await.expect("subxt connects");
	let (alice, bob, charlie, dave, eve, ferdie) =
		(dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve(), dev::ferdie());

	// 1. The dev cooperative.
	for founder in [&alice, &bob, &charlie] {
		let m = member(&node, founder).await;
		assert_eq!((m["status"].as_str(), m["founder"].as_bool()), (Some("active"), Some(true)));
	}
	for admitted in [&dave, &eve] {
		let m = member(&node, admitted).await;
		assert_eq!((m["status"].as_str(), m["founder"].as_bool()), (Some("active"), Some(false)));
	}
	assert_eq!(member(&node, &ferdie).await["status"], "none");

	// 2. Ferdie is admitted and deposits.
	let tx = poruka::transactions().guarantor();
	send(&api, &eve, &tx.vouch(account(&ferdie), 40 * UNIT)).await;
	send(&api, &bob, &tx.vouch(account(&ferdie), 40 * UNIT)).await;
	send(&api, &ferdie, &tx.deposit(30 * UNIT)).await;
	let f = member(&node, &ferdie).await;
	assert_eq!(f["status"], "active");
	assert_eq!(balance(&f["coverage"]), 110 * UNIT);

	// 3. The agreement.
	let now = node.best_number().await.expect("a best block");
	let due = now + 6;
	let obligations = vec![
		Obligation {
			from: account(&ferdie),
			to: account(&dave),
			kind: ObligationKind::Delivery { value: 100 * UNIT, terms_hash: [0x11; 32] },
			due,
			after: poruka::runtime_types::bounded_collections::bounded_vec::BoundedVec(vec![]),
		},
		Obligation {
			from: account(&dave),
			to: account(&ferdie),
			kind: ObligationKind::Payment { amount: 100 * UNIT },
			due: due + 20,
			after: poruka::runtime_types::bounded_collections::bounded_vec::BoundedVec(vec![0]),
		},
	];
	let agreements = poruka::transactions().agreements();
	let events = send(
		&api,
		&ferdie,
		&agreements.propose(
			poruka::runtime_types::bounded_collections::bounded_vec::BoundedVec(obligations),
			now + 4,
		),
	)
	.await;
	let proposed = events
		.find_first::<poruka::agreements::events::Proposed>()
		.expect("a Proposed event")
		.expect("the event decodes");
	let agreement = proposed.id;
	send(&api, &dave, &agreements.accept(agreement)).await;
	let status: Value =
		node.call("agreements_status", rpc_params![agreement]).await.expect("agreements_status");
	assert_eq!(status["phase"], "active");
	assert_eq!(held(&api, &dave, "Agreements", "Escrow").await, 100 * UNIT);

	// 4. The default becomes a claim.
	node.wait_for_finalized(due + 1, Duration::from_secs(120)).await;
	let issuance = total_issuance(&api).await;
	let dave_before = total(&api, &dave).await;
	let events = send(&api, &dave, &agreements.report_default(agreement, 0)).await;
	let dave_fees = fee_paid(&events, &dave);
	let reported = events
		.find_first::<poruka::agreements::events::DefaultReported>()
		.expect("a DefaultReported event")
		.expect("the event decodes");
	let claim = reported.claim;
	let status = claim_status(&node, claim).await;
	assert_eq!((status["phase"].as_str(), status["level"].as_u64()), (Some("open"), Some(1)));
	assert_eq!(panel_names(&status), ["Bob", "Eve"]);
	assert_eq!(status["agreement"].as_u64(), Some(agreement as u64));
	assert_eq!(held(&api, &dave, "Agreements", "Escrow").await, 0);

	// 5. Escalation by timeout.
	let deadline = status["deadline"].as_u64().expect("a deadline") as u32;
	node.wait_for_finalized(deadline, Duration::from_secs(180)).await;
	let status = claim_status(&node, claim).await;
	assert_eq!(status["level"].as_u64(), Some(2));
	assert_eq!(panel_names(&status), ["Alice", "Charlie"]);
	assert!(status["deadline"].as_u64().expect("a new deadline") > deadline as u64);
	assert_eq!(member(&node, &eve).await["strikes"], 1);
	assert_eq!(member(&node, &bob).await["strikes"], 1);

	// 6. Decision and payout.
	let before = (
		held(&api, &ferdie, "Guarantor", "Deposit").await,
		held(&api, &eve, "Guarantor", "Guarantee").await,
		held(&api, &bob, "Guarantor", "Guarantee").await,
	);
	let uphold = || Verdict::Uphold { amount: 100 * UNIT, force_majeure: false };
	send(&api, &alice, &tx.vote(claim, uphold())).await;
	let events = send(&api, &charlie, &tx.vote(claim, uphold())).await;
	let decided = events
		.find_first::<poruka::guarantor::events::ClaimDecided>()
		.expect("a ClaimDecided event")
		.expect("the event decodes");
	node.wait_for_finalized(decided.appeal_until + 1, Duration::from_secs(120)).await;

	let status = claim_status(&node, claim).await;
	assert_eq!((status["phase"].as_str(), status["final"].as_bool()), (Some("paid"), Some(true)));
	assert_eq!(balance(&status["compensated"]), 100 * UNIT);
	let paid = |who: &str| -> u128 {
		status["payments"]
			.as_array()
			.expect("payments")
			.iter()
			.filter(|p| name_of(p["payer"].as_str().unwrap()) == who)
			.map(|p| balance(&p["amount"]))
			.sum()
	};
	assert_eq!((paid("Ferdie"), paid("Eve"), paid("Bob")), (30 * UNIT, 35 * UNIT, 35 * UNIT));
	// Its steps after the filing, from state: climbed to level 2 at the deadline, decided,
	// paid when the appeal period ended.
	let steps: Vec<(&str, u64, u64)> = status["steps"]
		.as_array()
		.expect("the claim's steps")
		.iter()
		.map(|s| {
			(s["phase"].as_str().unwrap(), s["level"].as_u64().unwrap(), s["at"].as_u64().unwrap())
		})
		.collect();
	assert_eq!(
		steps.iter().map(|(phase, level, _)| (*phase, *level)).collect::<Vec<_>>(),
		[("open", 2), ("decided", 2), ("paid", 2)]
	);
	assert_eq!(steps[0].2, deadline as u64);
	assert_eq!(steps[2].2, decided.appeal_until as u64);
	assert_eq!(status["steps"][1]["verdict"]["verdict"], "uphold");
	assert_eq!(balance(&status["steps"][2]["compensated"]), 100 * UNIT);
	// The payout's event, in the block whose hook paid it, says the same.
	let payout_block = api.at_block(decided.appeal_until).await.expect("the payout block");
	let events = payout_block.events().fetch().await.expect("its events");
	let paid_event = events
		.find::<poruka::guarantor::events::CompensationPaid>()
		.filter_map(Result::ok)
		.find(|e| e.claim == claim)
		.expect("CompensationPaid in the payout block");
	assert_eq!((paid_event.amount, paid_event.compensated), (100 * UNIT, 100 * UNIT));
	assert_eq!(paid_event.shortfall, 0);
	assert_eq!(paid_event.claimant, account(&dave));
	let mut event_payments: Vec<(String, u128)> =
		paid_event.payments.iter().map(|p| (name_of(&p.payer.to_string()), p.amount)).collect();
	event_payments.sort();
	assert_eq!(
		event_payments,
		[("Bob".into(), 35 * UNIT), ("Eve".into(), 35 * UNIT), ("Ferdie".into(), 30 * UNIT)]
	);
	let after = (
		held(&api, &ferdie, "Guarantor", "Deposit").await,
		held(&api, &eve, "Guarantor", "Guarantee").await,
		held(&api, &bob, "Guarantor", "Guarantee").await,
	);
	assert_eq!(
		(before.0 - after.0, before.1 - after.1, before.2 - after.2),
		(paid("Ferdie"), paid("Eve"), paid("Bob"))
	);
	assert_eq!(total(&api, &dave).await + dave_fees - dave_before, 100 * UNIT);
	let f = member(&node, &ferdie).await;
	let owed = |who: &str| -> u128 {
		f["debts"]
			.as_array()
			.expect("debts")
			.iter()
			.filter(|d| name_of(d["account"].as_str().unwrap()) == who)
			.map(|d| balance(&d["amount"]))
			.sum()
	};
	assert_eq!((owed("Eve"), owed("Bob")), (35 * UNIT, 35 * UNIT));
	assert_eq!(total_issuance(&api).await, issuance);
	let status: Value =
		node.call("agreements_status", rpc_params![agreement]).await.expect("agreements_status");
	assert_eq!(status["phase"], "defaulted");
	assert_eq!(balance(&status["compensated"]), 100 * UNIT);
	// Eve's and Bob's guarantees are left at 5 POR, below the minimum: they no longer count.
	assert_eq!(f["status"], "suspended");
	assert!(f["guarantors"].as_array().unwrap().iter().all(|g| g["counts"] == false));
}

/// A claimant and a respondent collude: Dave files against Ferdie, and Ferdie "acknowledges" to
/// move his guarantors' money to Dave. Only Ferdie's own deposit moves; the rest goes to
/// Ferdie's guarantors as an ordinary claim, their guarantees frozen, and they reject it.
#[tokio::test(flavor = "multi_thread")]
async fn a_collusion_through_acknowledge_moves_no_guarantors_money() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let api = Client::from_insecure_url(&url).await.expect("subxt connects");
	let (bob, dave, eve, ferdie) = (dev::bob(), dev::dave(), dev::eve(), dev::ferdie());
	let tx = poruka::transactions().guarantor();
	send(&api, &eve, &tx.vouch(account(&ferdie), 40 * UNIT)).await;
	send(&api, &bob, &tx.vouch(account(&ferdie), 40 * UNIT)).await;
	send(&api, &ferdie, &tx.deposit(10 * UNIT)).await;
	let guarantees = |api: Client| async move {
		held(&api, &dev::eve(), "Guarantor", "Guarantee").await
			+ held(&api, &dev::bob(), "Guarantor", "Guarantee").await
	};
	let before = guarantees(api.clone()).await;
	let evidence = poruka::runtime_types::bounded_collections::bounded_vec::BoundedVec(
		b"we agreed on this".to_vec(),
	);
	let events =
		send(&api, &dave, &tx.file_claim(account(&ferdie), 80 * UNIT, evidence, None)).await;
	let claim = events
		.find_first::<poruka::guarantor::events::ClaimFiled>()
		.expect("a ClaimFiled event")
		.expect("the event decodes")
		.claim;
	let events = send(&api, &ferdie, &tx.acknowledge(claim, false)).await;
	let ack = events
		.find_first::<poruka::guarantor::events::ClaimAcknowledged>()
		.expect("a ClaimAcknowledged event")
		.expect("the event decodes");
	assert_eq!((ack.paid, ack.remaining), (10 * UNIT, 70 * UNIT));
	assert!(events.find_first::<poruka::guarantor::events::CompensationPaid>().is_none());
	assert_eq!(guarantees(api.clone()).await, before);

	// As a client sees it: the claim is still open, before Eve and Bob, whose guarantees are
	// liable and frozen.
	let status = claim_status(&node, claim).await;
	assert_eq!(status["phase"], "open");
	assert_eq!(balance(&status["acknowledged"]), 10 * UNIT);
	let depths = status["liable"].as_array().expect("liable guarantees by side and depth");
	assert_eq!(depths.len(), 1, "only Ferdie's own guarantors: {depths:?}");
	assert_eq!(
		(depths[0]["side"].as_str(), depths[0]["depth"].as_u64()),
		(Some("respondent"), Some(1))
	);
	let mut liable: Vec<(String, u128)> = depths[0]["guarantees"]
		.as_array()
		.expect("liable guarantees")
		.iter()
		.map(|l| (name_of(l["guarantor"].as_str().unwrap()), balance(&l["amount"])))
		.collect();
	liable.sort();
	assert_eq!(liable, [("Bob".into(), 40 * UNIT), ("Eve".into(), 40 * UNIT)]);
	let f = member(&node, &ferdie).await;
	assert!(f["guarantors"].as_array().unwrap().iter().all(|g| g["liableClaims"] == 1));

	// Eve and Bob see through it.
	send(&api, &eve, &tx.vote(claim, Verdict::Reject)).await;
	let events = send(&api, &bob, &tx.vote(claim, Verdict::Reject)).await;
	let decided = events
		.find_first::<poruka::guarantor::events::ClaimDecided>()
		.expect("a ClaimDecided event")
		.expect("the event decodes");
	node.wait_for_finalized(decided.appeal_until + 1, Duration::from_secs(120)).await;
	let status = claim_status(&node, claim).await;
	assert_eq!((status["phase"].as_str(), status["final"].as_bool()), (Some("paid"), Some(true)));
	assert_eq!(balance(&status["compensated"]), 10 * UNIT);
	// What no fund covered: the upheld amount less what reached Dave.
	assert_eq!(balance(&status["upheld"]) - balance(&status["compensated"]), 70 * UNIT);
	assert_eq!(guarantees(api.clone()).await, before);
	// Ferdie owes Dave the rest himself; his guarantors nothing.
	let f = member(&node, &ferdie).await;
	let debts: Vec<(String, u128)> = f["debts"]
		.as_array()
		.unwrap()
		.iter()
		.map(|d| (name_of(d["account"].as_str().unwrap()), balance(&d["amount"])))
		.collect();
	assert_eq!(debts, [("Dave".into(), 70 * UNIT)]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_story_with_the_polkadot_js_demo() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	run_client_script(&node, "demo.mjs", "The whole story ran as the rules say.").await;
}
