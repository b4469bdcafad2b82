//! Escalation up the guarantor tree: a level that does not decide in time (or deadlocks, or is
//! appealed) hands the claim to the next level's panel, striking who did not vote; and the
//! deadline queue ([`poruka_primitives::queue`]) that `on_initialize` works through within
//! `DeadlineWeight`.

use frame_support::{pallet_prelude::*, storage::with_storage_layer, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	DispatchResult,
};

use crate::{
	ClaimOf, ClaimPhase, Claims, Config, DeadlineQueue, EscalationReason, Event, Pallet, PanelOf,
	Slot, WeightInfo,
};
use poruka_primitives::{queue::QueueCosts, ClaimId, ClaimOutcomeHandler};

/// How many past blocks' queues `on_initialize` looks at, at most, per block (after a stall the
/// cursor catches up over several blocks).
const MAX_BLOCKS_SCANNED: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Moves a claim to its next level (see [`crate::panels`] for who sits). The guarantees
	/// that seated the new panelists of each liable side become liable. With nobody left to
	/// sit, or past `MaxEscalationLevels`, the arbiter decides.
	pub(crate) fn escalate(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		reason: EscalationReason,
	) -> DispatchResult {
		let next_level = claim.level().saturating_add(1);
		let next = if next_level <= T::MaxEscalationLevels::get() {
			Self::next_panel(claim)
		} else {
			PanelOf::<T>::new()
		};
		if next.is_empty() {
			Self::transition(id, claim, ClaimPhase::Arbitration)?;
			Self::deposit_event(Event::ClaimSentToArbiter { claim: id, level: claim.level() });
			return Ok(());
		}
		let accounts = next.iter().map(|p| p.who.clone()).collect();
		Self::seat(id, claim, next)?;
		let phase = if reason == EscalationReason::Appeal {
			ClaimPhase::Appealed
		} else {
			ClaimPhase::Open
		};
		Self::transition(id, claim, phase)?;
		let Some(deadline) = claim.deadline_block() else {
			return Err(Self::broken("a voting claim has no deadline").into());
		};
		Self::deposit_event(Event::ClaimEscalated {
			claim: id,
			level: next_level,
			reason,
			panel: accounts,
			deadline,
		});
		Self::fix_panel_liability(id, claim, next_level)
	}

	/// Gives every panelist of the current level who did not vote a strike.
	fn strike_absentees(id: ClaimId, claim: &ClaimOf<T>) -> DispatchResult {
		let Some(panel) = claim.panel() else { return Ok(()) };
		for seat in panel.iter().filter(|p| p.vote.is_none()) {
			Self::strike(&seat.who, id)?;
		}
		Ok(())
	}

	/// Queues claim `id`'s deadline at block `at`; returns its slot. Never fails: however many
	/// deadlines fall due at that block, this one is queued after them.
	pub(crate) fn schedule(id: ClaimId, at: BlockNumberFor<T>) -> Slot<BlockNumberFor<T>> {
		DeadlineQueue::<T>::push(at, id)
	}

	/// Moves a voting claim's deadline to the next block, so that `on_initialize` escalates it
	/// there (a deadlocked panel need not wait for its deadline). The old deadline stays queued,
	/// superseded (see [`Self::transition`]).
	pub(crate) fn expedite(id: ClaimId, claim: &mut ClaimOf<T>) {
		let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		claim.deadline = Some(Self::schedule(id, next));
	}

	/// The most weight one due claim can take: it either becomes final and is paid (measured
	/// by `on_initialize_claim`, plus what the outcome handler does with it), or climbs a level
	/// after a timeout, striking its silent panelists, each of whom may be struck out with
	/// `MaxWards` wards to recount (`on_initialize_timeout`, at least as costly as an appeal's
	/// escalation), and, with nobody left to sit, goes to the arbiters (`open_arbitration`).
	pub fn deadline_weight() -> Weight {
		let escalation =
			T::WeightInfo::on_initialize_timeout(T::MaxPanelSize::get(), T::MaxWards::get())
				.max(T::WeightInfo::appeal(T::MaxGuarantors::get()))
				.saturating_add(T::WeightInfo::open_arbitration());
		T::WeightInfo::on_initialize_claim(T::MaxPanelSize::get(), T::MaxEscalationLevels::get())
			.saturating_add(T::OnClaimFinal::on_claim_final_weight())
			.max(escalation)
	}

	/// Processes due deadlines, oldest first, within `limit`; what does not fit stays queued
	/// for the next block.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		if meter.try_consume(T::WeightInfo::on_initialize_base()).is_err() {
			return meter.consumed();
		}
		let costs = QueueCosts {
			per_block: T::WeightInfo::on_initialize_block(),
			per_entry: Self::deadline_weight(),
			max_blocks: MAX_BLOCKS_SCANNED,
		};
		DeadlineQueue::<T>::process(now, &mut meter, costs, |id, slot| {
			Self::process_deadline(id, slot)
		});
		meter.consumed()
	}

	/// Acts on one due deadline: an undecided level escalates (striking who did not vote), an
	/// unappealed decision becomes final, an arbitration ends (its decision, the standing
	/// verdict, or dismissal). If that fails, the claim goes to the arbiters (or, from
	/// arbitration, is dismissed) rather than stall.
	fn process_deadline(id: ClaimId, slot: Slot<BlockNumberFor<T>>) {
		// A claim's deadline moves (a decision, an escalation, an appeal, a payment) without
		// its old entry being taken off the queue, which would cost the call that moves it a
		// read and a write: the old entry is superseded, and skipped here when it falls due
		// (its claim moved on, perhaps became final and was pruned since). The hook charges
		// every entry it reaches alike, as it charged the hole a removed entry used to leave,
		// so superseded entries delay nothing that holes did not. `try_state` checks that every
		// open claim's current deadline is queued.
		let Some(mut claim) = Claims::<T>::get(id) else { return };
		if claim.deadline != Some(slot) {
			return;
		}
		// The entry was taken off the queue already.
		claim.deadline = None;
		let result = with_storage_layer(|| -> DispatchResult {
			match claim.phase {
				ClaimPhase::Open | ClaimPhase::Appealed => {
					let everyone_voted =
						claim.panel().is_some_and(|panel| panel.iter().all(|p| p.vote.is_some()));
					let reason = if everyone_voted {
						EscalationReason::Deadlock
					} else {
						Self::strike_absentees(id, &claim)?;
						EscalationReason::Timeout
					};
					let mut claim = claim.clone();
					Self::escalate(id, &mut claim, reason)?;
					Claims::<T>::insert(id, claim);
					Ok(())
				}
				ClaimPhase::Decided { verdict } => Self::finalize(id, claim.clone(), verdict),
				ClaimPhase::Arbitration => Self::arbitration_deadline(id, claim.clone()),
				ClaimPhase::Paid { .. }
				| ClaimPhase::Rejected
				| ClaimPhase::CounterPaid { .. }
				| ClaimPhase::Dismissed => Ok(()),
			}
		});
		if let Err(error) = result {
			log::error!(target: "runtime::guarantor", "deadline of claim {id} failed: {error:?}");
			Self::deposit_event(Event::DeadlineFailed { claim: id, error });
			// Out of a voting or decided phase the arbiters are always reachable; out of
			// arbitration, dismissal (it pays nothing). If even that fails, the claim stays as it
			// was, with no deadline: a broken invariant, reported loudly.
			let fallback = with_storage_layer(|| -> DispatchResult {
				if claim.phase == ClaimPhase::Arbitration {
					let undecided = crate::Arbitrations::<T>::get(id)
						.is_some_and(|a| a.standing.is_none() && a.decision.is_none());
					if undecided && claim.acknowledged.is_zero() {
						// Nothing was found and nothing is owed: dismissal pays nothing.
						Self::dismiss(id, claim.clone())
					} else {
						// A verdict that failed to execute is not thrown away: it is tried
						// again an arbitration period later (root may resolve it meanwhile).
						let mut claim = claim.clone();
						let retry = frame_system::Pallet::<T>::block_number()
							.saturating_add(Self::timing().arbitration_period);
						claim.deadline = Some(Self::schedule(id, retry));
						Claims::<T>::insert(id, claim);
						Ok(())
					}
				} else {
					let mut claim = claim.clone();
					Self::transition(id, &mut claim, ClaimPhase::Arbitration)?;
					Claims::<T>::insert(id, claim);
					Ok(())
				}
			});
			if fallback.is_err() {
				Self::broken(
					"a claim whose deadline failed can neither go to the arbiters nor be dismissed",
				);
				Claims::<T>::insert(id, claim);
			}
		}
	}
}
