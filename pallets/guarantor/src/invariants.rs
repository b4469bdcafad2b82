//! The invariants `try_state` checks (and the unit tests check after every test):
//!
//! - for every account, the funds held under `Guarantee` equal the sum of its guarantees, those
//!   under `Deposit` its deposit, and those under `ClaimBond` its bonds in claims not yet final;
//! - every member's counters (guarantors counting toward membership and in all, wards,
//!   backing, unbonding, open, filed and countered claims, debt) agree with the records they
//!   count, under the rules of what counts (`Pallet::contribution`);
//! - every guarantee's `liable_claims` is the number of open claims whose liabilities list it,
//!   each claim listing it at most once; only open claims have liabilities, only at depths
//!   their sides have reached; a guarantee paid down to nothing is kept only while liable;
//! - strikes have a lapse block exactly when there are any;
//! - a non-founder active member has at least `MinGuarantors` live guarantees, a suspended one
//!   fewer;
//! - every claim that is voting, decided or in arbitration has exactly one deadline in the
//!   queue, at the slot its record names; every other entry is a deadline its claim (filed,
//!   perhaps final or pruned since) moved on from; a final claim has none; the queue's own
//!   bookkeeping (ranges, cursor) is consistent;
//! - a claim has an arbitration record exactly when it is in arbitration or reached a final
//!   phase through it (never a voting or decided one), and never outlives it; its arbiters are
//!   uninvolved in the claim (no party, no panelist, no liable guarantor), none twice, each
//!   with the claim in its index; a decision is a strict majority of their votes;
//! - every final claim, and nothing else, is queued for pruning exactly once;
//! - a claim's steps exist only while it does, run in block order from its filing, and the
//!   last is its phase and level;
//! - the per-account claim index lists exactly the parties, panelists (of every level) and
//!   arbiters of the claims in state;
//! - the member counts by status and the open claim count are those of the records.

use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::{
	BalanceOf, ClaimPhase, Claims, Config, Credits, Deadlines, Debts, Guarantees, HoldReason,
	Liabilities, MemberStatus, Members, Pallet, Side, Unbonding, Wards,
};

/// Sums per account.
#[derive(Default)]
struct Expected<Balance> {
	guarantee: Balance,
	deposit: Balance,
	bond: Balance,
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's state.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut expected: BTreeMap<T::AccountId, Expected<BalanceOf<T>>> = BTreeMap::new();
		// (count toward membership, count in all, backing) per ward; wards per guarantor.
		let mut ward_counts: BTreeMap<T::AccountId, (u32, u32, BalanceOf<T>)> = BTreeMap::new();
		let mut guarantor_wards: BTreeMap<T::AccountId, u32> = BTreeMap::new();

		// How many open claims list each guarantee as liable.
		let mut liable: BTreeMap<(T::AccountId, T::AccountId), u32> = BTreeMap::new();
		for (id, (side, depth), entries) in Liabilities::<T>::iter() {
			let claim = Claims::<T>::get(id).ok_or("liabilities of a claim that does not exist")?;
			ensure!(!claim.phase.is_final(), "a final claim still holds liabilities");
			ensure!(claim.side_liable(side), "liabilities of a side that cannot pay");
			ensure!(
				depth >= 1 && depth <= claim.depth(side, claim.level()),
				"liabilities at a depth the claim has not reached"
			);
			ensure!(!entries.is_empty(), "an empty list of liabilities is kept");
			for entry in entries.iter() {
				let key = (entry.ward.clone(), entry.guarantor.clone());
				*liable.entry(key).or_default() += 1;
			}
		}
		for (id, claim) in Claims::<T>::iter() {
			if claim.phase.is_final() {
				continue;
			}
			let mut listed = BTreeSet::new();
			for side in [Side::Respondent, Side::Claimant] {
				for depth in 1..=claim.depth(side, claim.level()) {
					for entry in Liabilities::<T>::get(id, (side, depth)).unwrap_or_default() {
						ensure!(
							listed.insert((entry.ward, entry.guarantor)),
							"a claim lists a guarantee as liable twice"
						);
					}
				}
			}
		}

		for (ward, guarantor, g) in Guarantees::<T>::iter() {
			ensure!(
				!g.amount.is_zero() || g.liable_claims > 0,
				"a guarantee of zero is kept though no claim holds it"
			);
			let listed = liable.remove(&(ward.clone(), guarantor.clone())).unwrap_or(0);
			ensure!(g.liable_claims == listed, "a guarantee's liable_claims is off");
			ensure!(
				Wards::<T>::contains_key(&guarantor, &ward),
				"a guarantee lacks its Wards entry"
			);
			let e = expected.entry(guarantor.clone()).or_default();
			e.guarantee = e.guarantee.saturating_add(g.amount);
			let struck_out = Pallet::<T>::guarantor_struck_out(&guarantor);
			let counted = Pallet::<T>::contribution(&g, struck_out);
			let c = ward_counts.entry(ward).or_insert((0, 0, Zero::zero()));
			c.1 += 1;
			if counted.membership {
				c.0 += 1;
			}
			c.2 = c.2.saturating_add(counted.backing);
			*guarantor_wards.entry(guarantor).or_default() += 1;
		}
		ensure!(liable.is_empty(), "a liability names a guarantee that does not exist");
		for (guarantor, ward, ()) in Wards::<T>::iter() {
			ensure!(
				Guarantees::<T>::contains_key(&ward, &guarantor),
				"a Wards entry has no guarantee"
			);
		}

