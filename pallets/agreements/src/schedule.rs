//! The per-block task queue: proposal expiry, payments falling due and the end of report
//! windows. `on_initialize` works through due blocks oldest first within `TaskWeight`; what
//! does not fit waits for the next block. Nothing ever iterates over all agreements.

use frame_support::{pallet_prelude::*, storage::with_storage_layer, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

use crate::{
	AgreementId, Config, Error, Event, Pallet, ScheduledTask, TaskCursor, Tasks, WeightInfo,
};

/// How many blocks past the wanted one `schedule` tries before giving up.
const SCHEDULE_PROBES: u32 = 16;

/// How many blocks one `on_initialize` looks at, at most (after a long stall the cursor
/// catches up over several blocks).
const MAX_BLOCKS_SCANNED: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Queues `task` of agreement `id` at `at`, or the first block after it with room;
	/// returns the block it went to.
	pub(crate) fn schedule(
		id: AgreementId,
		task: ScheduledTask,
		at: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut block = at;
		for _ in 0..SCHEDULE_PROBES {
			if Tasks::<T>::try_mutate(block, |queue| queue.try_push((id, task))).is_ok() {
				return Ok(block);
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::ScheduleFull.into())
	}

	/// The most weight one task can take.
	pub(crate) fn task_weight() -> Weight {
		let o = T::MaxObligations::get();
		T::WeightInfo::on_initialize_expire(o)
			.max(T::WeightInfo::on_initialize_release(o))
			.max(T::WeightInfo::on_initialize_report_window(o))
	}

	/// Carries out due tasks, oldest block first, within `limit`.
	pub(crate) fn process_tasks(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		if meter.try_consume(T::WeightInfo::on_initialize_base()).is_err() {
			return meter.consumed();
		}
		let per_block = T::WeightInfo::on_initialize_block();
		let per_task = Self::task_weight();
		let mut block = TaskCursor::<T>::get();
		let mut scanned = 0u32;
		while block <= now && scanned < MAX_BLOCKS_SCANNED {
			if meter.try_consume(per_block).is_err() {
				break;
			}
			scanned = scanned.saturating_add(1);
			let mut due = Tasks::<T>::take(block).into_inner();
			let mut done = 0usize;
			for (id, task) in due.iter() {
				if meter.try_consume(per_task).is_err() {
					break;
				}
				Self::run_task(*id, *task);
				done = done.saturating_add(1);
			}
			if done < due.len() {
				let rest = BoundedVec::truncate_from(due.split_off(done));
				Tasks::<T>::insert(block, rest);
				break;
			}
			block = block.saturating_add(One::one());
		}
		TaskCursor::<T>::put(block);
		meter.consumed()
	}

	/// Carries out one task; a failure leaves the agreement as it was and is reported.
	fn run_task(id: AgreementId, task: ScheduledTask) {
		let result = with_storage_layer(|| match task {
			ScheduledTask::Expire => Self::expire(id),
			ScheduledTask::PaymentDue { obligation } => Self::payment_due(id, obligation),
			ScheduledTask::ReportWindowOver { obligation } => {
				Self::report_window_over(id, obligation)
			}
		});
		if let Err(error) = result {
			log::error!(target: "runtime::agreements", "agreement {id}: {task:?} failed: {error:?}");
			Self::deposit_event(Event::TaskFailed { id, task, error });
		}
	}
}
