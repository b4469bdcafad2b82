//! Claims («рекламации»): filing, the respondent's answer (acknowledge or contest), voting,
//! appeals, the arbiter — and the claim's state machine, whose every phase change goes through
//! [`Pallet::transition`].

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
};
use poruka_primitives::ClaimFiler;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

use crate::{
	BalanceOf, Bond, BondKind, ClaimOf, ClaimPayments, ClaimPhase, ClaimStep, ClaimSteps, Claims,
	ClaimsByAccount, Config, Contest, Error, EscalationReason, Event, HoldReason, MemberStatus,
	Members, NewestFirst, NextClaimId, OpenClaims, Pallet, Payment, PaymentSource, Side, Verdict,
	WeightInfo,
};
use poruka_primitives::{ClaimId, ClaimSubject};

/// What a vote did, which is what it is charged for (`vote`'s weight).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VoteEffect {
	/// A panelist's vote that leaves its level waiting for more votes; `strike` when it took
	/// a strike off the voter.
	Pending { strike: bool },
	/// A panelist's vote that settles its level (decides it, or completes a deadlocked panel,
	/// which then escalates at the next block): the claim's deadline moves.
	Settled { strike: bool },
	/// An arbiter's vote.
	Arbitration,
}

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
	/// queues the new phase's deadline: `DecisionPeriod` for a voting phase (entering it again
	/// restarts it: a new level, or a contested one), `AppealPeriod` for a decision, the
	/// arbitration period in arbitration (whose arbiters it seats, [`crate::arbitration`]); a
	/// final claim is queued for pruning when its retention ends. The step is kept in
	/// `ClaimSteps` (the filing's first phase is entered by [`Self::enter_phase`] alone: the
	/// filing is the claim's `filed_at`).
	pub(crate) fn transition(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		to: ClaimPhase<BalanceOf<T>>,
	) -> DispatchResult {
		Self::enter_phase(id, claim, to)?;
		let now = frame_system::Pallet::<T>::block_number();
		let step = ClaimStep { at: now, level: claim.level(), phase: to };
		if ClaimSteps::<T>::try_append(id, step).is_err() {
			frame_support::defensive!("a claim took more steps than MaxStepsOf allows");
		}
		Ok(())
	}

	/// The phase change itself ([`Self::transition`] without keeping the step).
	fn enter_phase(
		id: ClaimId,
		claim: &mut ClaimOf<T>,
		to: ClaimPhase<BalanceOf<T>>,
	) -> DispatchResult {
		use ClaimPhase::*;
		let allowed = match (&claim.phase, &to) {
			// A voting level restarts (contest), escalates (timeout, deadlock), decides, runs
			// out of panels, or is paid in full by the respondent's acknowledgement.
			(Open | Appealed, Open | Appealed | Decided { .. } | Arbitration | Paid { .. }) => true,
			// A decision is appealed, becomes final, or is paid in full by an acknowledgement.
			(
				Decided { .. },
				Appealed | Arbitration | Paid { .. } | Rejected | CounterPaid { .. },
			) => true,
			// The arbiters (or `ArbiterOrigin`) resolve, the default applies (the standing
			// verdict, or dismissal), or the respondent pays in full.
			(Arbitration, Paid { .. } | Rejected | CounterPaid { .. } | Dismissed) => true,
			_ => false,
		};
		ensure!(allowed, Error::<T>::WrongPhase);

		// The old deadline stays queued, superseded: `on_initialize` skips it when it falls due
		// (`process_deadline`), as it would skip the hole that taking it off would leave.
		claim.deadline = None;
		let now = frame_system::Pallet::<T>::block_number();
		let due = match to {
			Open | Appealed => Some(now.saturating_add(Self::timing().decision_period)),
			Decided { .. } => Some(now.saturating_add(Self::timing().appeal_period)),
			Arbitration => Some(Self::open_arbitration(id, claim)?),
			Paid { .. } | Rejected | CounterPaid { .. } | Dismissed => None,
		};
		if let Some(due) = due {
			claim.deadline = Some(Self::schedule(id, due));
		}
		if to.is_final() {
			// Readable for the retention period, then pruned.
			Self::schedule_pruning(id);
			OpenClaims::<T>::mutate(|open| match open.checked_sub(1) {
				Some(left) => *open = left,
				None => {
					frame_support::defensive!("more claims became final than were open");
				}
			});
		}
		claim.phase = to;
		Ok(())
	}

	/// Files a claim; returns its id. Only an active member may file by hand
	/// (`require_active`); a pallet filing for a member (a receiver reporting a default)
	/// needs only a member record in any status.
	pub fn do_file_claim(
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		amount: BalanceOf<T>,
		evidence: &[u8],
		subject: Option<ClaimSubject>,
		require_active: bool,
	) -> Result<ClaimId, DispatchError> {
		ensure!(claimant != respondent, Error::<T>::SelfClaim);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let evidence: BoundedVec<u8, T::MaxEvidenceLen> =
			evidence.to_vec().try_into().map_err(|_| Error::<T>::EvidenceTooLong)?;
		let mut filer = Members::<T>::get(claimant).ok_or(Error::<T>::NotMember)?;
		if require_active {
			ensure!(filer.status == MemberStatus::Active, Error::<T>::NotActiveMember);
		}
		let mut target = Members::<T>::get(respondent).ok_or(Error::<T>::NotMember)?;
		ensure!(target.status != MemberStatus::Candidate, Error::<T>::RespondentNotAdmitted);

		let id = NextClaimId::<T>::get();
		NextClaimId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
		OpenClaims::<T>::mutate(|open| *open = open.saturating_add(1));

		let bond = T::ClaimBond::get();
		if !bond.is_zero() {
			Self::hold(&HoldReason::ClaimBond, claimant, bond)?;
		}
		let mut bonds = BoundedVec::new();
		bonds
			.try_push(Bond { who: claimant.clone(), amount: bond, kind: BondKind::Claim })
			.map_err(|_| Self::broken("MaxBondsOf is at least 2"))?;

		let mut claim = ClaimOf::<T> {
			claimant: claimant.clone(),
			respondent: respondent.clone(),
			amount,
			evidence,
			subject,
			filed_at: frame_system::Pallet::<T>::block_number(),
			contest: None,
			acknowledged: Zero::zero(),
			phase: ClaimPhase::Open,
			deadline: None,
			levels: BoundedVec::new(),
			bonds,
		};
		filer.filed_claims = filer.filed_claims.saturating_add(1);
		target.open_claims = target.open_claims.saturating_add(1);
		Members::<T>::insert(claimant, filer);
		Members::<T>::insert(respondent, target);
		ClaimsByAccount::<T>::insert(claimant, NewestFirst::new(id), ());
		ClaimsByAccount::<T>::insert(respondent, NewestFirst::new(id), ());

		// Every guarantee standing for the respondent now is liable; none given later is. Fixed
		// first, so that arbiters seated below never include a guarantor with money riding on
		// the claim.
		Self::fix_party_liability(id, &claim, Side::Respondent)?;
		let panel = Self::first_panel(&claim);
		let panel_accounts: Vec<T::AccountId> = panel.iter().map(|p| p.who.clone()).collect();
		let to_arbiter = panel.is_empty();
		// The first phase is part of the filing, not a step of its own (`filed_at` says when).
		if to_arbiter {
			// Nobody can judge at level 1 (a founder, say): straight to the arbiter.
			Self::enter_phase(id, &mut claim, ClaimPhase::Arbitration)?;
		} else {
			Self::seat(id, &mut claim, panel)?;
			// Entering the voting phase schedules the first decision deadline.
			Self::enter_phase(id, &mut claim, ClaimPhase::Open)?;
		}
		Self::deposit_event(Event::ClaimFiled {
			claim: id,
			claimant: claimant.clone(),
			respondent: respondent.clone(),
			amount,
			agreement: subject.and_then(|r| r.agreement()),
			contract: subject.and_then(|r| r.contract()),
			panel: panel_accounts,
			deadline: claim.deadline_block(),
		});
		if to_arbiter {
			Self::deposit_event(Event::ClaimSentToArbiter { claim: id, level: 0 });
		}
		Claims::<T>::insert(id, claim);
		Ok(id)
	}

	/// The weight filing claim `id` took: the respondent's guarantees, all of which were made
	/// liable (at least `MinGuarantors`, the benchmark's least), and seating arbiters if
	/// nobody could sit on a panel. Read just after the filing (the records are in the
	/// overlay: no database access).
	pub(crate) fn filing_weight(id: ClaimId) -> Weight {
		let Some(claim) = Claims::<T>::get(id) else {
			return <Self as ClaimFiler<_, _>>::file_claim_weight();
		};
		let guarantees = Members::<T>::get(&claim.respondent).map_or(0, |m| m.guarantors);
		Self::filing_weight_for(guarantees).saturating_add(Self::arbitration_weight(id))
	}

	/// A filing against a respondent with `guarantees` guarantees (counted between
	/// `MinGuarantors` and `MaxGuarantors`), not sent to the arbiters: the benchmark, and one
	/// write for each panelist seated (the claim's entry in its panelists' indexes). Those
	/// writes grow with `g` only up to `MaxPanelSize`, a bend the benchmark's straight line in
	/// `g` cannot follow: measured, the fit was up to four writes short from `g` = 5 on (35
	/// writes at 16 guarantees, the fit 31). Charging them again on top is never short.
	pub(crate) fn filing_weight_for(guarantees: u32) -> Weight {
		let g = guarantees.max(T::MinGuarantors::get()).min(T::MaxGuarantors::get());
		let panel = g.min(T::MaxPanelSize::get());
		T::WeightInfo::file_claim(g).saturating_add(T::DbWeight::get().writes(panel.into()))
	}

	/// The respondent acknowledges the claim and pays it from its own funds: the deposit, then
	/// (with `use_free_balance`) its free balance. Returns `Some(level)` when that paid the
	/// claim in full and made it final at `level` (for the weight), `None` when the rest goes
	/// on as an ordinary claim.
	pub fn do_acknowledge(
		who: &T::AccountId,
		id: ClaimId,
		use_free_balance: bool,
	) -> Result<Option<u32>, DispatchError> {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(claim.respondent == *who, Error::<T>::NotRespondent);
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(claim.counter_claim().is_none(), Error::<T>::CounterClaimed);

		let outstanding = claim.amount.saturating_sub(claim.acknowledged);
		let mut payments = ClaimPayments::<T>::get(id).unwrap_or_default();
		let from_deposit = Self::pay_from_deposit(who, &claim.claimant, outstanding)?;
		Self::record_acknowledged(&mut payments, who, PaymentSource::Deposit, from_deposit)?;
		let rest = outstanding.saturating_sub(from_deposit);
		let mut from_free = Zero::zero();
		if use_free_balance && !rest.is_zero() {
			let spendable =
				T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
			from_free = rest.min(spendable);
			if !from_free.is_zero() {
				T::Currency::transfer(who, &claim.claimant, from_free, Preservation::Preserve)?;
			}
			Self::record_acknowledged(&mut payments, who, PaymentSource::FreeBalance, from_free)?;
		}
		let paid = from_deposit.saturating_add(from_free);
		ensure!(!paid.is_zero(), Error::<T>::NothingToPay);
		claim.acknowledged = claim.acknowledged.saturating_add(paid);
		ClaimPayments::<T>::insert(id, payments);
		let remaining = claim.amount.saturating_sub(claim.acknowledged);
		Self::deposit_event(Event::ClaimAcknowledged { claim: id, paid, remaining });
		if remaining.is_zero() {
			let (amount, level) = (claim.amount, claim.level());
			Self::finalize(id, claim, Verdict::Uphold { amount, force_majeure: false })?;
			return Ok(Some(level));
		}
		Claims::<T>::insert(id, claim);
		Ok(None)
	}

	/// Adds `amount` the respondent paid from `source` by acknowledging to the claim's
	/// payments: one entry per source however many times it acknowledges, so that the list
	/// keeps room for the payout.
	fn record_acknowledged(
		payments: &mut crate::PaymentsOf<T>,
		who: &T::AccountId,
		source: PaymentSource,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		// Acknowledgements come before any payout: their entries are the only ones yet.
		match payments.iter_mut().find(|p| p.source == source && p.payer == *who) {
			Some(entry) => entry.amount = entry.amount.saturating_add(amount),
			None => payments
				.try_push(Payment { payer: who.clone(), source, amount })
				.map_err(|_| Self::broken("MaxPaymentsOf holds two acknowledgement entries"))?,
		}
		Ok(())
	}

	/// The respondent contests the claim, with an optional counter-claim: the claimant's
	/// guarantors sit from now on, and with a counter-claim its guarantees are liable. Returns
	/// the claimant.
	pub fn do_contest(
		who: &T::AccountId,
		id: ClaimId,
		counter_claim: Option<BalanceOf<T>>,
	) -> Result<T::AccountId, DispatchError> {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(claim.respondent == *who, Error::<T>::NotRespondent);
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		// In arbitration, only until the arbiters decide.
		let open_to_contest = claim.phase.is_voting()
			|| (claim.phase == ClaimPhase::Arbitration && !Self::arbiters_decided(id));
		ensure!(
			!claim.is_contested() && claim.acknowledged.is_zero() && open_to_contest,
			Error::<T>::CannotContest
		);
		if let Some(counter) = counter_claim {
			ensure!(!counter.is_zero(), Error::<T>::ZeroAmount);
			let bond = T::ClaimBond::get();
			if !bond.is_zero() {
				Self::hold(&HoldReason::ClaimBond, who, bond)?;
			}
			claim
				.bonds
				.try_push(Bond { who: who.clone(), amount: bond, kind: BondKind::CounterClaim })
				.map_err(|_| Self::broken("MaxBondsOf holds a counter-claim bond"))?;
			let Some(mut claimant) = Members::<T>::get(&claim.claimant) else {
				return Err(Self::broken("an open claim's claimant has no record").into());
			};
			claimant.countered_claims = claimant.countered_claims.saturating_add(1);
			Members::<T>::insert(&claim.claimant, claimant);
		}
		claim.contest = Some(Contest { at_level: claim.level(), counter_claim });
		if counter_claim.is_some() {
			Self::fix_party_liability(id, &claim, Side::Claimant)?;
			if claim.phase == ClaimPhase::Arbitration {
				// The claimant's guarantors now have money riding on it: none may arbitrate.
				Self::unseat_involved_arbiters(id, &mut claim)?;
			}
		}

		let mut accounts = Vec::new();
		let mut to_arbiter = false;
		if claim.phase.is_voting() {
			// The level is judged again from the start by a panel with both sides seated; if
			// either side has nobody to seat, by the arbiter.
			let panel = Self::contested_panel(&claim)?;
			to_arbiter = panel.is_empty();
			if to_arbiter {
				Self::transition(id, &mut claim, ClaimPhase::Arbitration)?;
			} else {
				accounts = panel.iter().map(|p| p.who.clone()).collect();
				let Some(current) = claim.levels.last_mut() else {
					return Err(Self::broken("a voting claim has no panel").into());
				};
				// Those the new panel drops never judged this claim: off its index.
				for seat in current.iter().filter(|old| !panel.iter().any(|p| p.who == old.who)) {
					ClaimsByAccount::<T>::remove(&seat.who, NewestFirst::new(id));
				}
				for seat in panel.iter() {
					ClaimsByAccount::<T>::insert(&seat.who, NewestFirst::new(id), ());
				}
				*current = panel;
				let phase = claim.phase;
				Self::transition(id, &mut claim, phase)?;
			}
		}
		Self::deposit_event(Event::ClaimContested {
			claim: id,
			counter_claim,
			panel: accounts,
			deadline: claim.deadline_block(),
		});
		if to_arbiter {
			Self::deposit_event(Event::ClaimSentToArbiter { claim: id, level: claim.level() });
		}
		let claimant = claim.claimant.clone();
		Claims::<T>::insert(id, claim);
		Ok(claimant)
	}

	/// Checks that `verdict` fits claim `claim`: an amount of more than zero and at most what
	/// was claimed (or counter-claimed).
	fn ensure_valid_verdict(claim: &ClaimOf<T>, verdict: &Verdict<BalanceOf<T>>) -> DispatchResult {
		let (amount, most) = match *verdict {
			Verdict::Uphold { amount, .. } => (amount, claim.amount),
			Verdict::CounterUphold { amount, .. } => {
				(amount, claim.counter_claim().ok_or(Error::<T>::NoCounterClaim)?)
			}
			Verdict::Reject => return Ok(()),
		};
		ensure!(!amount.is_zero() && amount <= most, Error::<T>::InvalidAmount);
		Ok(())
	}

	/// A panelist votes (or, in arbitration, an arbiter: [`crate::arbitration`]); returns what
	/// the vote did, for its weight.
	pub fn do_vote(
		who: &T::AccountId,
		id: ClaimId,
		verdict: Verdict<BalanceOf<T>>,
	) -> Result<VoteEffect, DispatchError> {
		let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		let arbitration = claim.phase == ClaimPhase::Arbitration;
		ensure!(claim.phase.is_voting() || arbitration, Error::<T>::WrongPhase);
		Self::ensure_valid_verdict(&claim, &verdict)?;
		if arbitration {
			Self::arbitration_vote(who, id, &mut claim, verdict)?;
			Claims::<T>::insert(id, claim);
			return Ok(VoteEffect::Arbitration);
		}
		let level = claim.level();
		let Some(panel) = claim.levels.last_mut() else {
			return Err(Self::broken("a voting claim has no panel").into());
		};
		let seat = panel.iter_mut().find(|p| p.who == *who).ok_or(Error::<T>::NotPanelist)?;
		ensure!(seat.vote.is_none(), Error::<T>::AlreadyVoted);
		seat.vote = Some(verdict);
		Self::deposit_event(Event::Voted { claim: id, level, voter: who.clone(), verdict });
		let mut strike = false;
		if let Some(mut member) = Members::<T>::get(who) {
			if Self::reward_vote(who, &mut member) {
				Members::<T>::insert(who, member);
				strike = true;
			}
		}
		let settled = Self::settle_level(id, &mut claim)?;
		Claims::<T>::insert(id, claim);
		Ok(if settled { VoteEffect::Settled { strike } } else { VoteEffect::Pending { strike } })
	}

	/// What a vote that did `effect` weighs; with `None`, the most any vote can (what it is
	/// admitted with).
	pub fn vote_weight(effect: Option<VoteEffect>) -> Weight {
		match effect {
			Some(VoteEffect::Pending { strike }) => T::WeightInfo::vote_pending(strike.into()),
			Some(VoteEffect::Settled { strike }) => T::WeightInfo::vote(strike.into()),
			Some(VoteEffect::Arbitration) => T::WeightInfo::vote_in_arbitration(),
			None => T::WeightInfo::vote(1)
				.max(T::WeightInfo::vote_pending(1))
				.max(T::WeightInfo::vote_in_arbitration()),
		}
	}

	/// Acts on the current level's tally: a decision opens the appeal window, a deadlock
	/// escalates, missing votes wait. Returns whether the level settled (decided or deadlocked).
	fn settle_level(id: ClaimId, claim: &mut ClaimOf<T>) -> Result<bool, DispatchError> {
		let Some(panel) = claim.panel() else {
			return Err(Self::broken("a voting claim has no panel").into());
		};
		match Self::tally(panel.iter().map(|p| p.vote)) {
			Tally::Decided(verdict) => {
				Self::transition(id, claim, ClaimPhase::Decided { verdict })?;
				let Some(appeal_until) = claim.deadline_block() else {
					return Err(Self::broken("a decided claim has no appeal deadline").into());
				};
				Self::deposit_event(Event::ClaimDecided {
					claim: id,
					level: claim.level(),
					verdict,
					appeal_until,
				});
			}
			// Escalating is heavy: leave it to `on_initialize` of the next block, keeping a vote
			// as light as a transfer.
			Tally::Deadlock => Self::expedite(id, claim),
			Tally::Pending => return Ok(false),
		}
		Ok(true)
	}

	/// Counts a level's votes: a strict majority of the whole panel for one verdict decides.
	/// An upheld (or counter-upheld) amount is the lower median of the majority's amounts;
	/// force majeure needs a strict majority of the majority.
	pub fn tally(
		votes: impl Iterator<Item = Option<Verdict<BalanceOf<T>>>>,
	) -> Tally<BalanceOf<T>> {
		let mut seats = 0usize;
		let mut cast = 0usize;
		let mut rejects = 0usize;
		// (amounts, force majeure count) for upholding, then counter-upholding.
		let mut sides: [(Vec<BalanceOf<T>>, usize); 2] = [(Vec::new(), 0), (Vec::new(), 0)];
		for vote in votes {
			seats = seats.saturating_add(1);
			let Some(vote) = vote else { continue };
			cast = cast.saturating_add(1);
			let (index, amount, fm) = match vote {
				Verdict::Reject => {
					rejects = rejects.saturating_add(1);
					continue;
				}
				Verdict::Uphold { amount, force_majeure } => (0, amount, force_majeure),
				Verdict::CounterUphold { amount, force_majeure } => (1, amount, force_majeure),
			};
			let (amounts, force_majeure) = &mut sides[index];
			amounts.push(amount);
			if fm {
				*force_majeure = force_majeure.saturating_add(1);
			}
		}
		for (index, (mut amounts, fm)) in sides.into_iter().enumerate() {
			let count = amounts.len();
			if count.saturating_mul(2) <= seats {
				continue;
			}
			amounts.sort();
			let amount = amounts.get(count.saturating_sub(1) / 2).copied().unwrap_or_default();
			let force_majeure = fm.saturating_mul(2) > count;
			return Tally::Decided(if index == 0 {
				Verdict::Uphold { amount, force_majeure }
			} else {
				Verdict::CounterUphold { amount, force_majeure }
			});
		}
		if rejects.saturating_mul(2) > seats {
			Tally::Decided(Verdict::Reject)
		} else if cast == seats {
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
			.try_push(Bond { who: who.clone(), amount: bond, kind: BondKind::Appeal })
			.map_err(|_| Self::broken("MaxBondsOf holds one appeal per level"))?;
		Self::deposit_event(Event::ClaimAppealed { claim: id, appellant: who.clone(), bond });
		Self::escalate(id, &mut claim, EscalationReason::Appeal)?;
		Claims::<T>::insert(id, claim);
		Ok(())
	}

	/// The arbiter resolves a claim in arbitration. Returns the level it reached (for the
	/// weight).
	pub fn do_resolve(id: ClaimId, verdict: Verdict<BalanceOf<T>>) -> Result<u32, DispatchError> {
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::UnknownClaim)?;
		ensure!(!claim.phase.is_final(), Error::<T>::ClaimFinal);
		ensure!(claim.phase == ClaimPhase::Arbitration, Error::<T>::WrongPhase);
		Self::ensure_valid_verdict(&claim, &verdict)?;
		Self::deposit_event(Event::ClaimResolved { claim: id, verdict });
		let level = claim.level();
		Self::finalize(id, claim, verdict)?;
		Ok(level)
	}
}

impl<T: Config> ClaimFiler<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn file_claim(
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		amount: BalanceOf<T>,
		evidence: &[u8],
		subject: Option<ClaimSubject>,
	) -> Result<ClaimId, DispatchError> {
		// All or nothing, whatever the caller does with an error.
		frame_support::storage::with_storage_layer(|| {
			Self::do_file_claim(claimant, respondent, amount, evidence, subject, false)
		})
	}

	fn can_file(claimant: &T::AccountId) -> bool {
		Members::<T>::contains_key(claimant)
			&& T::Currency::reducible_balance(claimant, Preservation::Preserve, Fortitude::Polite)
				>= T::ClaimBond::get()
	}

	fn file_claim_weight() -> Weight {
		Self::filing_weight_for(T::MaxGuarantors::get())
			.saturating_add(T::WeightInfo::open_arbitration())
	}

	fn filed_claim_weight(claim: ClaimId) -> Weight {
		Self::filing_weight(claim)
	}
}
