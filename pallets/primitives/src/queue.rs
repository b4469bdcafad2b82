//! A per-block queue in storage that never refuses an entry: the deadlines of the guarantor
//! pallet and the tasks of the agreements pallet both live in one.
//!
//! - Entries sit under `(block, index)`; each block keeps the range `[head, tail)` of its
//!   indices. Queuing appends at `tail`: one read and two writes, whatever is queued already, so
//!   scheduling an honest action never fails and never costs more because someone filled the
//!   block (whoever queues pays for its own entries: a claim's bond, an agreement's deposit).
//! - An entry stays queued until it is processed: an owner that no longer needs one (the guarantor
//!   pallet's deadline of a claim that moved on) skips it when it comes, which costs the hook what
//!   any entry costs and spares whoever made it stale a read and a write. Processing also skips a
//!   missing entry (a hole), which only a storage migration could leave.
//! - [`BlockQueue::process`] works through due blocks oldest first and, within a block, in the
//!   order entries were queued, within the weight it is given; whatever does not fit waits for
//!   the next block. So an entry is processed once everything queued before it at its block or
//!   earlier is: a flood delays later entries by (entries ahead × the weight of one) ÷ the
//!   weight a block gives the queue, and cannot make any entry fail.

use codec::{Decode, DecodeWithMemTracking, Encode, FullCodec, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	storage::{IterableStorageDoubleMap, StorageDoubleMap, StorageMap, StorageValue},
	weights::{Weight, WeightMeter},
};
use scale_info::TypeInfo;
use sp_runtime::traits::{One, Saturating};

/// Where an entry sits: its block and its index there.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Slot<BlockNumber> {
	/// The block the entry falls due at.
	pub block: BlockNumber,
	/// Its place in that block's queue.
	pub index: u32,
}

/// The indices a block's queue holds: `[head, tail)`, `head` the next to process.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct QueueRange {
	/// The next index to process.
	pub head: u32,
	/// The next index to queue at.
	pub tail: u32,
}

/// The storage items of one queue, declared by the pallet that owns it.
pub trait QueueStorage {
	/// The block number.
	type BlockNumber: FullCodec + Copy + Ord + Saturating + One;
	/// What is queued.
	type Item: FullCodec;
	/// The entries by `(block, index)`.
	type Entries: IterableStorageDoubleMap<
		Self::BlockNumber,
		u32,
		Self::Item,
		Query = Option<Self::Item>,
	>;
	/// Each block's range of indices (a `ValueQuery`: an empty range when absent).
	type Ranges: StorageMap<Self::BlockNumber, QueueRange, Query = QueueRange>;
	/// The earliest block whose entries may not all have been processed (a `ValueQuery`).
	type Cursor: StorageValue<Self::BlockNumber, Query = Self::BlockNumber>;
}

/// What processing costs, from the owning pallet's benchmarks.
#[derive(Clone, Copy, Debug)]
pub struct QueueCosts {
	/// Looking at one block (its range, and moving the cursor past it).
	pub per_block: Weight,
	/// Processing one entry, as heavy as the heaviest entry can be.
	pub per_entry: Weight,
	/// The most blocks one call looks at (after a long stall the cursor catches up over several
	/// blocks).
	pub max_blocks: u32,
}

/// The operations on a queue whose storage is `S`.
pub struct BlockQueue<S>(PhantomData<S>);

impl<S: QueueStorage> BlockQueue<S> {
	/// Queues `item` at block `at` (or at the cursor, if `at` is already behind it); returns
	/// where it went. Always succeeds: a block whose 2^32 indices were all handed out passes
	/// the entry on to the next.
	pub fn push(at: S::BlockNumber, item: S::Item) -> Slot<S::BlockNumber> {
		let mut block = at.max(S::Cursor::get());
		loop {
			let mut range = S::Ranges::get(block);
			let index = range.tail;
			if let Some(tail) = index.checked_add(1) {
				range.tail = tail;
				S::Ranges::insert(block, range);
				<S::Entries as StorageDoubleMap<_, _, _>>::insert(block, index, item);
				return Slot { block, index };
			}
			block = block.saturating_add(One::one());
		}
	}

