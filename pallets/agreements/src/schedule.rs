//! The task queue ([`poruka_primitives::queue`]): proposal expiry, payments falling due and the
//! end of report windows. Queuing never fails; `on_initialize` works through due blocks oldest
//! first within `TaskWeight`, and what does not fit waits for the next block. A task whose
//! agreement moved on in the meantime does nothing. Nothing ever iterates over all agreements.

use frame_support::{pallet_prelude::*, storage::with_storage_layer, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::queue::QueueCosts;

use alloc::vec::Vec;
use sp_runtime::traits::{One, Saturating};

use crate::{
	AgreementId, AgreementOf, AgreementPhase, Config, Event, ObligationIndex, ObligationState,
	Pallet, ScheduledTask, TaskQueue, WeightInfo,
};

/// How many blocks one `on_initialize` looks at, at most (after a long stall the cursor
/// catches up over several blocks).
const MAX_BLOCKS_SCANNED: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Queues `task` of agreement `id` at block `at`. Never fails: however many tasks fall due
	/// at that block, this one is queued after them.
	pub(crate) fn schedule(id: AgreementId, task: ScheduledTask, at: BlockNumberFor<T>) {
		TaskQueue::<T>::push(at, (id, task));
	}

	/// The tasks of `agreement` still to come, each with the block it is due at: the expiry of
	/// a proposal; for an active agreement, the due block of each pending payment that waits
	/// for nothing, and the end of the report window of each open delivery or unpaid payment.
	pub fn pending_tasks(agreement: &AgreementOf<T>) -> Vec<(ScheduledTask, BlockNumberFor<T>)> {
		let mut tasks = Vec::new();
		if let AgreementPhase::Proposed { accept_by } = agreement.phase {
			tasks.push((ScheduledTask::Expire, accept_by.saturating_add(One::one())));
		}
		if agreement.phase != AgreementPhase::Active {
			return tasks;
		}
		for (index, record) in agreement.obligations.iter().enumerate() {
			let obligation = index as ObligationIndex;
			let open = matches!(record.state, ObligationState::Pending | ObligationState::Unpaid);
			if let (true, Some(end)) = (open, record.report_by) {
				tasks.push((ScheduledTask::ReportWindowOver { obligation }, end));
			}
			let due_payment = record.obligation.kind.is_payment()
				&& record.obligation.after.is_empty()
				&& record.state == ObligationState::Pending;
			if due_payment {
				tasks.push((ScheduledTask::PaymentDue { obligation }, record.obligation.due));
			}
		}
		tasks
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
		let costs = QueueCosts {
			per_block: T::WeightInfo::on_initialize_block(),
			per_entry: Self::task_weight(),
			max_blocks: MAX_BLOCKS_SCANNED,
		};
		TaskQueue::<T>::process(now, &mut meter, costs, |(id, task), _| Self::run_task(id, task));
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
