//! Obligations and the money behind them: escrow, release and refund of payments,
//! commitments of coverage, confirmations, and the release of payments whose obligations were
//! fulfilled. Every obligation state change goes through [`Pallet::set_obligation_state`].

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::{ClaimFiler, Commitments, Coverage};
use sp_runtime::{
	traits::{CheckedAdd, One, Saturating, Zero},
	DispatchResult,
};

use crate::{
	AgreementId, AgreementOf, AgreementPhase, Agreements, BalanceOf, Committed, Config, Error,
	Event, FulfilledBy, HoldReason, ObligationIndex, ObligationKind, ObligationState, Pallet,
	ScheduledTask,
};

impl<T: Config> Pallet<T> {
	/// Moves obligation `index` of agreement `id` to state `to`, with the money and
	/// commitments that go with it:
	///
	/// - a pending payment that is fulfilled is released from escrow to its receiver; one that
	///   is unwound goes back to its payer; an unwound payment that is pending again is
	///   escrowed again (failing if the payer cannot cover it);
	/// - a delivery that leaves `Pending` or `Disputed` for a settled state frees its
	///   commitment; an unwound delivery that is pending again commits it again (even beyond
	///   the obligor's coverage: it is a promise the obligor made when coverage allowed it).
	///
	/// Rejects any change the obligation's life does not allow.
	pub(crate) fn set_obligation_state(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
		index: ObligationIndex,
		to: ObligationState<BalanceOf<T>>,
		by: Option<FulfilledBy>,
	) -> DispatchResult {
		use ObligationState::*;
		let record =
			agreement.obligations.get_mut(index as usize).ok_or(Error::<T>::UnknownObligation)?;
		let from_state = record.state;
		let obligation = &record.obligation;
		let is_payment = obligation.kind.is_payment();
		let allowed = match (from_state, to) {
			(Pending, Fulfilled) | (Pending, Unwound) | (Unwound, Pending) => true,
			(Pending, Disputed { .. }) => !is_payment,
			(Unwound, Unpaid) | (Unpaid, Fulfilled) | (Unpaid, Disputed { .. }) => is_payment,
			(Unpaid, Unwound) => is_payment,
			(Disputed { .. }, Defaulted { .. }) | (Disputed { .. }, Fulfilled) => true,
			_ => false,
		};
		ensure!(allowed, Error::<T>::WrongObligationState);
		let (payer, receiver) = (obligation.from.clone(), obligation.to.clone());
		match (obligation.kind, from_state, to) {
			(ObligationKind::Payment { amount }, Pending, Fulfilled) => {
				T::Currency::transfer_on_hold(
					&HoldReason::Escrow.into(),
					&payer,
					&receiver,
					amount,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				)?;
				Self::deposit_event(Event::PaymentReleased {
					id,
					obligation: index,
					from: payer,
					to: receiver,
					amount,
				});
			}
			(ObligationKind::Payment { amount }, Pending, Unwound) => {
				Self::refund_escrow(&payer, amount)?;
				Self::deposit_event(Event::PaymentRefunded {
					id,
					obligation: index,
					payer,
					amount,
				});
			}
			(ObligationKind::Payment { amount }, Unwound, Pending) => {
				Self::escrow(&payer, amount)?;
				Self::deposit_event(Event::PaymentReescrowed {
					id,
					obligation: index,
					payer,
					amount,
				});
			}
			(ObligationKind::Payment { amount }, Unwound, Unpaid) => {
				Self::deposit_event(Event::PaymentUnpaid { id, obligation: index, payer, amount });
			}
			(ObligationKind::Delivery { value, .. }, Pending, Unwound) => {
				Self::uncommit(&payer, value);
				Self::deposit_event(Event::DeliveryExcused {
					id,
					obligation: index,
					obligor: payer,
				});
			}
			(ObligationKind::Delivery { value, .. }, Unwound, Pending) => {
				Self::commit(&payer, value)?;
				Self::deposit_event(Event::DeliveryReinstated {
					id,
					obligation: index,
					obligor: payer,
				});
			}
			(ObligationKind::Delivery { value, .. }, Pending | Disputed { .. }, Fulfilled)
			| (ObligationKind::Delivery { value, .. }, Disputed { .. }, Defaulted { .. }) => {
				Self::uncommit(&payer, value)
			}
			_ => {}
		}
		match to {
			Fulfilled => Self::deposit_event(Event::ObligationFulfilled {
				id,
				obligation: index,
				by: by.unwrap_or(FulfilledBy::Confirmation),
			}),
			Defaulted { claim, compensated } => Self::deposit_event(Event::ObligationDefaulted {
				id,
				obligation: index,
				claim,
				compensated,
			}),
			_ => {}
		}
		if let Some(record) = agreement.obligations.get_mut(index as usize) {
			record.state = to;
		}
		Ok(())
	}

