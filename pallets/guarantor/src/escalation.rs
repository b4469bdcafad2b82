//! Escalation up the guarantor tree: choosing panels, strikes for panelists who let a deadline
//! pass, and the bounded per-block deadline queue processed in `on_initialize`.

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, storage::with_storage_layer, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating},
	DispatchResult,
};

use crate::{
	BalanceOf, ClaimOf, ClaimPhase, Claims, ClaimsOf, Config, DeadlineCursor, Deadlines, Error,
	EscalationReason, Event, Guarantees, Members, Pallet, PanelOfT, Panelist, Side, WeightInfo,
};
use poruka_primitives::{ClaimId, ClaimOutcomeHandler};

/// How many blocks after the wanted one a deadline may slip when that block's queue is full.
const SCHEDULE_PROBES: u32 = 16;

/// How many past blocks' queues `on_initialize` looks at, at most, per block.
const MAX_BLOCKS_SCANNED: u32 = 8;

/// A member who could sit on a panel, with the guarantee that puts it there.
struct Candidate<AccountId, Balance> {
	who: AccountId,
	ward: AccountId,
	side: Side,
	stake: Balance,
}

impl<T: Config> Pallet<T> {
	/// The eligible guarantors of `ward` (the respondent, or the claimant when contested),
	/// largest guarantee first, at most `MaxPanelSize`: level 1 of a claim.
	pub(crate) fn level_one_panel(
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		side: Side,
		ward: &T::AccountId,
	) -> Result<PanelOfT<T>, DispatchError> {
		let mut candidates = Vec::new();
		Self::collect_candidates(ward, side, &mut candidates, |who| {
			who != claimant && who != respondent
		});
		Ok(Self::choose(candidates, T::MaxPanelSize::get()))
	}

	/// Adds `ward`'s eligible guarantors (active, not struck out, passing `admit`) to
	/// `candidates`, keeping each account once with its largest stake.
	fn collect_candidates(
		ward: &T::AccountId,
		side: Side,
		candidates: &mut Vec<Candidate<T::AccountId, BalanceOf<T>>>,
		admit: impl Fn(&T::AccountId) -> bool,
	) {
		for (who, guarantee) in Guarantees::<T>::iter_prefix(ward) {
			if !admit(&who) {
				continue;
			}
			let eligible = Members::<T>::get(&who).is_some_and(|m| Self::can_guarantee(&m));
			if !eligible {
				continue;
			}
			match candidates.iter_mut().find(|c| c.who == who) {
				Some(seen) if seen.stake >= guarantee.amount => {}
				Some(seen) => {
					seen.stake = guarantee.amount;
					seen.ward = ward.clone();
					seen.side = side;
				}
				None => candidates.push(Candidate {
					who,
					ward: ward.clone(),
					side,
					stake: guarantee.amount,
				}),
			}
		}
	}

	/// The `limit` candidates with the largest stakes (ties: the smaller account id first),
	/// as a panel with no votes yet.
	fn choose(
		mut candidates: Vec<Candidate<T::AccountId, BalanceOf<T>>>,
		limit: u32,
	) -> PanelOfT<T> {
		candidates.sort_by(|a, b| b.stake.cmp(&a.stake).then_with(|| a.who.cmp(&b.who)));
		let panel: Vec<_> = candidates
			.into_iter()
			.take(limit as usize)
			.map(|c| Panelist { who: c.who, ward: c.ward, side: c.side, vote: None })
			.collect();
		// `take(limit)` keeps it within `MaxPanelSize`.
		BoundedVec::truncate_from(panel)
	}

	/// Merges the claimant's side into a contested level-1 panel: each side gets at least half
	/// the seats if it has the members, no one who voted loses the seat, and the panel stays
	/// within `MaxPanelSize`.
	pub(crate) fn merge_contested_panel(panel: &mut PanelOfT<T>, claimant_side: PanelOfT<T>) {
		let max = T::MaxPanelSize::get() as usize;
		let voters = panel.iter().filter(|p| p.vote.is_some()).count();
		let half = max.saturating_add(1) / 2;
		let keep = panel.len().min(half.max(max.saturating_sub(claimant_side.len()))).max(voters);
		// Voters first, so trimming drops only seats without a vote.
		panel.sort_by_key(|p| p.vote.is_none());
		panel.truncate(keep);
		let newcomers: Vec<_> =
			claimant_side.into_iter().filter(|c| !panel.iter().any(|p| p.who == c.who)).collect();
		for p in newcomers {
			if panel.try_push(p).is_err() {
				break;
			}
		}
	}

	/// Moves a claim to its next level: the eligible guarantors of the current panelists who
	/// are not parties and never sat on it. With none, or past `MaxEscalationLevels`, the
	/// arbiter decides.
	pub(crate) fn escalate(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		reason: EscalationReason,
	) -> DispatchResult {
		let next_level = claim.level().saturating_add(1);
		let mut next = PanelOfT::<T>::new();
		if next_level <= T::MaxEscalationLevels::get() {
			let mut candidates = Vec::new();
			if let Some(panel) = claim.panel() {
				for seat in panel.iter() {
					Self::collect_candidates(&seat.who, seat.side, &mut candidates, |who| {
						!claim.is_party(who) && !claim.has_sat(who)
					});
				}
			}
			next = Self::choose(candidates, T::MaxPanelSize::get());
		}

		if next.is_empty() {
			Self::transition(id, claim, ClaimPhase::Arbitration)?;
			Self::deposit_event(Event::ClaimSentToArbiter { claim: id, level: claim.level() });
			return Ok(());
		}
		for seat in next.iter() {
			ClaimsOf::<T>::insert(&seat.who, id, ());
		}
		let accounts = next.iter().map(|p| p.who.clone()).collect();
		claim.levels.try_push(next).map_err(|_| Error::<T>::Inconsistent)?;
		let phase = if reason == EscalationReason::Appeal {
			ClaimPhase::Appealed
		} else {
			ClaimPhase::Open
		};
		Self::transition(id, claim, phase)?;
		Self::deposit_event(Event::ClaimEscalated {
			claim: id,
			level: next_level,
			reason,
			panel: accounts,
			deadline: claim.deadline.ok_or(Error::<T>::Inconsistent)?,
		});
		Ok(())
	}

