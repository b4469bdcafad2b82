//! Liability: which guarantees pay for a claim, fixed when the claim reaches them.
//!
//! - When a claim is filed, every guarantee for the respondent (live or revoked but not yet
//!   released) becomes liable for it at depth 1 of the respondent's side; when the respondent
//!   counter-claims, every guarantee for the claimant does at depth 1 of the claimant's side.
//! - When the claim reaches a new level, the guarantee that seated each panelist of a liable
//!   side becomes liable at that side's next depth.
//! - A liable guarantee is frozen until the claim is final (a counter on the guarantee, so the
//!   check is one read): it can be neither released nor removed. It pays at most its amount
//!   when the claim reached it, less whatever it has paid for other claims since: money added
//!   later, or a guarantee given later, never pays for the claim.
//! - When the claim is final, every liability is released; a guarantee that was paid down to
//!   nothing disappears once no claim holds it.

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	BalanceOf, ClaimOf, Config, Event, GuaranteeOf, Guarantees, Liabilities, LiabilitiesOf,
	Liability, LiabilityOf, Pallet, Side,
};
use poruka_primitives::ClaimId;

impl<T: Config> Pallet<T> {
	/// Fixes the liability of `side`'s own party (depth 1): every guarantee for it that holds
	/// money, except one the other party gave.
	pub(crate) fn fix_party_liability(
		id: ClaimId,
		claim: &ClaimOf<T>,
		side: Side,
	) -> DispatchResult {
		let party = claim.party(side);
		let other = match side {
			Side::Respondent => &claim.claimant,
			Side::Claimant => &claim.respondent,
		};
		let guarantees = Guarantees::<T>::iter_prefix(party)
			.filter(|(guarantor, _)| guarantor != other)
			.map(|(guarantor, _)| (guarantor, party.clone()));
		Self::fix_liability(id, side, 1, guarantees)
	}

	/// Fixes the liability of the panelists `level` seated: for each liable side, the
	/// guarantee that seated each of its panelists, at that side's depth for the level. The
	/// first depth of a side is its party's own guarantees, fixed when the side became liable.
	pub(crate) fn fix_panel_liability(
		id: ClaimId,
		claim: &ClaimOf<T>,
		level: u32,
	) -> DispatchResult {
		let Some(panel) = claim.levels.get(level.saturating_sub(1) as usize) else {
			return Ok(());
		};
		for side in [Side::Respondent, Side::Claimant] {
			let depth = claim.depth(side, level);
			if !claim.side_liable(side) || depth < 2 {
				continue;
			}
			let seats = panel
				.iter()
				.filter(|seat| seat.side == side)
				.map(|seat| (seat.who.clone(), seat.ward.clone()));
			Self::fix_liability(id, side, depth, seats)?;
		}
		Ok(())
	}

	/// Makes the guarantees `(guarantor, ward)` that hold money liable for claim `id` at
	/// `side`'s `depth`, at their amounts now, and freezes them.
	pub(crate) fn fix_liability(
		id: ClaimId,
		side: Side,
		depth: u32,
		guarantees: impl Iterator<Item = (T::AccountId, T::AccountId)>,
	) -> DispatchResult {
		let mut liable = LiabilitiesOf::<T>::new();
		for (guarantor, ward) in guarantees {
			let Some(mut guarantee) = Guarantees::<T>::get(&ward, &guarantor) else {
				return Err(Self::broken("a panelist's seating guarantee is missing").into());
			};
			if guarantee.amount.is_zero() {
				continue;
			}
			let entry = Liability {
				guarantor: guarantor.clone(),
				ward: ward.clone(),
				amount: guarantee.amount,
				paid_out: guarantee.paid_out,
			};
			liable
				.try_push(entry)
				.map_err(|_| Self::broken("more liable guarantees than MaxLiableOf"))?;
			guarantee.liable_claims = guarantee.liable_claims.saturating_add(1);
			Guarantees::<T>::insert(&ward, &guarantor, guarantee);
		}
		if liable.is_empty() {
			return Ok(());
		}
		// Largest first (ties: the smaller account), the order they pay in.
		liable.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.guarantor.cmp(&b.guarantor)));
		if Liabilities::<T>::contains_key(id, (side, depth)) {
			return Err(Self::broken("a claim's liability at one depth is fixed twice").into());
		}
		Self::deposit_event(Event::LiabilityFixed {
			claim: id,
			side,
			depth,
			liable: liable.to_vec(),
		});
		Liabilities::<T>::insert(id, (side, depth), liable);
		Ok(())
	}

	/// What `entry` can still pay for its claim out of `guarantee`: its amount when the claim
	/// reached it, less what the guarantee has paid since (for any claim), and never more than
	/// the guarantee holds now.
	pub(crate) fn available(entry: &LiabilityOf<T>, guarantee: &GuaranteeOf<T>) -> BalanceOf<T> {
		let paid_since = guarantee.paid_out.saturating_sub(entry.paid_out);
		entry.amount.saturating_sub(paid_since).min(guarantee.amount)
	}

	/// The liable guarantees of `side` of claim `id`, depth by depth from 1, as far as the side
	/// has any.
	pub(crate) fn liable_depths(
		id: ClaimId,
		claim: &ClaimOf<T>,
		side: Side,
	) -> Vec<(u32, LiabilitiesOf<T>)> {
		let deepest = claim.depth(side, claim.level());
		(1..=deepest)
			.filter_map(|depth| Liabilities::<T>::get(id, (side, depth)).map(|l| (depth, l)))
			.collect()
	}

	/// Releases every liability of the final claim `id`: each guarantee is unfrozen as far as
	/// this claim goes, and one paid down to nothing goes once no claim holds it.
	pub(crate) fn release_liabilities(id: ClaimId) -> DispatchResult {
		for (_, liable) in Liabilities::<T>::drain_prefix(id) {
			for entry in liable {
				let Some(mut guarantee) = Guarantees::<T>::get(&entry.ward, &entry.guarantor)
				else {
					return Err(Self::broken("a liable guarantee disappeared").into());
				};
				if guarantee.liable_claims.is_zero() {
					return Err(Self::broken("a liable guarantee's counter is zero").into());
				}
				guarantee.liable_claims = guarantee.liable_claims.saturating_sub(1);
				if guarantee.liable_claims.is_zero() && guarantee.amount.is_zero() {
					Self::remove_guarantee(&entry.guarantor, &entry.ward, &guarantee)?;
				} else {
					Guarantees::<T>::insert(&entry.ward, &entry.guarantor, guarantee);
				}
			}
		}
		Ok(())
	}
}