	/// Active agreement `id`, checked to have an obligation `index` whose receiver is `who`.
	pub(crate) fn active_for_receiver(
		who: &T::AccountId,
		id: AgreementId,
		index: ObligationIndex,
	) -> Result<AgreementOf<T>, DispatchError> {
		let agreement = Agreements::<T>::get(id).ok_or(Error::<T>::UnknownAgreement)?;
		ensure!(agreement.phase == AgreementPhase::Active, Error::<T>::WrongPhase);
		let record =
			agreement.obligations.get(index as usize).ok_or(Error::<T>::UnknownObligation)?;
		ensure!(record.obligation.to == *who, Error::<T>::NotReceiver);
		Ok(agreement)
	}

	/// The receiver of obligation `index` of agreement `id` confirms it. Returns how many
	/// obligations the agreement has.
	pub fn do_confirm(
		who: &T::AccountId,
		id: AgreementId,
		index: ObligationIndex,
	) -> Result<u32, DispatchError> {
		let mut agreement = Self::active_for_receiver(who, id, index)?;
		let record =
			agreement.obligations.get(index as usize).ok_or(Error::<T>::UnknownObligation)?;
		match (record.obligation.kind, record.state) {
			(ObligationKind::Delivery { .. }, ObligationState::Pending)
			| (ObligationKind::Payment { .. }, ObligationState::Unpaid) => {}
			(ObligationKind::Payment { .. }, ObligationState::Pending) => ensure!(
				Self::dependencies_fulfilled(&agreement, index),
				Error::<T>::DependenciesPending
			),
			_ => return Err(Error::<T>::WrongObligationState.into()),
		}
		Self::set_obligation_state(
			id,
			&mut agreement,
			index,
			ObligationState::Fulfilled,
			Some(FulfilledBy::Confirmation),
		)?;
		Self::go_on(id, &mut agreement)?;
		let obligations = agreement.obligations.len() as u32;
		Agreements::<T>::insert(id, agreement);
		Ok(obligations)
	}

	/// Whether every obligation that obligation `index` waits for is fulfilled.
	pub(crate) fn dependencies_fulfilled(
		agreement: &AgreementOf<T>,
		index: ObligationIndex,
	) -> bool {
		agreement.obligations.get(index as usize).is_some_and(|record| {
			record.obligation.after.iter().all(|dep| {
				agreement
					.obligations
					.get(*dep as usize)
					.is_some_and(|d| d.state == ObligationState::Fulfilled)
			})
		})
	}

	/// Releases, in list order, every pending payment that waits for obligations which are
	/// now all fulfilled. Since an obligation waits only for earlier ones, one pass releases
	/// whole chains of payments.
	pub(crate) fn release_ready_payments(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
	) -> DispatchResult {
		for index in 0..agreement.obligations.len() as ObligationIndex {
			let Some(record) = agreement.obligations.get(index as usize) else { break };
			let ready = record.obligation.kind.is_payment()
				&& record.state == ObligationState::Pending
				&& !record.obligation.after.is_empty()
				&& Self::dependencies_fulfilled(agreement, index);
			if ready {
				Self::set_obligation_state(
					id,
					agreement,
					index,
					ObligationState::Fulfilled,
					Some(FulfilledBy::Dependencies),
				)?;
			}
		}
		Ok(())
	}

	/// The `ReportWindowOver` task: a delivery (or unpaid payment) whose receiver neither
	/// confirmed nor reported it by the end of its window counts as fulfilled, once what it
	/// waits for is fulfilled (until then its window starts again). A receiver that is still a
	/// member but cannot post the claim bond could not have reported: its window starts again
	/// too (`ReportWindowPaused`), for at most `MaxReportPause` past the end of the window that
	/// opened at the due block. A task for a window that a later one replaced does nothing.
	pub(crate) fn report_window_over(id: AgreementId, index: ObligationIndex) -> DispatchResult {
		let Some(mut agreement) = Agreements::<T>::get(id) else { return Ok(()) };
		let Some(record) = agreement.obligations.get(index as usize) else { return Ok(()) };
		let now = frame_system::Pallet::<T>::block_number();
		let open = matches!(record.state, ObligationState::Pending | ObligationState::Unpaid);
		let window_over = record.report_by.is_some_and(|end| end <= now);
		if agreement.phase != AgreementPhase::Active || !open || !window_over {
			return Ok(());
		}
		let receiver = record.obligation.to.clone();
		let pause_until =
			Self::report_window_end(record.obligation.due).saturating_add(T::MaxReportPause::get());
		let cannot_report = now < pause_until
			&& T::Coverage::is_member(&receiver)
			&& !T::Claims::can_file(&receiver);
		if !Self::dependencies_fulfilled(&agreement, index) {
			Self::open_report_window(id, &mut agreement, index, now);
		} else if cannot_report {
			Self::open_report_window(id, &mut agreement, index, now);
			let report_by = Self::report_window_end(now);
			Self::deposit_event(Event::ReportWindowPaused { id, obligation: index, report_by });
		} else {
			Self::set_obligation_state(
				id,
				&mut agreement,
				index,
				ObligationState::Fulfilled,
				Some(FulfilledBy::Silence),
			)?;
			Self::go_on(id, &mut agreement)?;
		}
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}

