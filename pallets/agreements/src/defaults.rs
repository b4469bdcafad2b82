//! Defaults become claims: reporting a default files a guarantor claim and unwinds the
//! obligations that waited for it (payments refunded, deliveries excused); the claim's outcome, heard through
//! [`ClaimOutcomeHandler`], closes the obligation as defaulted or lets the chain go on.

use codec::Encode;
use frame_support::{ensure, pallet_prelude::*, weights::Weight};
use poruka_primitives::{ClaimFiler, ClaimId, ClaimOutcome, ClaimOutcomeHandler, ClaimSubject};
use sp_runtime::DispatchResult;

use crate::{
	AgreementId, AgreementOf, Agreements, BalanceOf, Config, Error, Event, FulfilledBy,
	ObligationIndex, ObligationKind, ObligationState, Pallet, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// The receiver of obligation `index` of agreement `id` reports it as a default. Returns
	/// the agreement's number of obligations and the claim filed.
	pub fn do_report_default(
		who: &T::AccountId,
		id: AgreementId,
		index: ObligationIndex,
	) -> Result<(u32, ClaimId), DispatchError> {
		let mut agreement = Self::active_for_receiver(who, id, index)?;
		let record =
			agreement.obligations.get(index as usize).ok_or(Error::<T>::UnknownObligation)?;
		let obligation = &record.obligation;
		let now = frame_system::Pallet::<T>::block_number();
		// A delivery may be reported once its due block has passed; a payment only once it
		// turned out unpaid (an escrowed payment cannot default). Neither is owed before what
		// it waits for is fulfilled.
		let evidence = match (obligation.kind, record.state) {
			(ObligationKind::Delivery { terms_hash, .. }, ObligationState::Pending) => {
				ensure!(now > obligation.due, Error::<T>::NotDueYet);
				terms_hash.to_vec()
			}
			(ObligationKind::Payment { .. }, ObligationState::Unpaid) => (id, index).encode(),
			_ => return Err(Error::<T>::WrongObligationState.into()),
		};
		ensure!(Self::dependencies_fulfilled(&agreement, index), Error::<T>::DependenciesPending);
		let (obligor, amount) = (obligation.from.clone(), obligation.kind.value());
		let claim = T::Claims::file_claim(
			who,
			&obligor,
			amount,
			&evidence,
			Some(ClaimSubject::Agreement(id)),
		)?;
		Self::set_obligation_state(
			id,
			&mut agreement,
			index,
			ObligationState::Disputed { claim },
			None,
		)?;
		Self::deposit_event(Event::DefaultReported {
			id,
			obligation: index,
			reporter: who.clone(),
			obligor,
			amount,
			claim,
		});
		Self::unwind_failed_dependents(id, &mut agreement)?;
		let obligations = agreement.obligations.len() as u32;
		Agreements::<T>::insert(id, agreement);
		Ok((obligations, claim))
	}

	/// Unwinds, in list order, every pending (or unpaid) obligation that waits for one that
	/// failed: payments go back to their payers, deliveries are excused. One pass covers whole
	/// chains, since obligations wait only for earlier ones.
	fn unwind_failed_dependents(id: AgreementId, agreement: &mut AgreementOf<T>) -> DispatchResult {
		for index in 0..agreement.obligations.len() as ObligationIndex {
			let Some(record) = agreement.obligations.get(index as usize) else { break };
			let open = matches!(record.state, ObligationState::Pending | ObligationState::Unpaid);
			if open && Self::a_dependency_failed(agreement, index) {
				Self::set_obligation_state(id, agreement, index, ObligationState::Unwound, None)?;
			}
		}
		Ok(())
	}

	/// After a rejected default (or an unpaid payment settled): the obligations unwound
	/// because of it whose dependencies are now all sound are pending again, in list order. A
	/// payment is escrowed again, or marked unpaid when its payer cannot cover it; a delivery is
	/// committed again. A delivery or an unpaid payment gets a new report window, from its due
	/// block or from now, whichever is later.
	pub(crate) fn reinstate_unwound(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		for index in 0..agreement.obligations.len() as ObligationIndex {
			let Some(record) = agreement.obligations.get(index as usize) else { break };
			if record.state != ObligationState::Unwound
				|| Self::a_dependency_failed(agreement, index)
			{
				continue;
			}
			let (is_payment, due) = (record.obligation.kind.is_payment(), record.obligation.due);
			let reinstated = frame_support::storage::with_storage_layer(|| {
				Self::set_obligation_state(id, agreement, index, ObligationState::Pending, None)
			});
			if reinstated.is_err() {
				Self::set_obligation_state(id, agreement, index, ObligationState::Unpaid, None)?;
			}
			// A reinstated payment goes ahead with its dependencies (`release_ready_payments`);
			// a delivery, or an unpaid payment, gets a report window.
			if reinstated.is_err() || !is_payment {
				Self::open_report_window(id, agreement, index, due.max(now));
			}
		}
		Ok(())
	}

	/// Whether an obligation that obligation `index` waits for failed.
	fn a_dependency_failed(agreement: &AgreementOf<T>, index: ObligationIndex) -> bool {
		agreement.obligations.get(index as usize).is_some_and(|record| {
			record.obligation.after.iter().any(|dep| {
				agreement.obligations.get(*dep as usize).is_some_and(|d| d.state.has_failed())
			})
		})
	}

	/// Applies the outcome of claim `claim`, filed for a default in agreement `id`: the
	/// disputed obligation is defaulted (upheld) or fulfilled (rejected); with `go_on`, the
	/// agreement then goes on (reinstating, releasing, closing).
	fn apply_claim_outcome(
		id: AgreementId,
		claim: ClaimId,
		outcome: ClaimOutcome<BalanceOf<T>>,
		go_on: bool,
	) -> DispatchResult {
		let Some(mut agreement) = Agreements::<T>::get(id) else { return Ok(()) };
		let Some(index) = agreement
			.obligations
			.iter()
			.position(|r| r.state == ObligationState::Disputed { claim })
		else {
			// Not a claim this pallet filed (a member may cite an agreement by hand).
			return Ok(());
		};
		let index = index as ObligationIndex;
		let (to, by) = match outcome {
			ClaimOutcome::Upheld { compensated, .. } => {
				(ObligationState::Defaulted { claim, compensated }, None)
			}
			// The obligor was not at fault (and, on a counter-claim, the reporter was): the
			// obligation counts as fulfilled.
			ClaimOutcome::Rejected | ClaimOutcome::CounterUpheld { .. } => {
				(ObligationState::Fulfilled, Some(FulfilledBy::ClaimRejected))
			}
			// Nobody found the obligor at fault, in time: it counts as fulfilled, as after a
			// rejection (the receiver keeps what the chain already moved).
			ClaimOutcome::Dismissed => {
				(ObligationState::Fulfilled, Some(FulfilledBy::ClaimDismissed))
			}
		};
		Self::set_obligation_state(id, &mut agreement, index, to, by)?;
		if go_on {
			Self::go_on(id, &mut agreement)?;
		}
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}
}

