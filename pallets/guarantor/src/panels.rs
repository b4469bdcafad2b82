//! Panels: who judges a claim at each level.
//!
//! - Level 1 is the respondent's guarantors; each level above is the guarantors of the
//!   panelists below, excluding the parties and everyone who already sat on the claim. Only
//!   active members that are not struck out sit, and only through a guarantee that counts
//!   (live, at least `MinGuarantee`) and was given no later than the claim was filed: nobody
//!   vouches their way onto a panel, nor sits through a guarantee it has withdrawn.
//! - Once the respondent contests, the dispute is two-sided: every panel from then on (the
//!   current one, formed again, and every one above) seats the same number of each side's
//!   guarantors — ⌊`MaxPanelSize`/2⌋, or as many as the smaller side has — the claimant's
//!   side starting from the claimant's own guarantors. Neither side can outnumber the other:
//!   a side with more candidates, or larger stakes, gains no seat, so partisan votes
//!   deadlock and the claim climbs to people further from both. If one side has nobody left,
//!   the arbiter decides. (An account that guarantees both sides sits for the respondent's.)
//! - Within a side, larger guarantees sit first (ties: the smaller account id).

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};

use crate::{
	BalanceOf, ClaimOf, ClaimsByAccount, Config, Guarantees, Members, NewestFirst, Pallet, PanelOf,
	Panelist, Side,
};
use poruka_primitives::ClaimId;

/// A member who could sit on a panel, with the guarantee that would put it there.
pub(crate) struct Candidate<AccountId, Balance> {
	who: AccountId,
	ward: AccountId,
	side: Side,
	stake: Balance,
}

type CandidateOf<T> = Candidate<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

impl<T: Config> Pallet<T> {
	/// The level-1 panel of a new claim: the respondent's eligible guarantors.
	pub(crate) fn first_panel(claim: &ClaimOf<T>) -> PanelOf<T> {
		let mut respondent_side = Vec::new();
		Self::collect_candidates(
			claim,
			&claim.respondent,
			Side::Respondent,
			&mut respondent_side,
			|who| !claim.is_party(who),
		);
		Self::form_panel(respondent_side, Vec::new(), false)
	}

	/// The current level's panel of a claim just contested: its respondent-side seats that
	/// may still judge and the claimant's eligible guarantors (none who sat below this level),
	/// as a two-sided panel; empty if either side has nobody. Nobody has voted on it.
	pub(crate) fn contested_panel(claim: &ClaimOf<T>) -> Result<PanelOf<T>, DispatchError> {
		let level = claim.level();
		let Some(panel) = claim.panel() else {
			return Err(Self::broken("a voting claim has no panel").into());
		};
		let respondent_side = panel
			.iter()
			.filter(|seat| seat.side == Side::Respondent)
			.filter(|seat| Members::<T>::get(&seat.who).is_some_and(|m| Self::can_guarantee(&m)))
			.map(|seat| Candidate {
				who: seat.who.clone(),
				ward: seat.ward.clone(),
				side: Side::Respondent,
				stake: Guarantees::<T>::get(&seat.ward, &seat.who)
					.map(|g| g.amount)
					.unwrap_or_default(),
			})
			.collect();
		let mut claimant_side = Vec::new();
		Self::collect_candidates(
			claim,
			&claim.claimant,
			Side::Claimant,
			&mut claimant_side,
			|who| !claim.is_party(who) && !claim.sat_below(who, level),
		);
		Ok(Self::form_panel(respondent_side, claimant_side, true))
	}

	/// The next level's panel: the eligible guarantors of each side's current panelists, none
	/// a party or anyone who sat on the claim.
	pub(crate) fn next_panel(claim: &ClaimOf<T>) -> PanelOf<T> {
		let mut sides = [Vec::new(), Vec::new()];
		if let Some(panel) = claim.panel() {
			for seat in panel.iter() {
				let candidates = match seat.side {
					Side::Respondent => &mut sides[0],
					Side::Claimant => &mut sides[1],
				};
				Self::collect_candidates(claim, &seat.who, seat.side, candidates, |who| {
					!claim.is_party(who) && !claim.has_sat(who)
				});
			}
		}
		let [respondent_side, claimant_side] = sides;
		Self::form_panel(respondent_side, claimant_side, claim.is_contested())
	}

	/// Seats `panel` as claim `id`'s next level.
	pub(crate) fn seat(id: ClaimId, claim: &mut ClaimOf<T>, panel: PanelOf<T>) -> DispatchResult {
		for seat in panel.iter() {
			ClaimsByAccount::<T>::insert(&seat.who, NewestFirst::new(id), ());
		}
		claim
			.levels
			.try_push(panel)
			.map_err(|_| Self::broken("a claim climbed past MaxEscalationLevels").into())
	}

	/// Adds `ward`'s eligible guarantors for `claim` to `candidates`: active, not struck out,
	/// passing `admit`, through a guarantee that counts and was given no later than the claim
	/// was filed. Each account is kept once, with its largest stake.
	fn collect_candidates(
		claim: &ClaimOf<T>,
		ward: &T::AccountId,
		side: Side,
		candidates: &mut Vec<CandidateOf<T>>,
		admit: impl Fn(&T::AccountId) -> bool,
	) {
		let min = T::MinGuarantee::get();
		for (who, guarantee) in Guarantees::<T>::iter_prefix(ward) {
			if !guarantee.counts(&min) || guarantee.since > claim.filed_at || !admit(&who) {
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

	/// Forms a panel with no votes. One-sided: the `MaxPanelSize` largest stakes of the
	/// respondent's side. Two-sided: the same number of each side's largest stakes,
	/// ⌊`MaxPanelSize`/2⌋ or as many as the smaller side has (none if either has nobody). An
	/// account on both sides sits for the respondent's.
	fn form_panel(
		mut respondent_side: Vec<CandidateOf<T>>,
		mut claimant_side: Vec<CandidateOf<T>>,
		two_sided: bool,
	) -> PanelOf<T> {
		let by_stake = |a: &CandidateOf<T>, b: &CandidateOf<T>| {
			b.stake.cmp(&a.stake).then_with(|| a.who.cmp(&b.who))
		};
		let max = T::MaxPanelSize::get() as usize;
		claimant_side.retain(|c| !respondent_side.iter().any(|r| r.who == c.who));
		respondent_side.sort_by(by_stake);
		claimant_side.sort_by(by_stake);
		let mut seated = if two_sided {
			let each = (max / 2).min(respondent_side.len()).min(claimant_side.len());
			respondent_side.truncate(each);
			claimant_side.truncate(each);
			respondent_side.append(&mut claimant_side);
			respondent_side
		} else {
			respondent_side.truncate(max);
			respondent_side
		};
		seated.sort_by(by_stake);
		let panel: Vec<_> = seated
			.into_iter()
			.map(|c| Panelist { who: c.who, ward: c.ward, side: c.side, vote: None })
			.collect();
		// At most `MaxPanelSize`: one side's largest stakes, or ⌊max/2⌋ of each.
		BoundedVec::truncate_from(panel)
	}
}
