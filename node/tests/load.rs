//! End-to-end: the load tool (`scripts/load`, `poruka-load`) against the real `poruka-node
//! --dev`: 100 pre-signed transfers from 20 accounts are sent, and the tool counts each once,
//! in the finalized block that holds it; the chain's own events agree.

mod common;

use common::{Node, STARTUP_TIMEOUT};
use poruka_load::{workload, Config, Kind};
use poruka_runtime::RuntimeEvent;
use sp_core::{Pair, H256};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread")]
async fn the_load_tool_counts_each_transfer_once_in_the_block_that_finalized_it() {
	let node = Node::start_dev();
	node.wait_for_finalized(1, STARTUP_TIMEOUT).await;
	let config = Config {
		url: format!("ws://127.0.0.1:{}", node.rpc_port),
		kinds: vec![Kind::Transfer],
		accounts: 20,
		per_account: 5,
		rate: None,
		time_limit: Duration::from_secs(60),
		progress: true,
	};
	let report = poruka_load::run(&config).await.expect("the load runs");
	println!("{}", report.table());

	let totals = &report.totals;
	assert_eq!((totals.sent, totals.included, totals.finalized), (100, 100, 100));
	assert!(totals.rejected.is_empty(), "the pool refused {:?}", totals.rejected);
	assert_eq!(totals.failed, 0);
	assert!(totals.to_inclusion.p50 <= totals.to_finality.p50);
	// Finalized blocks are counted in order, each once.
	let numbers: Vec<u32> = report.blocks.iter().map(|row| row.number).collect();
	assert!(numbers.windows(2).all(|pair| pair[1] == pair[0] + 1), "{numbers:?}");
	assert_eq!(report.blocks.iter().map(|row| row.ours_total()).sum::<usize>(), 100);

	// The chain agrees: the blocks the tool counted hold exactly 100 transfers between the
	// load accounts, of the load's amount.
	let ids: Vec<_> =
		workload::accounts(20).iter().map(|pair| pair.public().into()).collect::<Vec<_>>();
	let mut transfers = 0;
	for row in report.loaded_blocks() {
		let hash = node.call("chain_getBlockHash", vec![row.number]).await.unwrap();
		let hash: H256 = serde_json::from_value(hash).unwrap();
		let events: Vec<frame_system::EventRecord<RuntimeEvent, H256>> =
			node.storage(&poruka_load::follow::events_key(), Some(hash)).await.unwrap_or_default();
		transfers += events
			.iter()
			.filter(|record| {
				matches!(&record.event,
					RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount })
						if ids.contains(from) && ids.contains(to) && *amount == workload::TRANSFER)
			})
			.count();
	}
	assert_eq!(transfers, 100);
	assert!(node.stop().success());
}
