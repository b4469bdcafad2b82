//! An agreement's life: proposal, acceptance, activation, cancellation, expiry and close. Every
//! phase change goes through [`Pallet::transition`].

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*, traits::fungible::Inspect};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::{Commitments, Coverage};
use sp_runtime::{
	traits::{CheckedAdd, One, Saturating, Zero},
	DispatchResult,
};

use crate::{
	AgreementId, AgreementOf, AgreementPhase, Agreements, AgreementsByAccount, BalanceOf,
	Committed, Config, Error, Event, NewestFirst, NextAgreementId, ObligationKind,
	ObligationRecord, ObligationState, ObligationsOf, Pallet, PhaseOf, ScheduledTask, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Moves agreement `id` to phase `to`, with the effects of entering it: activation queues
	/// the obligations' tasks; cancellation and expiry return escrow and free commitments;
	/// closing (any way) returns the proposer's storage deposit and queues the agreement for
	/// pruning. Rejects any change the life cycle does not allow.
	pub(crate) fn transition(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
		to: PhaseOf<T>,
	) -> DispatchResult {
		use AgreementPhase::*;
		let allowed = matches!(
			(&agreement.phase, &to),
			(Proposed { .. }, Active)
				| (Proposed { .. }, Cancelled)
				| (Proposed { .. }, Expired)
				| (Active, Cancelled)
				| (Active, Completed)
				| (Active, Defaulted { .. })
		);
		ensure!(allowed, Error::<T>::WrongPhase);
		match to {
			Active => {
				Self::queue_obligation_tasks(id, agreement);
				Self::deposit_event(Event::Activated { id });
			}
			Cancelled | Expired => {
				Self::unwind(agreement)?;
				Self::deposit_event(if to == Cancelled {
					Event::Cancelled { id }
				} else {
					Event::Expired { id }
				});
			}
			Completed => Self::deposit_event(Event::Completed { id }),
			Defaulted { compensated } => {
				Self::deposit_event(Event::ClosedWithDefault { id, compensated })
			}
			Proposed { .. } => {}
		}
		if to.is_closed() {
			Self::on_closed(id, agreement)?;
		}
		agreement.phase = to;
		Ok(())
	}

	/// What `propose` is charged: its benchmark for the number of obligations (between two
	/// parties), and one write to the per-account index for each further party.
	pub fn propose_weight(obligations: &ObligationsOf<T>) -> Weight {
		let mut parties: Vec<&T::AccountId> = Vec::with_capacity(2 * obligations.len());
		for obligation in obligations.iter() {
			for who in [&obligation.from, &obligation.to] {
				if !parties.contains(&who) {
					parties.push(who);
				}
			}
		}
		let further = (parties.len() as u64).saturating_sub(2);
		T::WeightInfo::propose(obligations.len() as u32)
			.saturating_add(T::DbWeight::get().writes(further))
	}

	/// Checks a proposal and records it, with the proposer's acceptance.
	pub fn do_propose(
		proposer: &T::AccountId,
		obligations: ObligationsOf<T>,
		accept_by: BlockNumberFor<T>,
	) -> Result<AgreementId, DispatchError> {
		ensure!(T::Coverage::is_active_member(proposer), Error::<T>::NotActiveMember);
		ensure!(!obligations.is_empty(), Error::<T>::NoObligations);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			accept_by > now && accept_by <= now.saturating_add(T::MaxAcceptPeriod::get()),
			Error::<T>::InvalidAcceptBy
		);
		let mut parties = BoundedVec::<T::AccountId, T::MaxParties>::new();
		let min_payment = T::Currency::minimum_balance();
		for (index, obligation) in obligations.iter().enumerate() {
			ensure!(obligation.from != obligation.to, Error::<T>::SelfObligation);
			let big_enough = match obligation.kind {
				ObligationKind::Payment { amount } => amount >= min_payment && !amount.is_zero(),
				ObligationKind::Delivery { value, .. } => !value.is_zero(),
			};
			ensure!(big_enough, Error::<T>::AmountTooSmall);
			ensure!(obligation.due > accept_by, Error::<T>::DueBeforeAcceptance);
			let mut seen = Vec::with_capacity(obligation.after.len());
			for dep in obligation.after.iter() {
				ensure!(
					(*dep as usize) < index && !seen.contains(dep),
					Error::<T>::InvalidDependency
				);
				seen.push(*dep);
			}
			for who in [&obligation.from, &obligation.to] {
				if !parties.contains(who) {
					parties.try_push(who.clone()).map_err(|_| Error::<T>::TooManyParties)?;
				}
			}
		}
		// Every obligation names two different accounts: there are at least two parties.
		ensure!(parties.contains(proposer), Error::<T>::NotParty);

		let id = NextAgreementId::<T>::get();
		NextAgreementId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		let records = obligations
			.into_iter()
			.map(|obligation| ObligationRecord {
				obligation,
				state: ObligationState::Pending,
				report_by: None,
			})
			.collect::<Vec<_>>();
		// The proposer pays for the storage the agreement takes until it closes.
		let deposit = Self::storage_deposit(records.len() as u32);
		Self::hold_deposit(proposer, deposit)?;
		let mut agreement = AgreementOf::<T> {
			proposer: proposer.clone(),
			parties,
			accepted: 0,
			cancelling: 0,
			obligations: BoundedVec::truncate_from(records),
			phase: AgreementPhase::Proposed { accept_by },
			proposed_at: now,
			deposit,
		};
		// The proposal expires after its last acceptance block.
		Self::schedule(id, ScheduledTask::Expire, accept_by.saturating_add(One::one()));
		Self::deposit_event(Event::Proposed {
			id,
			proposer: proposer.clone(),
			parties: agreement.parties.to_vec(),
			accept_by,
			deposit,
		});
		Self::accept_as(proposer, id, &mut agreement)?;
		for party in agreement.parties.iter() {
			AgreementsByAccount::<T>::insert(party, NewestFirst::new(id), ());
		}
		Agreements::<T>::insert(id, agreement);
		Ok(id)
	}

	/// `who` accepts agreement `id`. Returns how many obligations the agreement has (what the
	/// call is charged for).
	pub fn do_accept(who: &T::AccountId, id: AgreementId) -> Result<u32, DispatchError> {
		let mut agreement = Agreements::<T>::get(id).ok_or(Error::<T>::UnknownAgreement)?;
		let AgreementPhase::Proposed { accept_by } = agreement.phase else {
			return Err(Error::<T>::WrongPhase.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= accept_by, Error::<T>::AcceptancePeriodOver);
		ensure!(T::Coverage::is_active_member(who), Error::<T>::NotActiveMember);
		Self::accept_as(who, id, &mut agreement)?;
		let obligations = agreement.obligations.len() as u32;
		Agreements::<T>::insert(id, agreement);
		Ok(obligations)
	}

	/// Records `who`'s acceptance: escrows its payments, commits its deliveries, and activates
	/// the agreement if it was the last party.
	fn accept_as(
		who: &T::AccountId,
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
	) -> DispatchResult {
		let index = agreement.party_index(who).ok_or(Error::<T>::NotParty)?;
		let bit = 1u32 << index;
		ensure!(agreement.accepted & bit == 0, Error::<T>::AlreadyAccepted);
		let (mut escrowed, mut committed) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		for record in agreement.obligations.iter().filter(|r| r.obligation.from == *who) {
			match record.obligation.kind {
				ObligationKind::Payment { amount } => {
					escrowed = escrowed.checked_add(&amount).ok_or(Error::<T>::Overflow)?
				}
				ObligationKind::Delivery { value, .. } => {
					committed = committed.checked_add(&value).ok_or(Error::<T>::Overflow)?
				}
			}
		}
		if !committed.is_zero() {
			let total = Committed::<T>::get(who)
				.checked_add(&T::OtherCommitments::committed(who))
				.and_then(|held| held.checked_add(&committed))
				.ok_or(Error::<T>::Overflow)?;
			ensure!(total <= T::Coverage::coverage(who), Error::<T>::InsufficientCoverage);
			Self::commit(who, committed)?;
		}
		if !escrowed.is_zero() {
			Self::escrow(who, escrowed)?;
		}
		agreement.accepted |= bit;
		Self::deposit_event(Event::Accepted { id, who: who.clone(), escrowed, committed });
		if agreement.accepted == agreement.all_parties() {
			Self::transition(id, agreement, AgreementPhase::Active)?;
		}
		Ok(())
	}

	/// `who` cancels agreement `id` (declines it while proposed). Returns how many obligations
	/// the agreement has.
	pub fn do_cancel(who: &T::AccountId, id: AgreementId) -> Result<u32, DispatchError> {
		let mut agreement = Agreements::<T>::get(id).ok_or(Error::<T>::UnknownAgreement)?;
		let index = agreement.party_index(who).ok_or(Error::<T>::NotParty)?;
		match agreement.phase {
			AgreementPhase::Proposed { .. } => {
				Self::deposit_event(Event::CancelRequested { id, who: who.clone() });
				Self::transition(id, &mut agreement, AgreementPhase::Cancelled)?;
			}
			AgreementPhase::Active => {
				ensure!(
					agreement.obligations.iter().all(|r| r.state == ObligationState::Pending),
					Error::<T>::CannotCancel
				);
				let bit = 1u32 << index;
				ensure!(agreement.cancelling & bit == 0, Error::<T>::AlreadyCancelling);
				agreement.cancelling |= bit;
				Self::deposit_event(Event::CancelRequested { id, who: who.clone() });
				if agreement.cancelling == agreement.all_parties() {
					Self::transition(id, &mut agreement, AgreementPhase::Cancelled)?;
				}
			}
			_ => return Err(Error::<T>::WrongPhase.into()),
		}
		let obligations = agreement.obligations.len() as u32;
		Agreements::<T>::insert(id, agreement);
		Ok(obligations)
	}

	/// The `Expire` task: a proposal not accepted by every party in time expires.
	pub(crate) fn expire(id: AgreementId) -> DispatchResult {
		let Some(mut agreement) = Agreements::<T>::get(id) else { return Ok(()) };
		if !matches!(agreement.phase, AgreementPhase::Proposed { .. }) {
			// Activated or cancelled in the meantime.
			return Ok(());
		}
		Self::transition(id, &mut agreement, AgreementPhase::Expired)?;
		Agreements::<T>::insert(id, agreement);
		Ok(())
	}

	/// Closes an active agreement whose obligations are all settled: `Completed`, or
	/// `Defaulted` with what its defaults' claims compensated.
	pub(crate) fn close_if_settled(
		id: AgreementId,
		agreement: &mut AgreementOf<T>,
	) -> DispatchResult {
		if agreement.phase != AgreementPhase::Active || !agreement.is_settled() {
			return Ok(());
		}
		let mut defaulted = false;
		let mut compensated = BalanceOf::<T>::zero();
		for record in agreement.obligations.iter() {
			if let ObligationState::Defaulted { compensated: paid, .. } = record.state {
				defaulted = true;
				compensated = compensated.saturating_add(paid);
			}
		}
		let to = if defaulted {
			AgreementPhase::Defaulted { compensated }
		} else {
			AgreementPhase::Completed
		};
		Self::transition(id, agreement, to)
	}

	/// Returns the escrow of every accepting party's pending payments and frees the
	/// commitments of their open deliveries.
	fn unwind(agreement: &AgreementOf<T>) -> DispatchResult {
		// Cancelling and expiring need every obligation pending; of an active agreement every
		// party has accepted.
		for record in agreement.obligations.iter() {
			let from = &record.obligation.from;
			let accepted =
				agreement.party_index(from).is_some_and(|i| agreement.accepted & (1u32 << i) != 0);
			if !accepted {
				continue;
			}
			match (record.obligation.kind, record.state) {
				(ObligationKind::Payment { amount }, ObligationState::Pending) => {
					Self::refund_escrow(from, amount)?
				}
				(ObligationKind::Delivery { value, .. }, ObligationState::Pending) => {
					Self::uncommit(from, value)
				}
				_ => {}
			}
		}
		Ok(())
	}
}
