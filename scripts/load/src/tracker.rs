//! Counting: what the tool sent, what the pool refused, and what each finalized block
//! included, each extrinsic counted once however often the node shows it (a best block that
//! is later replaced, a finalized head that skips blocks).

use std::{
	collections::{BTreeMap, HashMap},
	time::{Duration, Instant},
};

use sp_core::H256;

/// One finalized block as the load saw it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BlockRow {
	pub number: u32,
	/// When the tool learnt that it was finalized, from the first submission.
	pub finalized_after: Duration,
	/// Every extrinsic in the block (inherents too).
	pub extrinsics: usize,
	/// The load's extrinsics in it, per kind of call.
	pub ours: BTreeMap<&'static str, usize>,
	/// The load's extrinsics in it whose call failed (they were included and paid fees).
	pub failed: usize,
	/// The share of the block's weight limit used, in percent (every dispatch class).
	pub weight_percent: f64,
	/// The share of the normal class's limit used, in percent: what transactions may fill.
	pub normal_percent: f64,
}

impl BlockRow {
	/// The load's extrinsics in the block.
	pub fn ours_total(&self) -> usize {
		self.ours.values().sum()
	}
}

struct Sent {
	kind: &'static str,
	at: Instant,
	included: Option<Instant>,
	finalized: Option<Instant>,
}

/// Everything the tool counts, fed by the submitter and the chain follower.
pub struct Tracker {
	start: Instant,
	sent: HashMap<H256, Sent>,
	rejected: BTreeMap<String, usize>,
	blocks: Vec<BlockRow>,
	/// Finalized blocks up to this one are counted.
	counted_up_to: u32,
	/// The load's extrinsics included in a finalized block whose call failed.
	failed: usize,
}

/// Latencies in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Percentiles {
	pub p50: u128,
	pub p95: u128,
	pub max: u128,
}

impl Percentiles {
	/// The nearest-rank percentiles of `samples` (all zero if there are none).
	pub fn of(mut samples: Vec<Duration>) -> Percentiles {
		if samples.is_empty() {
			return Percentiles::default();
		}
		samples.sort();
		let rank = |p: usize| samples[(samples.len() * p).div_ceil(100).max(1) - 1].as_millis();
		Percentiles { p50: rank(50), p95: rank(95), max: rank(100) }
	}
}

/// The totals of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
	pub sent: usize,
	pub rejected: BTreeMap<String, usize>,
	pub included: usize,
	pub finalized: usize,
	pub failed: usize,
	pub to_inclusion: Percentiles,
	pub to_finality: Percentiles,
}

impl Tracker {
	/// A tracker that counts finalized blocks after `finalized` (the chain's finalized block
	/// when the load starts).
	pub fn new(finalized: u32) -> Tracker {
		Tracker {
			start: Instant::now(),
			sent: HashMap::new(),
			rejected: BTreeMap::new(),
			blocks: Vec::new(),
			counted_up_to: finalized,
			failed: 0,
		}
	}

	/// The clock starts now (after signing, before the first submission).
	pub fn start_clock(&mut self) {
		self.start = Instant::now();
	}

	/// The pool accepted the extrinsic `hash` of `kind` at `at`.
	pub fn sent(&mut self, hash: H256, kind: &'static str, at: Instant) {
		self.sent.insert(hash, Sent { kind, at, included: None, finalized: None });
	}

	/// The pool refused an extrinsic, in its words.
	pub fn rejected(&mut self, reason: String) {
		*self.rejected.entry(reason).or_default() += 1;
	}

	/// A new best block with these extrinsics was seen at `at`: the first time one of ours is
	/// seen in a block is its inclusion.
	pub fn best_block(&mut self, extrinsics: &[H256], at: Instant) {
		for hash in extrinsics {
			if let Some(sent) = self.sent.get_mut(hash) {
				sent.included.get_or_insert(at);
			}
		}
	}

	/// The last finalized block counted.
	pub fn counted_up_to(&self) -> u32 {
		self.counted_up_to
	}

	/// Block `number` is finalized with these extrinsics (`failed[i]`: the `i`th one's call
	/// failed) and used these shares of its weight limits; seen at `at`. Blocks must come in
	/// order; a block already counted is ignored. Returns the block's row if it was counted.
	pub fn finalized_block(
		&mut self,
		number: u32,
		extrinsics: &[H256],
		failed: &[bool],
		(weight_percent, normal_percent): (f64, f64),
		at: Instant,
	) -> Option<&BlockRow> {
		if number <= self.counted_up_to {
			return None;
		}
		debug_assert_eq!(number, self.counted_up_to + 1, "finalized blocks come in order");
		self.counted_up_to = number;
		let mut row = BlockRow {
			number,
			finalized_after: at.saturating_duration_since(self.start),
			extrinsics: extrinsics.len(),
			weight_percent,
			normal_percent,
			..Default::default()
		};
		for (index, hash) in extrinsics.iter().enumerate() {
			let Some(sent) = self.sent.get_mut(hash) else { continue };
			if sent.finalized.is_some() {
				continue;
			}
			sent.included.get_or_insert(at);
			sent.finalized = Some(at);
			*row.ours.entry(sent.kind).or_default() += 1;
			if failed.get(index).copied().unwrap_or(false) {
				row.failed += 1;
				self.failed += 1;
			}
		}
		self.blocks.push(row);
		self.blocks.last()
	}

