//! Arbitration: the last stage of a claim no panel is left to decide (the tree ran out, or
//! the levels did, or one side of a contested claim has nobody to seat).
//!
//! - **Who.** The council members uninvolved in the claim when it gets there: not a party,
//!   never on one of its panels, no guarantee of theirs liable for it (`Config::Arbiters`, in
//!   the council's order, at most `MaxArbiters`), and in good standing as a panelist must be:
//!   an active member of the cooperative, not struck out. A council member who left, gave
//!   notice, or was struck out for failing its wards is not seated (the council is changed by
//!   motion, which can lag; the judge's standing is checked when the claim arrives). One who
//!   becomes liable later (a counter-claim made in arbitration) loses its seat. They vote with
//!   the same `vote` call panelists use; a strict majority of them decides, and the decision
//!   is applied at the next block. An involved council member's vote is refused
//!   (`InvolvedArbiter`). Arbiters are not struck for not voting: they are not
//!   guarantors of anyone in the claim.
//! - **Until when.** `Timing::arbitration_period` blocks, through the same deadline queue as
//!   every other phase, however many arbiters sit (one arbiter is a majority of one; with none,
//!   `ArbiterOrigin` still has the period to act before the default).
//! - **The default.** When the deadline passes without a decision (or every arbiter voted and
//!   no majority formed), the `standing` verdict applies: the last verdict a panel of the
//!   claim reached by majority (e.g. the decision an appeal failed to overturn). With none,
//!   the claim is **dismissed**: nobody was found at fault, nothing is paid, every bond goes
//!   back to who put it up and every frozen fund is released (a respondent that acknowledged
//!   part of it owes all of it, as on any verdict: that claim is rejected instead, not
//!   dismissed). No claim stays open for ever.
//! - `ArbiterOrigin` (`resolve`) can still decide a claim in arbitration directly: the
//!   cooperative's override (root), not a council member's.

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::SortedMembers};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	claims::Tally, weights::WeightInfo, Arbiter, Arbitration, Arbitrations, BalanceOf, ClaimOf,
	ClaimPhase, Claims, ClaimsByAccount, Config, Error, Event, Liabilities, Members, NewestFirst,
	Pallet, Verdict,
};
use poruka_primitives::ClaimId;

impl<T: Config> Pallet<T> {
	/// Seats the arbiters of claim `id`, which is entering arbitration, and fixes the verdict
	/// that stands if they do not decide. Returns the block its deadline falls at. Called by
	/// [`Pallet::transition`] only.
	pub(crate) fn open_arbitration(
		id: ClaimId,
		claim: &ClaimOf<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let seats = T::MaxArbiters::get() as usize;
		let liable = Self::liable_guarantors(id);
		let arbiters: Vec<Arbiter<T::AccountId, BalanceOf<T>>> = T::Arbiters::sorted_members()
			.into_iter()
			.filter(|who| !Self::is_involved(claim, who, &liable))
			.filter(|who| Members::<T>::get(who).is_some_and(|m| Self::can_guarantee(&m)))
			.take(seats)
			.map(|who| Arbiter { who, vote: None })
			.collect();
		let arbiters = BoundedVec::truncate_from(arbiters);
		let standing = Self::standing_verdict(claim);
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(Self::timing().arbitration_period);
		for arbiter in arbiters.iter() {
			ClaimsByAccount::<T>::insert(&arbiter.who, NewestFirst::new(id), ());
		}
		Self::deposit_event(Event::ArbitrationOpened {
			claim: id,
			arbiters: arbiters.iter().map(|a| a.who.clone()).collect(),
			deadline,
			standing,
		});
		Arbitrations::<T>::insert(id, Arbitration { arbiters, standing, decision: None });
		Ok(deadline)
	}

	/// What seating (or unseating) the arbiters of claim `id` cost, if the call that just
	/// touched it left it in arbitration; nothing otherwise (the claim was just written: its
	/// read costs no database access).
	pub(crate) fn arbitration_weight(id: ClaimId) -> Weight {
		let in_arbitration =
			Claims::<T>::get(id).is_some_and(|claim| claim.phase == ClaimPhase::Arbitration);
		if in_arbitration {
			T::WeightInfo::open_arbitration()
		} else {
			Weight::zero()
		}
	}

	/// Whether `who` has a part in claim `id`: a party, a panelist of any level, or a guarantor
	/// whose guarantee is liable for it (at any side and depth).
	pub fn involved(id: ClaimId, claim: &ClaimOf<T>, who: &T::AccountId) -> bool {
		Self::is_involved(claim, who, &Self::liable_guarantors(id))
	}

	/// [`Self::involved`], with the claim's liable guarantors already read.
	fn is_involved(claim: &ClaimOf<T>, who: &T::AccountId, liable: &[T::AccountId]) -> bool {
		claim.is_party(who) || claim.has_sat(who) || liable.contains(who)
	}

	/// The guarantors whose guarantees are liable for claim `id`, at any side and depth: one
	/// read per side and depth (at most `2 × MaxEscalationLevels`).
	fn liable_guarantors(id: ClaimId) -> Vec<T::AccountId> {
		Liabilities::<T>::iter_prefix_values(id)
			.take(T::MaxEscalationLevels::get().saturating_mul(2) as usize)
			.flat_map(|list| list.into_iter().map(|l| l.guarantor))
			.collect()
	}

