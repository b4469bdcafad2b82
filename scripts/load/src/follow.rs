//! Following the chain while the load runs: each new best block marks when the load's
//! extrinsics were first included; each finalized block (every one, in order, even when the
//! node's finalized head jumps several blocks) is counted once with its weight and which of
//! the load's calls failed.

use std::{
	sync::{Arc, Mutex},
	time::Instant,
};

use frame_support::dispatch::{DispatchClass, PerDispatchClass};
use frame_system::{EventRecord, Phase};
use poruka_runtime::{Runtime, RuntimeError, RuntimeEvent};
use sp_core::{Blake2Hasher, Hasher, H256};

use crate::{
	rpc::{head_of, Chain, Head},
	tracker::{BlockRow, Tracker},
	Error,
};

/// What the follower does with a finalized block's row once counted (prints progress).
pub type OnBlock = Box<dyn Fn(&BlockRow, usize) + Send + Sync>;

/// Follows new best blocks until the task is dropped.
pub async fn best_blocks(chain: Arc<Chain>, tracker: Arc<Mutex<Tracker>>) -> Result<(), Error> {
	let mut heads = chain.heads(false).await?;
	while let Some(header) = heads.next().await {
		let at = Instant::now();
		let head = head_of(&header?)?;
		let hashes = extrinsic_hashes(&chain.body(head.hash).await?);
		let failed = failures(&chain, head.hash, hashes.len()).await?;
		tracker.lock().expect("the tracker").best_block(&hashes, &failed, at);
	}
	Err(Error::new("the node closed the new-heads subscription"))
}

/// Follows finalized blocks until the task is dropped, counting each once in order.
pub async fn finalized_blocks(
	chain: Arc<Chain>,
	tracker: Arc<Mutex<Tracker>>,
	on_block: OnBlock,
) -> Result<(), Error> {
	let mut heads = chain.heads(true).await?;
	while let Some(header) = heads.next().await {
		let at = Instant::now();
		let head = head_of(&header?)?;
		let counted = tracker.lock().expect("the tracker").counted_up_to();
		// The finalized head may jump: walk back to the last counted block.
		let mut behind = vec![head];
		while behind.last().is_some_and(|h| h.number > counted + 1) {
			let parent = behind.last().expect("not empty").parent;
			behind.push(chain.header(parent).await?);
		}
		for block in behind.into_iter().rev().filter(|h| h.number > counted) {
			count(&chain, &tracker, block, at, &on_block).await?;
		}
	}
	Err(Error::new("the node closed the finalized-heads subscription"))
}

async fn count(
	chain: &Chain,
	tracker: &Mutex<Tracker>,
	block: Head,
	at: Instant,
	on_block: &OnBlock,
) -> Result<(), Error> {
	let body = chain.body(block.hash).await?;
	let hashes = extrinsic_hashes(&body);
	let failed = failures(chain, block.hash, hashes.len()).await?;
	let used: PerDispatchClass<frame_support::weights::Weight> = chain
		.storage(&frame_system::BlockWeight::<Runtime>::hashed_key(), Some(block.hash))
		.await?
		.unwrap_or_default();
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let total = used.total().ref_time() as f64 / limits.max_block.ref_time() as f64;
	let normal_limit = limits.get(DispatchClass::Normal).max_total.unwrap_or(limits.max_block);
	let normal = used.get(DispatchClass::Normal).ref_time() as f64 / normal_limit.ref_time() as f64;
	let mut tracker = tracker.lock().expect("the tracker");
	if let Some(row) =
		tracker.finalized_block(block.number, &hashes, &failed, (total * 100.0, normal * 100.0), at)
	{
		let row = row.clone();
		let pending = tracker.pending();
		drop(tracker);
		on_block(&row, pending);
	}
	Ok(())
}

/// For each of block `hash`'s `count` extrinsics, the error its call failed with, if it did.
async fn failures(chain: &Chain, hash: H256, count: usize) -> Result<Vec<Option<String>>, Error> {
	let events: Vec<EventRecord<RuntimeEvent, H256>> =
		chain.storage(&events_key(), Some(hash)).await?.unwrap_or_default();
	let mut failed = vec![None; count];
	for record in events {
		if let (
			Phase::ApplyExtrinsic(index),
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }),
		) = (record.phase, record.event)
		{
			if let Some(slot) = failed.get_mut(index as usize) {
				*slot = Some(error_name(dispatch_error));
			}
		}
	}
	Ok(failed)
}

/// A dispatch error in the runtime's words: `Guarantor(NotActiveMember)`, or the error itself
/// when it is not a pallet's.
pub fn error_name(error: sp_runtime::DispatchError) -> String {
	match RuntimeError::from_dispatch_error(error) {
		Some(error) => format!("{error:?}"),
		None => format!("{error:?}"),
	}
}

/// Where `System::Events` is stored (the storage item itself is private to frame-system).
pub fn events_key() -> [u8; 32] {
	frame_support::storage::storage_prefix(b"System", b"Events")
}

/// The hashes the pool gives these encoded extrinsics.
pub fn extrinsic_hashes(body: &[Vec<u8>]) -> Vec<H256> {
	body.iter().map(|encoded| Blake2Hasher::hash(encoded)).collect()
}
