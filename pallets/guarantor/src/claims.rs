//! Claims («рекламации»): filing, the respondent's answer, voting, appeals, the arbiter — and
//! the claim's state machine, whose every transition goes through [`Pallet::transition`].

use alloc::vec::Vec;
use frame_support::{ensure, pallet_prelude::*};
use poruka_primitives::ClaimFiler;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

use crate::{
	BalanceOf, Bond, ClaimOf, ClaimPhase, Claims, ClaimsOf, Config, Error, EscalationReason, Event,
	HoldReason, MemberStatus, Members, NextClaimId, Pallet, Side, Verdict, WeightInfo,
};
use poruka_primitives::{AgreementId, ClaimId};

/// What a level's votes add up to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tally<Balance> {
	/// A strict majority decided.
	Decided(Verdict<Balance>),
	/// Everyone voted and no majority formed.
	Deadlock,
	/// Votes are still missing.
	Pending,
}

impl<T: Config> Pallet<T> {
	/// Moves `claim` to phase `to`, the only place a claim's phase changes.
	///
	/// Checks that the move is allowed, takes the claim's pending deadline off the queue and
	/// queues the new phase's deadline: `DecisionPeriod` for a voting phase, `AppealPeriod` for
	/// a decision, none in arbitration or once final. Voting at the same level again (after a
	/// contest) restarts its deadline.
	pub(crate) fn transition(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		to: ClaimPhase<BalanceOf<T>>,
	) -> DispatchResult {
		use ClaimPhase::*;
		let allowed = match (&claim.phase, &to) {
			// A voting level restarts (contest), escalates (timeout, deadlock), decides, or
			// runs out of panels; the respondent may acknowledge at any time.
			(Open | Appealed, Open | Decided { .. } | Arbitration | Paid { .. }) => true,
			// A decision is appealed, becomes final, or is acknowledged.
			(Decided { .. }, Appealed | Arbitration | Paid { .. } | Rejected) => true,
			// The arbiter resolves; the respondent may still acknowledge.
			(Arbitration, Paid { .. } | Rejected) => true,
			_ => false,
		};
		ensure!(allowed, Error::<T>::WrongPhase);

		if let Some(at) = claim.deadline.take() {
			Self::unschedule(id, at);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let period = match to {
			Open | Appealed => Some(Self::timing().decision_period),
			Decided { .. } => Some(Self::timing().appeal_period),
			Arbitration | Paid { .. } | Rejected => None,
		};
		if let Some(period) = period {
			claim.deadline = Some(Self::schedule(id, now.saturating_add(period))?);
		}
		claim.phase = to;
		Ok(())
	}

	/// Files a claim; returns its id.
	pub fn do_file_claim(
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		amount: BalanceOf<T>,
		evidence: &[u8],
		agreement: Option<AgreementId>,
	) -> Result<ClaimId, DispatchError> {
		ensure!(claimant != respondent, Error::<T>::SelfClaim);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let evidence: BoundedVec<u8, T::MaxEvidenceLen> =
			evidence.to_vec().try_into().map_err(|_| Error::<T>::EvidenceTooLong)?;
		let mut filer = Members::<T>::get(claimant).ok_or(Error::<T>::NotMember)?;
		ensure!(filer.status == MemberStatus::Active, Error::<T>::NotActiveMember);
		let mut target = Members::<T>::get(respondent).ok_or(Error::<T>::NotMember)?;
		ensure!(target.status != MemberStatus::Candidate, Error::<T>::NotMember);

		let id = NextClaimId::<T>::get();
		NextClaimId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);

		let bond = T::ClaimBond::get();
		if !bond.is_zero() {
			Self::hold(&HoldReason::ClaimBond, claimant, bond)?;
		}
		let mut bonds = BoundedVec::new();
		bonds
			.try_push(Bond { who: claimant.clone(), amount: bond })
			.map_err(|_| Error::<T>::Inconsistent)?;

		let panel = Self::level_one_panel(claimant, respondent, Side::Respondent, respondent)?;
		let mut claim = ClaimOf::<T> {
			claimant: claimant.clone(),
			respondent: respondent.clone(),
			amount,
			evidence,
			agreement,
			filed_at: frame_system::Pallet::<T>::block_number(),
			contested: false,
			phase: ClaimPhase::Open,
			deadline: None,
			levels: BoundedVec::new(),
			bonds,
		};
		filer.filed_claims = filer.filed_claims.saturating_add(1);
		target.open_claims = target.open_claims.saturating_add(1);
		Members::<T>::insert(claimant, filer);
		Members::<T>::insert(respondent, target);
		ClaimsOf::<T>::insert(claimant, id, ());
		ClaimsOf::<T>::insert(respondent, id, ());

		let panel_accounts: Vec<T::AccountId> = panel.iter().map(|p| p.who.clone()).collect();
		if panel.is_empty() {
			// Nobody can judge at level 1 (a founder, say): straight to the arbiter.
			claim.phase = ClaimPhase::Arbitration;
		} else {
			for p in panel.iter() {
				ClaimsOf::<T>::insert(&p.who, id, ());
			}
			claim.levels.try_push(panel).map_err(|_| Error::<T>::Inconsistent)?;
			// `Open -> Open` only schedules the first decision deadline.
			Self::transition(id, &mut claim, ClaimPhase::Open)?;
		}
		let deadline = claim.deadline;
		let in_arbitration = claim.phase == ClaimPhase::Arbitration;
		Claims::<T>::insert(id, claim);
		Self::deposit_event(Event::ClaimFiled {
			claim: id,
			claimant: claimant.clone(),
			respondent: respondent.clone(),
			amount,
			agreement,
			panel: panel_accounts,
			deadline,
		});
		if in_arbitration {
			Self::deposit_event(Event::ClaimSentToArbiter { claim: id, level: 0 });
		}
		Ok(id)
	}