		let mut open_against: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut filed_open: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut countered: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (id, claim) in Claims::<T>::iter() {
			let open = !claim.phase.is_final();
			ensure!(claim.acknowledged <= claim.amount, "more acknowledged than claimed");
			if open {
				*open_against.entry(claim.respondent.clone()).or_default() += 1;
				*filed_open.entry(claim.claimant.clone()).or_default() += 1;
				if claim.counter_claim().is_some() {
					*countered.entry(claim.claimant.clone()).or_default() += 1;
				}
				for bond in claim.bonds.iter() {
					let e = expected.entry(bond.who.clone()).or_default();
					e.bond = e.bond.saturating_add(bond.amount);
				}
			}
			match (open, claim.deadline) {
				(true, Some(slot)) => ensure!(
					Deadlines::<T>::get(slot.block, slot.index) == Some(id),
					"an open claim's deadline is not queued where its record says"
				),
				(true, None) => return Err("an open claim has no deadline".into()),
				(false, Some(_)) => return Err("a final claim has a deadline".into()),
				(false, None) => {}
			}
			match crate::Arbitrations::<T>::get(id) {
				Some(arbitration) => {
					ensure!(
						!claim.phase.is_voting()
							&& !matches!(claim.phase, ClaimPhase::Decided { .. }),
						"a claim back before a panel has an arbitration record"
					);
					let mut seated = BTreeSet::new();
					for arbiter in arbitration.arbiters.iter() {
						ensure!(
							!Pallet::<T>::involved(id, &claim, &arbiter.who),
							"an arbiter is involved in the claim"
						);
						ensure!(seated.insert(arbiter.who.clone()), "an arbiter sits twice");
					}
					if let Some(decision) = arbitration.decision {
						let tally = Pallet::<T>::tally(arbitration.arbiters.iter().map(|a| a.vote));
						ensure!(
							tally == crate::claims::Tally::Decided(decision),
							"an arbitration decision is not the arbiters' majority"
						);
					}
				}
				None => ensure!(
					claim.phase != ClaimPhase::Arbitration,
					"a claim in arbitration has no arbitration record"
				),
			}
		}
		for id in crate::Arbitrations::<T>::iter_keys() {
			ensure!(Claims::<T>::contains_key(id), "an arbitration outlived its claim");
		}
		// A claim's steps are in order from its filing on, and the last is where it stands.
		for (id, steps) in crate::ClaimSteps::<T>::iter() {
			let claim = Claims::<T>::get(id).ok_or("a claim's steps outlived it")?;
			ensure!(!steps.is_empty(), "an empty list of steps is kept");
			let mut since = claim.filed_at;
			for step in steps.iter() {
				ensure!(step.at >= since, "a claim's steps are out of order");
				since = step.at;
			}
			let last = steps.last().ok_or("an empty list of steps is kept")?;
			ensure!(
				last.phase == claim.phase && last.level == claim.level(),
				"a claim's last step is not where it stands"
			);
		}
		// Every queued entry is a claim's: its current deadline (one per open claim, checked
		// above) or one its claim moved on from (superseded, skipped when it falls due).
		// (Slots are never reused, and each holds one claim: no deadline is queued twice.)
		let filed = crate::NextClaimId::<T>::get();
		for (_, id) in crate::DeadlineQueue::<T>::entries() {
			ensure!(id < filed, "the deadline queue holds an entry of a claim never filed");
		}
		crate::DeadlineQueue::<T>::check()?;

		// Every final claim is queued for pruning once, and nothing else is.
		let mut to_prune = BTreeMap::new();
		for (_, id) in crate::PruningQueue::<T>::entries() {
			let claim = Claims::<T>::get(id).ok_or("a pruning names a claim that is gone")?;
			ensure!(claim.phase.is_final(), "a claim queued for pruning is not final");
			*to_prune.entry(id).or_insert(0u32) += 1;
		}
		for (id, _) in Claims::<T>::iter().filter(|(_, c)| c.phase.is_final()) {
			ensure!(to_prune.get(&id) == Some(&1), "a final claim is not queued for pruning once");
		}
		crate::PruningQueue::<T>::check()?;

