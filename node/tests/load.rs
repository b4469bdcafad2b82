//! End-to-end: the load tool (`scripts/load`, `poruka-load`) against the real `poruka-node
//! --dev`: 100 pre-signed transfers from 20 accounts are sent (over two connections), and the
//! tool counts each once, in the finalized block that holds it; the chain's own events agree.
//! And the guarantor scenario, small: four pairs go through every phase, each counted as the
//! chain's events say it happened.

mod common;

use common::{Node, STARTUP_TIMEOUT};
use poruka_load::{scenario, workload, Config, Kind, Report};
use poruka_runtime::RuntimeEvent;
use sp_core::{Pair, H256};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn the_load_tool_counts_each_transfer_once_in_the_block_that_finalized_it() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	// Two connections to the same node: the load spread over them (as over a testnet's
	// nodes) is still counted once.
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let config = Config {
		urls: vec![url.clone(), url],
		kinds: vec![Kind::Transfer],
		accounts: 20,
		first_account: 0,
		per_account: 5,
		rate: None,
		time_limit: Duration::from_secs(60),
		progress: true,
	};
	let run = poruka_load::run(&config).await.expect("the load runs");
	println!("{}", run.table());
	assert_eq!(run.phases.len(), 1);
	let report = &run.phases[0];

	let totals = &report.totals;
	assert_eq!((totals.sent, totals.included, totals.finalized), (100, 100, 100));
	assert!(totals.rejected.is_empty(), "the pool refused {:?}", totals.rejected);
	assert_eq!(totals.failed, 0);
	assert!(totals.to_inclusion.p50 <= totals.to_finality.p50);
	// Finalized blocks are counted in order, each once.
	let numbers: Vec<u32> = run.blocks.iter().map(|row| row.number).collect();
	assert!(numbers.windows(2).all(|pair| pair[1] == pair[0] + 1), "{numbers:?}");
	assert_eq!(report.blocks.iter().map(|row| row.ours_total()).sum::<usize>(), 100);

	// The chain agrees: the blocks the tool counted hold exactly 100 transfers between the
	// load accounts, of the load's amount.
	let ids: Vec<_> =
		workload::accounts(0, 20).iter().map(|pair| pair.public().into()).collect::<Vec<_>>();
	let transfers = count_events(&node, report, |event| {
		matches!(event,
			RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
				if ids.contains(from) && ids.contains(to) && *amount == workload::TRANSFER)
	})
	.await;
	assert_eq!(transfers, 100);
	assert!(node.stop().success());
}

/// The events of the blocks that carried `report`'s load that `wanted` picks.
async fn count_events(
	node: &Node,
	report: &Report,
	wanted: impl Fn(&RuntimeEvent) -> bool,
) -> usize {
	let mut count = 0;
	for row in report.loaded_blocks() {
		let hash = node.call("chain_getBlockHash", vec![row.number]).await.unwrap();
		let hash: H256 = serde_json::from_value(hash).unwrap();
		let events: Vec<frame_system::EventRecord<RuntimeEvent, H256>> =
			node.storage(&poruka_load::follow::events_key(), Some(hash)).await.unwrap_or_default();
		count += events.iter().filter(|record| wanted(&record.event)).count();
	}
	count
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guarantor_scenario_runs_every_phase_and_counts_what_the_chain_did() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let config = Config {
		urls: vec![format!("ws://127.0.0.1:{}", node.rpc_port)],
		kinds: scenario::PHASES.to_vec(),
		accounts: 8,
		first_account: 1_000,
		per_account: 1,
		rate: None,
		time_limit: Duration::from_secs(60),
		progress: true,
	};
	let run = poruka_load::run(&config).await.expect("the load runs");
	println!("{}", run.table());
	assert_eq!(run.stopped, None);

	// Four pairs: each guarantor deposits once, vouches twice, accepts once and votes twice;
	// each ward proposes, confirms and files once.
	let counts: Vec<(&str, usize)> = run
		.phases
		.iter()
		.map(|phase| {
			(
				phase.loaded_blocks().next().unwrap().ours.keys().next().copied().unwrap(),
				phase.totals.finalized,
			)
		})
		.collect();
	assert_eq!(
		counts,
		vec![
			("deposit", 4),
			("vouch", 8),
			("propose", 4),
			("accept", 4),
			("confirm", 4),
			("file_claim", 4),
			("vote", 8),
		]
	);
	for phase in &run.phases {
		assert_eq!(phase.incomplete(), None, "{}", phase.label);
	}
	// The chain agrees: every ward was admitted, every agreement completed, every claim decided.
	let admitted = count_events(&node, &run.phases[1], |event| {
		matches!(event, RuntimeEvent::Guarantor(pallet_guarantor::Event::MemberAdmitted { .. }))
	})
	.await;
	let completed = count_events(&node, &run.phases[4], |event| {
		matches!(event, RuntimeEvent::Agreements(pallet_agreements::Event::Completed { .. }))
	})
	.await;
	let decided = count_events(&node, &run.phases[6], |event| {
		matches!(event, RuntimeEvent::Guarantor(pallet_guarantor::Event::ClaimDecided { .. }))
	})
	.await;
	assert_eq!((admitted, completed, decided), (4, 4, 4));

	// The scenario put the dev chain's periods back.
	let timing: Option<pallet_guarantor::Timing<u32>> = node
		.storage(&pallet_guarantor::CurrentTiming::<poruka_runtime::Runtime>::hashed_key(), None)
		.await;
	assert_eq!(timing, Some(poruka_runtime::genesis_config_presets::DEV_TIMING));
	assert!(node.stop().success());
}
