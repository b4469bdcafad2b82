//! Panels: who judges a claim at each level.
//!
//! - Level 1 is the respondent's guarantors; each level above is the guarantors of the
//!   panelists below, excluding the parties and everyone who already sat on the claim. Only
//!   active members that are not struck out sit, and only through a guarantee holding money.
//! - Once the respondent contests, the dispute is two-sided: every panel from then on (the
//!   current one, formed again, and every one above) gives ⌊`MaxPanelSize`/2⌋ seats to each
//!   side's guarantors — the claimant's side starting from the claimant's own guarantors — as
//!   far as each side has them; the odd seat, and the seats a side cannot fill, go to the
//!   largest stakes of either side.
//! - Within a side, and for the seats left over, larger guarantees sit first (ties: the
//!   smaller account id).

use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};

use crate::{
	BalanceOf, ClaimOf, ClaimsByAccount, Config, Guarantees, Members, Pallet, PanelOf, Panelist,
	Side,
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
			&claim.respondent,
			Side::Respondent,
			&mut respondent_side,
			|who| !claim.is_party(who),
		);
		Self::form_panel(respondent_side, Vec::new(), false)
	}

	/// The current level's panel of a claim just contested: its respondent-side seats and the
	/// claimant's eligible guarantors (none who sat below this level), shared as a two-sided
	/// panel. Nobody has voted on it.
	pub(crate) fn contested_panel(claim: &ClaimOf<T>) -> Result<PanelOf<T>, DispatchError> {
		let level = claim.level();
		let Some(panel) = claim.panel() else {
			return Err(Self::broken("a voting claim has no panel").into());
		};
		let respondent_side = panel
			.iter()
			.filter(|seat| seat.side == Side::Respondent)
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
		Self::collect_candidates(&claim.claimant, Side::Claimant, &mut claimant_side, |who| {
			!claim.is_party(who) && !claim.sat_below(who, level)
		});
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
				Self::collect_candidates(&seat.who, seat.side, candidates, |who| {
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
			ClaimsByAccount::<T>::insert(&seat.who, id, ());
		}
		claim
			.levels
			.try_push(panel)
			.map_err(|_| Self::broken("a claim climbed past MaxEscalationLevels").into())
	}

	/// Adds `ward`'s eligible guarantors (active, not struck out, guaranteeing it with money,
	/// passing `admit`) to `candidates`, keeping each account once with its largest stake.
	fn collect_candidates(
		ward: &T::AccountId,
		side: Side,
		candidates: &mut Vec<CandidateOf<T>>,
		admit: impl Fn(&T::AccountId) -> bool,
	) {
		for (who, guarantee) in Guarantees::<T>::iter_prefix(ward) {
			if guarantee.amount.is_zero() || !admit(&who) {
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

	/// Forms a panel of at most `MaxPanelSize` with no votes: with `two_sided`, each side first
	/// gets ⌊`MaxPanelSize`/2⌋ seats (its largest stakes), then the rest of the seats go to the
	/// largest remaining stakes of either side; otherwise the largest stakes sit. An account
	/// on both sides sits for the respondent's.
	fn form_panel(
		mut respondent_side: Vec<CandidateOf<T>>,
		mut claimant_side: Vec<CandidateOf<T>>,
		two_sided: bool,
	) -> PanelOf<T> {
		let by_stake = |a: &CandidateOf<T>, b: &CandidateOf<T>| {
			b.stake.cmp(&a.stake).then_with(|| a.who.cmp(&b.who))
		};
		let max = T::MaxPanelSize::get() as usize;
		let reserved = if two_sided { max / 2 } else { 0 };
		claimant_side.retain(|c| !respondent_side.iter().any(|r| r.who == c.who));
		respondent_side.sort_by(by_stake);
		claimant_side.sort_by(by_stake);

		let mut seated = Vec::new();
		let mut others = Vec::new();
		for side in [respondent_side, claimant_side] {
			for (rank, candidate) in side.into_iter().enumerate() {
				if rank < reserved {
					seated.push(candidate);
				} else {
					others.push(candidate);
				}
			}
		}
		others.sort_by(by_stake);
		seated.extend(others.into_iter().take(max.saturating_sub(seated.len())));
		seated.sort_by(by_stake);
		let panel: Vec<_> = seated
			.into_iter()
			.map(|c| Panelist { who: c.who, ward: c.ward, side: c.side, vote: None })
			.collect();
		// Each side's reserved seats and the others together are at most `MaxPanelSize`.
		BoundedVec::truncate_from(panel)
	}
}