		// The per-account index lists, for every claim in state, exactly its parties, the
		// panelists of every level and its arbiters.
		let mut indexed: BTreeSet<(T::AccountId, crate::ClaimId)> = BTreeSet::new();
		for (who, key) in crate::ClaimsByAccount::<T>::iter_keys() {
			ensure!(indexed.insert((who, key.id())), "the claim index holds an entry twice");
		}
		for (id, claim) in Claims::<T>::iter() {
			let arbiters = crate::Arbitrations::<T>::get(id)
				.map(|a| a.arbiters.into_iter().map(|a| a.who).collect::<Vec<_>>())
				.unwrap_or_default();
			let involved: BTreeSet<T::AccountId> =
				[claim.claimant.clone(), claim.respondent.clone()]
					.into_iter()
					.chain(claim.levels.iter().flatten().map(|seat| seat.who.clone()))
					.chain(arbiters)
					.collect();
			for who in involved {
				ensure!(
					indexed.remove(&(who, id)),
					"a party, panelist or arbiter does not find the claim among its own"
				);
			}
		}
		ensure!(indexed.is_empty(), "the claim index names a claim, or an account, it should not");

		let mut debts: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (debtor, creditor, amount) in Debts::<T>::iter() {
			ensure!(!amount.is_zero(), "a debt of zero is kept");
			ensure!(
				Credits::<T>::get(&creditor, &debtor) == Some(amount),
				"Credits disagree with Debts"
			);
			let d = debts.entry(debtor).or_insert(Zero::zero());
			*d = d.saturating_add(amount);
		}
		ensure!(
			Credits::<T>::iter().count() == Debts::<T>::iter().count(),
			"Credits hold entries Debts do not"
		);

		let mut counts = crate::MemberCounts::default();
		for (who, m) in Members::<T>::iter() {
			let count = counts.of(m.status);
			*count = count.saturating_add(1);
			let e = expected.entry(who.clone()).or_default();
			e.deposit = m.deposit;
			let (live, total, backing) = ward_counts.remove(&who).unwrap_or((0, 0, Zero::zero()));
			ensure!(m.live_guarantors == live, "live guarantor count is off");
			ensure!(m.guarantors == total, "guarantor count is off");
			ensure!(m.backing == backing, "backing is off");
			ensure!(m.wards == guarantor_wards.remove(&who).unwrap_or(0), "ward count is off");
			ensure!(m.open_claims == open_against.remove(&who).unwrap_or(0), "open claims are off");
			ensure!(m.filed_claims == filed_open.remove(&who).unwrap_or(0), "filed claims are off");
			ensure!(
				m.countered_claims == countered.remove(&who).unwrap_or(0),
				"countered claims are off"
			);
			ensure!(
				(m.strikes > 0) == m.strikes_lapse_at.is_some(),
				"strikes and their lapse block disagree"
			);
			ensure!(m.debt == debts.remove(&who).unwrap_or_default(), "debt is off");
			let unbonding = Unbonding::<T>::get(&who)
				.iter()
				.fold(BalanceOf::<T>::zero(), |sum, c| sum.saturating_add(c.amount));
			ensure!(m.unbonding == unbonding, "unbonding is off");
			ensure!(m.unbonding <= m.deposit, "more is unbonding than deposited");
			if m.founder {
				ensure!(m.guarantors == 0, "a founder has guarantors");
			} else {
				match m.status {
					MemberStatus::Active => ensure!(
						m.live_guarantors >= T::MinGuarantors::get(),
						"an active member lacks guarantors"
					),
					MemberStatus::Suspended | MemberStatus::Candidate => ensure!(
						m.live_guarantors < T::MinGuarantors::get(),
						"a member with enough guarantors is not active"
					),
					MemberStatus::Leaving => {
						ensure!(m.live_guarantors == 0, "a leaving member has live guarantees")
					}
				}
			}
		}
		ensure!(ward_counts.is_empty(), "a guarantee's ward has no member record");
		ensure!(guarantor_wards.is_empty(), "a guarantor has no member record");
		ensure!(
			open_against.is_empty() && filed_open.is_empty() && countered.is_empty(),
			"a claim's party has no member record"
		);
		ensure!(debts.is_empty(), "a debtor has no member record");
		ensure!(crate::MemberCount::<T>::get() == counts, "the member counts are off");
		let open = Claims::<T>::iter_values().filter(|c| !c.phase.is_final()).count() as u32;
		ensure!(crate::OpenClaims::<T>::get() == open, "the open claim count is off");

		for (who, e) in expected {
			let held = |reason: HoldReason| T::Currency::balance_on_hold(&reason.into(), &who);
			ensure!(held(HoldReason::Guarantee) == e.guarantee, "held Guarantee != guarantees");
			ensure!(held(HoldReason::Deposit) == e.deposit, "held Deposit != deposit");
			ensure!(held(HoldReason::ClaimBond) == e.bond, "held ClaimBond != open bonds");
		}
		Ok(())
	}
}