	/// Extrinsics the pool accepted that are not finalized yet.
	pub fn pending(&self) -> usize {
		self.sent.values().filter(|sent| sent.finalized.is_none()).count()
	}

	/// How many finalized blocks in a row, up to the last, carried none of the load.
	pub fn idle_blocks(&self) -> usize {
		self.blocks.iter().rev().take_while(|row| row.ours_total() == 0).count()
	}

	/// The finalized blocks counted, in order.
	pub fn blocks(&self) -> &[BlockRow] {
		&self.blocks
	}

	/// The totals so far.
	pub fn totals(&self) -> Totals {
		let sent = self.sent.values();
		let mut totals = Totals {
			sent: self.sent.len() + self.rejected.values().sum::<usize>(),
			rejected: self.rejected.clone(),
			failed: self.failed,
			..Default::default()
		};
		let (mut to_inclusion, mut to_finality) = (Vec::new(), Vec::new());
		for one in sent {
			if let Some(included) = one.included {
				totals.included += 1;
				to_inclusion.push(included.saturating_duration_since(one.at));
			}
			if let Some(finalized) = one.finalized {
				totals.finalized += 1;
				to_finality.push(finalized.saturating_duration_since(one.at));
			}
		}
		totals.to_inclusion = Percentiles::of(to_inclusion);
		totals.to_finality = Percentiles::of(to_finality);
		totals
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hashes(range: std::ops::Range<u8>) -> Vec<H256> {
		range.map(H256::repeat_byte).collect()
	}

	#[test]
	fn each_extrinsic_is_counted_once_in_the_block_that_finalized_it() {
		let mut tracker = Tracker::new(10);
		let t0 = Instant::now();
		for hash in hashes(1..101) {
			tracker.sent(hash, "transfer", t0);
		}
		let others = hashes(200..202);
		let block_12: Vec<H256> = others.iter().copied().chain(hashes(1..61)).collect();
		let block_13: Vec<H256> = hashes(61..101);
		// Seen in a best block that a fork replaced, then again in the canonical ones.
		tracker.best_block(&hashes(1..30), t0 + Duration::from_millis(500));
		tracker.best_block(&block_12, t0 + Duration::from_millis(900));
		tracker.best_block(&block_13, t0 + Duration::from_millis(1500));
		let at = t0 + Duration::from_secs(3);
		// A block at or below the start is not counted; block 11 has none of ours.
		assert!(tracker.finalized_block(10, &hashes(1..5), &[], (1.0, 1.0), at).is_none());
		let row = tracker.finalized_block(11, &others, &[], (0.5, 0.0), at).unwrap();
		assert_eq!((row.ours_total(), row.extrinsics), (0, 2));
		assert_eq!(tracker.idle_blocks(), 1);
		let mut failed = vec![false; block_12.len()];
		failed[2] = true;
		let row = tracker.finalized_block(12, &block_12, &failed, (60.0, 75.0), at).unwrap();
		assert_eq!((row.ours_total(), row.failed, row.extrinsics), (60, 1, 62));
		// The same block again (a second subscription) changes nothing.
		assert!(tracker.finalized_block(12, &block_12, &failed, (60.0, 75.0), at).is_none());
		assert_eq!(tracker.pending(), 40);
		assert_eq!(tracker.idle_blocks(), 0);
		let row = tracker.finalized_block(13, &block_13, &[], (40.0, 50.0), at).unwrap();
		assert_eq!(row.ours.get("transfer"), Some(&40));
		let totals = tracker.totals();
		assert_eq!((totals.sent, totals.included, totals.finalized), (100, 100, 100));
		assert_eq!(totals.failed, 1);
		assert_eq!(tracker.pending(), 0);
		// 29 were first seen at 500 ms, 31 at 900 ms, 40 at 1500 ms.
		assert_eq!(totals.to_inclusion.p50, 900);
		assert_eq!(totals.to_inclusion.p95, 1500);
		assert_eq!(totals.to_finality.p95, 3000);
		assert_eq!(tracker.blocks().iter().map(BlockRow::ours_total).sum::<usize>(), 100);
	}

	#[test]
	fn refusals_are_counted_by_reason_and_count_as_sent() {
		let mut tracker = Tracker::new(0);
		tracker.rejected("Invalid Transaction: Transaction is outdated".into());
		tracker.rejected("Invalid Transaction: Transaction is outdated".into());
		tracker.rejected("Immediately Dropped".into());
		tracker.sent(H256::repeat_byte(1), "vote", Instant::now());
		let totals = tracker.totals();
		assert_eq!(totals.sent, 4);
		assert_eq!(totals.rejected.values().sum::<usize>(), 3);
		assert_eq!(tracker.pending(), 1);
	}

	#[test]
	fn percentiles_are_nearest_rank() {
		let ms = |v: &[u64]| v.iter().map(|m| Duration::from_millis(*m)).collect::<Vec<_>>();
		assert_eq!(Percentiles::of(vec![]), Percentiles::default());
		let p = Percentiles::of(ms(&[5]));
		assert_eq!((p.p50, p.p95, p.max), (5, 5, 5));
		let p = Percentiles::of(ms(&(1..=100).rev().collect::<Vec<_>>()));
		assert_eq!((p.p50, p.p95, p.max), (50, 95, 100));
	}
}