impl<T: Config> ClaimOutcomeHandler<BalanceOf<T>> for Pallet<T> {
	fn on_claim_final(
		claim: ClaimId,
		subject: Option<ClaimSubject>,
		outcome: ClaimOutcome<BalanceOf<T>>,
	) {
		// Claims about contracts, or about nothing, are not this pallet's.
		let Some(id) = subject.and_then(|r| r.agreement()) else { return };
		let result = frame_support::storage::with_storage_layer(|| {
			Self::apply_claim_outcome(id, claim, outcome, true)
		});
		if let Err(error) = result {
			// At least settle the disputed obligation, so that its commitment is freed and the
			// agreement is not left waiting for a claim that is over.
			let settled = frame_support::storage::with_storage_layer(|| {
				Self::apply_claim_outcome(id, claim, outcome, false)
			});
			if let Err(error) = settled {
				// Settling one obligation only moves its own escrow and commitment.
				frame_support::defensive!("the disputed obligation cannot be settled", error);
			}
			log::error!(
				target: "runtime::agreements",
				"agreement {id}: applying the outcome of claim {claim} failed: {error:?}"
			);
			Self::deposit_event(Event::ClaimOutcomeFailed { id, claim, error });
		}
	}

	fn on_claim_final_weight() -> Weight {
		T::WeightInfo::on_claim_final(T::MaxObligations::get())
	}
}