	/// The `PaymentDue` task: a payment without dependencies is released at its due block.
	pub(crate) fn payment_due(id: AgreementId, index: ObligationIndex) -> DispatchResult {
		let Some(mut agreement) = Agreements::<T>::get(id) else { return Ok(()) };
		let current = agreement.obligations.get(index as usize).map(|r| r.state);
		if agreement.phase != AgreementPhase::Active || current != Some(ObligationState::Pending) {
			// Confirmed, cancelled or closed in the meantime.
			return Ok(());
		}
		Self::set_obligation_state(
			id,
			&mut agreement,
			index,
			ObligationState::Fulfilled,
			Some(FulfilledBy::Due),
		)?;
		Self::go_on(id, &mut agreement)?;
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}

	/// After an obligation was fulfilled: what was unwound waiting for it is pending again,
	/// payments it released are paid, and the agreement closes if nothing is left.
	pub(crate) fn go_on(id: AgreementId, agreement: &mut AgreementOf<T>) -> DispatchResult {
		Self::reinstate_unwound(id, agreement)?;
		Self::release_ready_payments(id, agreement)?;
		Self::close_if_settled(id, agreement)
	}

	/// Starts the report window of obligation `index` at `from` (its end is recorded, and a
	/// task queued for it).
	pub(crate) fn open_report_window(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
		index: ObligationIndex,
		from: BlockNumberFor<T>,
	) {
		let end = Self::report_window_end(from);
		let Some(record) = agreement.obligations.get_mut(index as usize) else { return };
		if record.report_by == Some(end) {
			// Already queued for that block.
			return;
		}
		record.report_by = Some(end);
		Self::schedule(id, ScheduledTask::ReportWindowOver { obligation: index }, end);
	}

	/// Queues, on activation, the due block of each payment without dependencies and the end
	/// of each delivery's report window.
	pub(crate) fn queue_obligation_tasks(id: AgreementId, agreement: &mut AgreementOf<T>) {
		for (index, record) in agreement.obligations.iter_mut().enumerate() {
			let obligation = index as ObligationIndex;
			let due = record.obligation.due;
			match record.obligation.kind {
				ObligationKind::Payment { .. } if record.obligation.after.is_empty() => {
					Self::schedule(id, ScheduledTask::PaymentDue { obligation }, due);
				}
				ObligationKind::Payment { .. } => {}
				ObligationKind::Delivery { .. } => {
					let end = Self::report_window_end(due);
					record.report_by = Some(end);
					Self::schedule(id, ScheduledTask::ReportWindowOver { obligation }, end);
				}
			}
		}
	}

	/// The first block after the report window that opens at `due`.
	pub(crate) fn report_window_end(due: BlockNumberFor<T>) -> BlockNumberFor<T> {
		due.saturating_add(T::ReportWindow::get()).saturating_add(One::one())
	}

	/// Holds `amount` of `who`'s free balance as escrow.
	pub(crate) fn escrow(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::hold(&HoldReason::Escrow.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Returns `amount` of `who`'s escrow to its free balance.
	pub(crate) fn refund_escrow(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::release(&HoldReason::Escrow.into(), who, amount, Precision::Exact)
			.map(|_| ())
			.map_err(|error| {
				// The escrow of an open payment is always held (`try_state` checks it).
				frame_support::defensive!("an escrowed payment is not held", error);
				Error::<T>::Inconsistent.into()
			})
	}

	/// Commits `amount` more of `who`'s coverage (the caller checks the coverage).
	pub(crate) fn commit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		Committed::<T>::try_mutate(who, |committed| {
			*committed = committed.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Ok(())
		})
	}

	/// Frees `amount` of `who`'s committed coverage.
	pub(crate) fn uncommit(who: &T::AccountId, amount: BalanceOf<T>) {
		Committed::<T>::mutate_exists(who, |committed| {
			let left = committed.unwrap_or_default().saturating_sub(amount);
			*committed = if left.is_zero() { None } else { Some(left) };
		});
	}
}

impl<T: Config> Commitments<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn committed(who: &T::AccountId) -> BalanceOf<T> {
		Committed::<T>::get(who)
	}
}
