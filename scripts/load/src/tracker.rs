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
	/// The error its call failed with in the best block that first included it.
	failed_in_best: Option<String>,
	finalized: Option<Instant>,
	/// The error its call failed with in the finalized block.
	failed: Option<String>,
}

/// Everything the tool counts, fed by the submitter and the chain follower.
pub struct Tracker {
	start: Instant,
	sent: HashMap<H256, Sent>,
	/// The pool's refusals by kind of call and reason.
	rejected: BTreeMap<&'static str, BTreeMap<String, usize>>,
	blocks: Vec<BlockRow>,
	/// Finalized blocks up to this one are counted.
	counted_up_to: u32,
}

/// Where one kind of call stands: what the next phase waits for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
	/// Accepted by the pool.
	pub accepted: usize,
	/// Refused by the pool.
	pub refused: usize,
	/// Included in a best block.
	pub included: usize,
	/// Included, and the call failed there, by error.
	pub failed: BTreeMap<String, usize>,
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
	/// The failed calls by the runtime's error (`Guarantor(NotActiveMember)`).
	pub failures: BTreeMap<String, usize>,
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
		}
	}

	/// When the clock started: [`BlockRow::finalized_after`] counts from here.
	pub fn started(&self) -> Instant {
		self.start
	}

	/// The pool accepted the extrinsic `hash` of `kind` at `at`.
	pub fn sent(&mut self, hash: H256, kind: &'static str, at: Instant) {
		self.sent.insert(
			hash,
			Sent { kind, at, included: None, failed_in_best: None, finalized: None, failed: None },
		);
	}

	/// The pool refused an extrinsic of `kind`, in its words.
	pub fn rejected(&mut self, kind: &'static str, reason: String) {
		*self.rejected.entry(kind).or_default().entry(reason).or_default() += 1;
	}

	/// A new best block with these extrinsics (`failed[i]`: the error the `i`th one's call
	/// failed with, if it did) was seen at `at`: the first time one of ours is seen in a block
	/// is its inclusion.
	pub fn best_block(&mut self, extrinsics: &[H256], failed: &[Option<String>], at: Instant) {
		for (index, hash) in extrinsics.iter().enumerate() {
			if let Some(sent) = self.sent.get_mut(hash) {
				if sent.included.is_none() {
					sent.included = Some(at);
					sent.failed_in_best = failed.get(index).cloned().flatten();
				}
			}
		}
	}

	/// Where the calls of `kind` stand in the best chain.
	pub fn progress(&self, kind: &str) -> Progress {
		let mut progress = Progress {
			refused: self.rejected.get(kind).map_or(0, |r| r.values().sum()),
			..Default::default()
		};
		for sent in self.sent.values().filter(|sent| sent.kind == kind) {
			progress.accepted += 1;
			if sent.included.is_some() {
				progress.included += 1;
			}
			if let Some(error) = &sent.failed_in_best {
				*progress.failed.entry(error.clone()).or_default() += 1;
			}
		}
		progress
	}

	/// The last finalized block counted.
	pub fn counted_up_to(&self) -> u32 {
		self.counted_up_to
	}

	/// Block `number` is finalized with these extrinsics (`failed[i]`: the error the `i`th
	/// one's call failed with, if it did) and used these shares of its weight limits; seen at `at`. Blocks must come in
	/// order; a block already counted is ignored. Returns the block's row if it was counted.
	pub fn finalized_block(
		&mut self,
		number: u32,
		extrinsics: &[H256],
		failed: &[Option<String>],
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
			if let Some(Some(error)) = failed.get(index) {
				row.failed += 1;
				sent.failed = Some(error.clone());
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

	/// How many finalized blocks in a row, up to the last, carried no call of `kind`.
	pub fn idle_blocks_of(&self, kind: &str) -> usize {
		self.blocks.iter().rev().take_while(|row| !row.ours.contains_key(kind)).count()
	}

	/// The finalized blocks counted, in order.
	pub fn blocks(&self) -> &[BlockRow] {
		&self.blocks
	}

	/// The totals so far, of every kind.
	pub fn totals(&self) -> Totals {
		self.totals_where(|_| true)
	}

	/// The totals so far of the calls of `kind`.
	pub fn totals_of(&self, kind: &str) -> Totals {
		self.totals_where(|k| k == kind)
	}

	fn totals_where(&self, wanted: impl Fn(&str) -> bool) -> Totals {
		let mut totals = Totals::default();
		for (_, reasons) in self.rejected.iter().filter(|(kind, _)| wanted(kind)) {
			for (reason, count) in reasons {
				*totals.rejected.entry(reason.clone()).or_default() += count;
				totals.sent += count;
			}
		}
		let (mut to_inclusion, mut to_finality) = (Vec::new(), Vec::new());
		for one in self.sent.values().filter(|sent| wanted(sent.kind)) {
			totals.sent += 1;
			if let Some(included) = one.included {
				totals.included += 1;
				to_inclusion.push(included.saturating_duration_since(one.at));
			}
			if let Some(finalized) = one.finalized {
				totals.finalized += 1;
				to_finality.push(finalized.saturating_duration_since(one.at));
			}
			if let Some(error) = &one.failed {
				totals.failed += 1;
				*totals.failures.entry(error.clone()).or_default() += 1;
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
		tracker.best_block(&hashes(1..30), &[], t0 + Duration::from_millis(500));
		tracker.best_block(&block_12, &[], t0 + Duration::from_millis(900));
		tracker.best_block(&block_13, &[], t0 + Duration::from_millis(1500));
		let at = t0 + Duration::from_secs(3);
		// A block at or below the start is not counted; block 11 has none of ours.
		assert!(tracker.finalized_block(10, &hashes(1..5), &[], (1.0, 1.0), at).is_none());
		let row = tracker.finalized_block(11, &others, &[], (0.5, 0.0), at).unwrap();
		assert_eq!((row.ours_total(), row.extrinsics), (0, 2));
		assert_eq!(tracker.idle_blocks(), 1);
		let mut failed = vec![None; block_12.len()];
		failed[2] = Some("Guarantor(NotActiveMember)".to_string());
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
		assert_eq!(totals.failures.get("Guarantor(NotActiveMember)"), Some(&1));
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
		tracker.rejected("vote", "Invalid Transaction: Transaction is outdated".into());
		tracker.rejected("vote", "Invalid Transaction: Transaction is outdated".into());
		tracker.rejected("transfer", "Immediately Dropped".into());
		tracker.sent(H256::repeat_byte(1), "vote", Instant::now());
		let totals = tracker.totals();
		assert_eq!(totals.sent, 4);
		assert_eq!(totals.rejected.values().sum::<usize>(), 3);
		assert_eq!(tracker.pending(), 1);
		let votes = tracker.totals_of("vote");
		assert_eq!((votes.sent, votes.rejected.values().sum::<usize>()), (3, 2));
		let progress = tracker.progress("vote");
		assert_eq!((progress.accepted, progress.refused, progress.included), (1, 2, 0));
	}

	#[test]
	fn a_phase_is_followed_by_kind_in_best_blocks_before_finality() {
		let mut tracker = Tracker::new(0);
		let t0 = Instant::now();
		for hash in hashes(1..5) {
			tracker.sent(hash, "vouch", t0);
		}
		for hash in hashes(10..12) {
			tracker.sent(hash, "transfer", t0);
		}
		let failed = vec![None, Some("Guarantor(NotActiveMember)".to_string()), None];
		tracker.best_block(&hashes(1..4), &failed, t0);
		let progress = tracker.progress("vouch");
		assert_eq!((progress.accepted, progress.included), (4, 3));
		assert_eq!(progress.failed.get("Guarantor(NotActiveMember)"), Some(&1));
		// Only finality counts a failure in the totals.
		assert_eq!(tracker.totals_of("vouch").failed, 0);
		let block: Vec<H256> = hashes(1..5).into_iter().chain(hashes(10..11)).collect();
		let mut failed = vec![None; 5];
		failed[1] = Some("Guarantor(NotActiveMember)".to_string());
		tracker.finalized_block(1, &block, &failed, (1.0, 1.0), t0);
		let vouches = tracker.totals_of("vouch");
		assert_eq!((vouches.sent, vouches.finalized, vouches.failed), (4, 4, 1));
		assert_eq!(tracker.totals_of("transfer").finalized, 1);
		assert_eq!(tracker.idle_blocks_of("vouch"), 0);
		tracker.finalized_block(2, &hashes(11..12), &[], (1.0, 1.0), t0);
		assert_eq!(tracker.idle_blocks_of("vouch"), 1);
		assert_eq!(tracker.idle_blocks_of("transfer"), 0);
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