	/// The respondent acknowledges: upheld as filed, paid at once.
	pub fn do_acknowledge(who: &T::AccountId, id: ClaimId) -> DispatchResult {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(claim.respondent == *who, Error::<T>::NotRespondent);
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		Self::deposit_event(Event::ClaimAcknowledged { claim: id });
		let amount = claim.amount;
		Self::finalize(id, claim, Verdict::Uphold { amount, force_majeure: false })
	}

	/// The respondent contests: the claimant's guarantors join the level-1 panel.
	pub fn do_contest(who: &T::AccountId, id: ClaimId) -> DispatchResult {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(claim.respondent == *who, Error::<T>::NotRespondent);
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(
			!claim.contested && claim.level() == 1 && claim.phase == ClaimPhase::Open,
			Error::<T>::CannotContest
		);
		let claimant_side = Self::level_one_panel(
			&claim.claimant,
			&claim.respondent,
			Side::Claimant,
			&claim.claimant,
		)?;
		let panel = claim.levels.last_mut().ok_or(Error::<T>::Inconsistent)?;
		Self::merge_contested_panel(panel, claimant_side);
		for p in panel.iter() {
			ClaimsOf::<T>::insert(&p.who, id, ());
		}
		let accounts = panel.iter().map(|p| p.who.clone()).collect();
		claim.contested = true;
		Self::transition(id, &mut claim, ClaimPhase::Open)?;
		let deadline = claim.deadline.ok_or(Error::<T>::Inconsistent)?;
		// The merged panel may already hold a majority of the votes cast so far.
		Self::settle_level(id, &mut claim)?;
		Claims::<T>::insert(id, claim);
		Self::deposit_event(Event::ClaimContested { claim: id, panel: accounts, deadline });
		Ok(())
	}