	/// Unseats the arbiters of claim `id` that have become involved in it (a counter-claim
	/// made in arbitration makes the claimant's guarantors liable), with their votes. The votes
	/// of those who stay may now be a majority (or, all cast, a deadlock): that counts as if
	/// the last of them had just voted. Costs no more than [`Self::open_arbitration`]: the
	/// record and the liabilities read, at most `MaxArbiters` index entries and the record
	/// written. Only before the arbiters decided (a contest is refused after).
	pub(crate) fn unseat_involved_arbiters(id: ClaimId, claim: &mut ClaimOf<T>) -> DispatchResult {
		let Some(mut arbitration) = Arbitrations::<T>::get(id) else { return Ok(()) };
		if arbitration.decision.is_some() {
			return Err(Self::broken("arbiters unseated after their decision").into());
		}
		let liable = Self::liable_guarantors(id);
		let before = arbitration.arbiters.len();
		arbitration.arbiters.retain(|a| {
			let keep = !Self::is_involved(claim, &a.who, &liable);
			if !keep {
				ClaimsByAccount::<T>::remove(&a.who, NewestFirst::new(id));
			}
			keep
		});
		if arbitration.arbiters.len() == before {
			return Ok(());
		}
		match Self::tally(arbitration.arbiters.iter().map(|a| a.vote)) {
			Tally::Decided(verdict) => {
				arbitration.decision = Some(verdict);
				Self::deposit_event(Event::ArbitrationDecided { claim: id, verdict });
				Self::expedite(id, claim);
			}
			// With nobody left, the period runs on (root may still resolve).
			Tally::Deadlock if !arbitration.arbiters.is_empty() => Self::expedite(id, claim),
			Tally::Deadlock | Tally::Pending => {}
		}
		Arbitrations::<T>::insert(id, arbitration);
		Ok(())
	}

	/// Whether the arbiters of claim `id` have decided (their decision waits for the next
	/// block).
	pub(crate) fn arbiters_decided(id: ClaimId) -> bool {
		Arbitrations::<T>::get(id).is_some_and(|a| a.decision.is_some())
	}

	/// The last verdict a panel of the claim reached by a strict majority, from the top level
	/// down; `None` if no panel ever decided.
	pub fn standing_verdict(claim: &ClaimOf<T>) -> Option<Verdict<BalanceOf<T>>> {
		claim.levels.iter().rev().find_map(|panel| {
			match Self::tally(panel.iter().map(|seat| seat.vote)) {
				Tally::Decided(verdict) => Some(verdict),
				Tally::Deadlock | Tally::Pending => None,
			}
		})
	}

	/// An arbiter votes on claim `id`, which is in arbitration. A strict majority of the
	/// arbiters decides; the decision (or, once everyone voted without a majority, the
	/// default) is applied at the next block.
	pub(crate) fn arbitration_vote(
		who: &T::AccountId,
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		verdict: Verdict<BalanceOf<T>>,
	) -> DispatchResult {
		let Some(mut arbitration) = Arbitrations::<T>::get(id) else {
			return Err(Self::broken("a claim in arbitration has no arbiters record").into());
		};
		ensure!(arbitration.decision.is_none(), Error::<T>::AlreadyDecided);
		let Some(seat) = arbitration.arbiters.iter_mut().find(|a| a.who == *who) else {
			// A council member kept off because of its part in the claim is told so; anyone
			// else (a member who joined the council later, say) is simply not seated.
			let involved = T::Arbiters::contains(who) && Self::involved(id, claim, who);
			return Err(if involved {
				Error::<T>::InvolvedArbiter
			} else {
				Error::<T>::NotPanelist
			}
			.into());
		};
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyVoted);
		seat.vote = Some(verdict);
		Self::deposit_event(Event::Voted {
			claim: id,
			level: claim.level(),
			voter: who.clone(),
			verdict,
		});
		match Self::tally(arbitration.arbiters.iter().map(|a| a.vote)) {
			Tally::Decided(verdict) => {
				arbitration.decision = Some(verdict);
				Self::deposit_event(Event::ArbitrationDecided { claim: id, verdict });
				Self::expedite(id, claim);
			}
			Tally::Deadlock => Self::expedite(id, claim),
			Tally::Pending => {}
		}
		Arbitrations::<T>::insert(id, arbitration);
		Ok(())
	}

	/// Claim `id`'s arbitration deadline: the arbiters' decision, else the standing verdict,
	/// else dismissal.
	pub(crate) fn arbitration_deadline(id: ClaimId, claim: ClaimOf<T>) -> DispatchResult {
		let Some(arbitration) = Arbitrations::<T>::get(id) else {
			return Err(Self::broken("a claim in arbitration has no arbiters record").into());
		};
		if let Some(verdict) = arbitration.decision {
			Self::deposit_event(Event::ClaimResolved { claim: id, verdict });
			return Self::finalize(id, claim, verdict);
		}
		Self::deposit_event(Event::ArbitrationLapsed { claim: id, standing: arbitration.standing });
		match arbitration.standing {
			Some(verdict) => Self::finalize(id, claim, verdict),
			// A respondent that acknowledged owes the whole claim: a verdict of no fault
			// (rejection) settles that; with nothing acknowledged, the claim is dismissed.
			None if !claim.acknowledged.is_zero() => Self::finalize(id, claim, Verdict::Reject),
			None => Self::dismiss(id, claim),
		}
	}
}