	/// Gives every panelist of the current level who did not vote a strike.
	fn strike_absentees(id: ClaimId, claim: &ClaimOf<T>) {
		let Some(panel) = claim.panel() else { return };
		for seat in panel.iter().filter(|p| p.vote.is_none()) {
			Members::<T>::mutate(&seat.who, |member| {
				let Some(member) = member else { return };
				member.strikes = member.strikes.saturating_add(1);
				Self::deposit_event(Event::Struck {
					who: seat.who.clone(),
					claim: id,
					strikes: member.strikes,
				});
				if member.strikes == T::MaxStrikes::get() {
					Self::deposit_event(Event::GuarantorSuspended { who: seat.who.clone() });
				}
			});
		}
	}

	/// Queues claim `id`'s deadline at `at`, or the first block after it with room; returns
	/// the block it went to.
	pub(crate) fn schedule(
		id: ClaimId,
		at: BlockNumberFor<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let mut block = at;
		for _ in 0..SCHEDULE_PROBES {
			if Deadlines::<T>::try_mutate(block, |queue| queue.try_push(id)).is_ok() {
				return Ok(block);
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::DeadlineQueueFull.into())
	}

	/// Moves a voting claim's deadline to the next block, so that `on_initialize` escalates it
	/// there (a deadlocked panel need not wait for its deadline).
	pub(crate) fn expedite(id: ClaimId, claim: &mut ClaimOf<T>) -> DispatchResult {
		if let Some(at) = claim.deadline.take() {
			Self::unschedule(id, at);
		}
		let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		claim.deadline = Some(Self::schedule(id, next)?);
		Ok(())
	}

	/// Takes claim `id`'s deadline at `at` off the queue.
	pub(crate) fn unschedule(id: ClaimId, at: BlockNumberFor<T>) {
		Deadlines::<T>::mutate_exists(at, |queue| {
			if let Some(ids) = queue {
				ids.retain(|queued| *queued != id);
				if ids.is_empty() {
					*queue = None;
				}
			}
		});
	}

	/// Processes due deadlines, oldest first, within `limit`; what does not fit stays queued
	/// for the next block.
	pub(crate) fn process_deadlines(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		if meter.try_consume(T::WeightInfo::on_initialize_base()).is_err() {
			return meter.consumed();
		}
		let per_block = T::WeightInfo::on_initialize_block();
		// A due claim either becomes final and is paid (measured by `on_initialize_claim`, plus
		// what the outcome handler does with it) or climbs a level (as costly as the escalation
		// an `appeal` makes).
		let per_claim = T::WeightInfo::on_initialize_claim(
			T::MaxPanelSize::get(),
			T::MaxEscalationLevels::get(),
		)
		.saturating_add(T::OnClaimFinal::on_claim_final_weight())
		.max(T::WeightInfo::appeal(T::MaxGuarantors::get()));
		let mut block = DeadlineCursor::<T>::get();
		let mut scanned = 0u32;
		while block <= now && scanned < MAX_BLOCKS_SCANNED {
			if meter.try_consume(per_block).is_err() {
				break;
			}
			scanned = scanned.saturating_add(1);
			let mut due = Deadlines::<T>::take(block).into_inner();
			let mut done = 0usize;
			for id in due.iter() {
				if meter.try_consume(per_claim).is_err() {
					break;
				}
				Self::process_deadline(*id, block);
				done = done.saturating_add(1);
			}
			if done < due.len() {
				// Out of weight: the rest waits in the same block's queue.
				let rest = BoundedVec::truncate_from(due.split_off(done));
				Deadlines::<T>::insert(block, rest);
				break;
			}
			block = block.saturating_add(One::one());
		}
		DeadlineCursor::<T>::put(block);
		meter.consumed()
	}

	/// Acts on one due deadline: an undecided level escalates (striking who did not vote), an
	/// unappealed decision becomes final. If that fails, the claim goes to the arbiter rather
	/// than stall.
	fn process_deadline(id: ClaimId, at: BlockNumberFor<T>) {
		let Some(mut claim) = Claims::<T>::get(id) else { return };
		if claim.deadline != Some(at) {
			// A stale entry: the claim moved on and was rescheduled.
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
						Self::strike_absentees(id, &claim);
						EscalationReason::Timeout
					};
					let mut claim = claim.clone();
					Self::escalate(id, &mut claim, reason)?;
					Claims::<T>::insert(id, claim);
					Ok(())
				}
				ClaimPhase::Decided { verdict } => Self::finalize(id, claim.clone(), verdict),
				ClaimPhase::Arbitration | ClaimPhase::Paid { .. } | ClaimPhase::Rejected => Ok(()),
			}
		});
		if let Err(error) = result {
			log::error!(target: "runtime::guarantor", "deadline of claim {id} failed: {error:?}");
			// Out of a voting or decided phase, the arbiter is always reachable.
			let _ = Self::transition(id, &mut claim, ClaimPhase::Arbitration);
			Claims::<T>::insert(id, claim);
			Self::deposit_event(Event::DeadlineFailed { claim: id, error });
		}
	}
}