	/// A panelist votes.
	pub fn do_vote(
		who: &T::AccountId,
		id: ClaimId,
		verdict: Verdict<BalanceOf<T>>,
	) -> DispatchResult {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(claim.phase.is_voting(), Error::<T>::WrongPhase);
		if let Verdict::Uphold { amount, .. } = verdict {
			ensure!(!amount.is_zero() && amount <= claim.amount, Error::<T>::InvalidAmount);
		}
		let level = claim.level();
		let panel = claim.levels.last_mut().ok_or(Error::<T>::Inconsistent)?;
		let seat = panel.iter_mut().find(|p| p.who == *who).ok_or(Error::<T>::NotPanelist)?;
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyVoted);
		seat.vote = Some(verdict);
		Self::deposit_event(Event::Voted { claim: id, level, voter: who.clone(), verdict });
		Self::settle_level(id, &mut claim)?;
		Claims::<T>::insert(id, claim);
		Ok(())
	}

	/// Acts on the current level's tally: a decision opens the appeal window, a deadlock
	/// escalates, missing votes wait.
	fn settle_level(id: ClaimId, claim: &mut ClaimOf<T>) -> DispatchResult {
		let panel = claim.panel().ok_or(Error::<T>::Inconsistent)?;
		match Self::tally(panel.iter().map(|p| p.vote)) {
			Tally::Decided(verdict) => {
				Self::transition(id, claim, ClaimPhase::Decided { verdict })?;
				Self::deposit_event(Event::ClaimDecided {
					claim: id,
					level: claim.level(),
					verdict,
					appeal_until: claim.deadline.ok_or(Error::<T>::Inconsistent)?,
				});
			}
			// Escalating is heavy: leave it to `on_initialize` of the next block, keeping a vote
			// as light as a transfer.
			Tally::Deadlock => Self::expedite(id, claim)?,
			Tally::Pending => {}
		}
		Ok(())
	}

	/// Counts a level's votes: a strict majority of the whole panel decides. An upheld amount
	/// is the (lower) median of the upholding amounts; force majeure needs a strict majority
	/// of the upholding votes.
	pub fn tally(
		votes: impl Iterator<Item = Option<Verdict<BalanceOf<T>>>>,
	) -> Tally<BalanceOf<T>> {
		let mut seats = 0usize;
		let mut rejects = 0usize;
		let mut force_majeure = 0usize;
		let mut amounts: Vec<BalanceOf<T>> = Vec::new();
		for vote in votes {
			seats = seats.saturating_add(1);
			match vote {
				Some(Verdict::Reject) => rejects = rejects.saturating_add(1),
				Some(Verdict::Uphold { amount, force_majeure: fm }) => {
					amounts.push(amount);
					if fm {
						force_majeure = force_majeure.saturating_add(1);
					}
				}
				None => {}
			}
		}
		let upholds = amounts.len();
		if upholds.saturating_mul(2) > seats {
			amounts.sort();
			let median = amounts.get((upholds.saturating_sub(1)) / 2).copied().unwrap_or_default();
			Tally::Decided(Verdict::Uphold {
				amount: median,
				force_majeure: force_majeure.saturating_mul(2) > upholds,
			})
		} else if rejects.saturating_mul(2) > seats {
			Tally::Decided(Verdict::Reject)
		} else if upholds.saturating_add(rejects) == seats {
			Tally::Deadlock
		} else {
			Tally::Pending
		}
	}

	/// A party appeals the current decision.
	pub fn do_appeal(who: &T::AccountId, id: ClaimId) -> DispatchResult {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(claim.is_party(who), Error::<T>::NotParty);
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(matches!(claim.phase, ClaimPhase::Decided { .. }), Error::<T>::WrongPhase);
		let bond = T::AppealBond::get().saturating_mul(claim.level().max(1).into());
		if !bond.is_zero() {
			Self::hold(&HoldReason::ClaimBond, who, bond)?;
		}
		claim
			.bonds
			.try_push(Bond { who: who.clone(), amount: bond })
			.map_err(|_| Error::<T>::Inconsistent)?;
		Self::deposit_event(Event::ClaimAppealed { claim: id, appellant: who.clone(), bond });
		Self::escalate(id, &mut claim, EscalationReason::Appeal)?;
		Claims::<T>::insert(id, claim);
		Ok(())
	}

	/// The arbiter resolves a claim in arbitration.
	pub fn do_resolve(id: ClaimId, verdict: Verdict<BalanceOf<T>>) -> DispatchResult {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(claim.phase == ClaimPhase::Arbitration, Error::<T>::WrongPhase);
		if let Verdict::Uphold { amount, .. } = verdict {
			ensure!(!amount.is_zero() && amount <= claim.amount, Error::<T>::InvalidAmount);
		}
		Self::deposit_event(Event::ClaimResolved { claim: id, verdict });
		Self::finalize(id, claim, verdict)
	}
}

impl<T: Config> ClaimFiler<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn file_claim(
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		amount: BalanceOf<T>,
		evidence: &[u8],
		agreement: Option<AgreementId>,
	) -> Result<ClaimId, DispatchError> {
		// All or nothing, whatever the caller does with an error.
		frame_support::storage::with_storage_layer(|| {
			Self::do_file_claim(claimant, respondent, amount, evidence, agreement)
		})
	}

	fn file_claim_weight() -> Weight {
		T::WeightInfo::file_claim(T::MaxGuarantors::get())
	}
}