	/// Whether an entry sits at `slot`.
	pub fn contains(slot: Slot<S::BlockNumber>) -> bool {
		<S::Entries as StorageDoubleMap<_, _, _>>::contains_key(slot.block, slot.index)
	}

	/// Processes the entries due by block `now`, oldest first, calling `f` with each (already
	/// off the queue) and its slot, as long as `meter` allows; what does not fit stays queued.
	pub fn process(
		now: S::BlockNumber,
		meter: &mut WeightMeter,
		costs: QueueCosts,
		mut f: impl FnMut(S::Item, Slot<S::BlockNumber>),
	) {
		let mut block = S::Cursor::get();
		let mut scanned = 0u32;
		'blocks: while block <= now && scanned < costs.max_blocks {
			if meter.try_consume(costs.per_block).is_err() {
				break;
			}
			scanned = scanned.saturating_add(1);
			let mut range = S::Ranges::get(block);
			loop {
				while range.head < range.tail {
					if meter.try_consume(costs.per_entry).is_err() {
						// Only the head moved here; `f` may have queued more (a later tail).
						S::Ranges::mutate(block, |r| r.head = range.head);
						break 'blocks;
					}
					let index = range.head;
					range.head = range.head.saturating_add(1);
					if let Some(item) =
						<S::Entries as StorageDoubleMap<_, _, _>>::take(block, index)
					{
						f(item, Slot { block, index });
					}
				}
				// `f` may have queued more at this very block.
				let latest = S::Ranges::get(block).tail;
				if latest <= range.tail {
					break;
				}
				range.tail = latest;
			}
			S::Ranges::remove(block);
			block = block.saturating_add(One::one());
			// At once, so that `f` queuing at a block already passed lands at this one.
			S::Cursor::put(block);
		}
		S::Cursor::put(block);
	}

	/// Every queued entry with its slot (for `try_state` and tests: not bounded).
	pub fn entries() -> impl Iterator<Item = (Slot<S::BlockNumber>, S::Item)> {
		S::Entries::iter().map(|(block, index, item)| (Slot { block, index }, item))
	}

	/// Checks the queue's own bookkeeping: every entry lies in its block's range, and nothing is
	/// queued before the cursor.
	pub fn check() -> Result<(), &'static str> {
		let cursor = S::Cursor::get();
		for (block, index, _) in S::Entries::iter() {
			let range = S::Ranges::get(block);
			if index < range.head || index >= range.tail {
				return Err("a queue entry lies outside its block's range");
			}
			if block < cursor {
				return Err("a queue entry lies before the cursor");
			}
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{pallet_prelude::ValueQuery, storage_alias, Twox64Concat};

	#[storage_alias]
	type Entries = StorageDoubleMap<Queue, Twox64Concat, u64, Twox64Concat, u32, u32>;
	#[storage_alias]
	type Ranges = StorageMap<Queue, Twox64Concat, u64, QueueRange, ValueQuery>;
	#[storage_alias]
	type Cursor = StorageValue<Queue, u64, ValueQuery>;

	struct TestStorage;
	impl QueueStorage for TestStorage {
		type BlockNumber = u64;
		type Item = u32;
		type Entries = Entries;
		type Ranges = Ranges;
		type Cursor = Cursor;
	}
	type Q = BlockQueue<TestStorage>;

	/// One unit per entry, nothing per block, up to 8 blocks a call.
	fn costs() -> QueueCosts {
		QueueCosts { per_block: Weight::zero(), per_entry: Weight::from_parts(1, 0), max_blocks: 8 }
	}

	/// Processes what is due by `now` within `entries` units; returns what was processed.
	fn process(now: u64, entries: u64) -> Vec<(u32, Slot<u64>)> {
		let mut done = Vec::new();
		let mut meter = WeightMeter::with_limit(Weight::from_parts(entries, 0));
		Q::process(now, &mut meter, costs(), |item, slot| done.push((item, slot)));
		done
	}

	#[test]
	fn a_block_takes_any_number_of_entries_and_gives_them_back_in_order() {
		sp_io::TestExternalities::default().execute_with(|| {
			for item in 0..10_000 {
				assert_eq!(Q::push(5, item), Slot { block: 5, index: item });
			}
			Q::push(4, 99);
			assert_eq!(Ranges::get(5), QueueRange { head: 0, tail: 10_000 });
			assert!(process(4, u64::MAX).iter().map(|(item, _)| *item).eq([99]));
			let done = process(5, u64::MAX);
			assert!(done.iter().map(|(item, _)| *item).eq(0..10_000));
			assert_eq!(Entries::iter().count(), 0);
			assert_eq!(Cursor::get(), 6);
			Q::check().unwrap();
		});
	}

	#[test]
	fn what_does_not_fit_waits_its_turn_and_holes_are_skipped() {
		sp_io::TestExternalities::default().execute_with(|| {
			for item in 0..5 {
				Q::push(3, item);
			}
			// A hole, as a migration could leave one.
			Entries::remove(3, 1);
			assert!(!Q::contains(Slot { block: 3, index: 1 }));
			assert_eq!(process(3, 2), vec![(0, Slot { block: 3, index: 0 })]);
			assert_eq!(Cursor::get(), 3);
			assert_eq!(Ranges::get(3), QueueRange { head: 2, tail: 5 });
			// Queued later at a block already being worked through: after what was there.
			Q::push(3, 7);
			let items: Vec<u32> = process(4, u64::MAX).into_iter().map(|(item, _)| item).collect();
			assert_eq!(items, vec![2, 3, 4, 7]);
			assert!(!Ranges::contains_key(3));
			Q::check().unwrap();
		});
	}

	#[test]
	fn an_entry_for_a_past_block_goes_to_the_next_one_processed() {
		sp_io::TestExternalities::default().execute_with(|| {
			// Eight blocks a call: the cursor is at 8.
			process(10, u64::MAX);
			assert_eq!(Cursor::get(), 8);
			assert_eq!(Q::push(2, 1), Slot { block: 8, index: 0 });
			assert_eq!(process(10, u64::MAX), vec![(1, Slot { block: 8, index: 0 })]);
		});
	}

	#[test]
	fn an_entry_queued_while_its_block_is_processed_is_processed_too() {
		sp_io::TestExternalities::default().execute_with(|| {
			Q::push(1, 1);
			let mut meter = WeightMeter::new();
			let mut seen = Vec::new();
			Q::process(1, &mut meter, costs(), |item, _| {
				seen.push(item);
				if item == 1 {
					Q::push(1, 2);
				}
			});
			assert_eq!(seen, vec![1, 2]);
			assert_eq!(Cursor::get(), 2);
		});
	}

	#[test]
	fn an_entry_queued_while_processing_survives_the_weight_running_out() {
		sp_io::TestExternalities::default().execute_with(|| {
			Q::push(1, 1);
			Q::push(1, 2);
			// Room for one entry: the first queues another at its own block, then the weight
			// runs out before the second.
			let mut meter = WeightMeter::with_limit(Weight::from_parts(1, 0));
			Q::process(1, &mut meter, costs(), |item, _| {
				Q::push(1, item + 10);
			});
			assert_eq!(Ranges::get(1), QueueRange { head: 1, tail: 3 });
			Q::check().unwrap();
			let items: Vec<u32> = process(1, u64::MAX).into_iter().map(|(item, _)| item).collect();
			assert_eq!(items, vec![2, 11]);
		});
	}

	#[test]
	fn an_entry_queued_for_a_block_just_processed_lands_at_the_next() {
		sp_io::TestExternalities::default().execute_with(|| {
			Q::push(1, 1);
			Q::push(2, 2);
			let mut meter = WeightMeter::new();
			let mut seen = Vec::new();
			// While block 2 is processed, something is queued for block 1, already done.
			Q::process(2, &mut meter, costs(), |item, _| {
				seen.push(item);
				if item == 2 {
					assert_eq!(Q::push(1, 3), Slot { block: 2, index: 1 });
				}
			});
			assert_eq!(seen, vec![1, 2, 3]);
			assert_eq!(Entries::iter().count(), 0);
			Q::check().unwrap();
		});
	}

	#[test]
	fn a_block_whose_indices_ran_out_passes_entries_on_to_the_next() {
		sp_io::TestExternalities::default().execute_with(|| {
			Ranges::insert(4, QueueRange { head: u32::MAX, tail: u32::MAX });
			assert_eq!(Q::push(4, 1), Slot { block: 5, index: 0 });
		});
	}
}
