//! Strikes: a panelist who lets a deadline pass without voting gets one.
//!
//! - At `MaxStrikes` a member is **struck out**: it may no longer vouch or judge, and its
//!   guarantees stop counting toward its wards' membership (they still count toward coverage
//!   and still pay: the money is there, only the judge is absent).
//! - The way back: a vote cast in time takes one strike off a member that is not struck out;
//!   and all of a member's strikes **lapse** `strike_lapse` blocks after its last one, when
//!   anyone may clear them with `clear_strikes`.
//!
//! Every change of a member's strikes goes through [`Pallet::set_strikes`], which keeps the
//! wards' counters right when the member is struck out or back in.

use frame_support::{ensure, pallet_prelude::*, traits::Get};
use sp_runtime::{traits::Saturating, DispatchResult};

use crate::{Config, Error, Event, Guarantees, MemberOf, Members, Pallet, Wards};
use poruka_primitives::ClaimId;

impl<T: Config> Pallet<T> {
	/// Whether `member` reached `MaxStrikes`.
	pub fn is_struck_out(member: &MemberOf<T>) -> bool {
		member.strikes >= T::MaxStrikes::get()
	}

	/// Gives `who` a strike for letting claim `claim`'s deadline pass (nothing, if it has left
	/// the cooperative since it was seated).
	pub(crate) fn strike(who: &T::AccountId, claim: ClaimId) -> DispatchResult {
		let Some(mut member) = Members::<T>::get(who) else { return Ok(()) };
		let strikes = member.strikes.saturating_add(1);
		let now = frame_system::Pallet::<T>::block_number();
		member.strikes_lapse_at = Some(now.saturating_add(Self::timing().strike_lapse));
		Self::deposit_event(Event::Struck { who: who.clone(), claim, strikes });
		Self::set_strikes(who, &mut member, strikes);
		Members::<T>::insert(who, member);
		Ok(())
	}

	/// Takes one strike off `member` for a vote cast in time, unless it is struck out (a
	/// struck-out member's strikes only lapse). Returns whether it did: the caller then stores
	/// `member`.
	pub(crate) fn reward_vote(who: &T::AccountId, member: &mut MemberOf<T>) -> bool {
		if member.strikes == 0 || Self::is_struck_out(member) {
			return false;
		}
		let strikes = member.strikes.saturating_sub(1);
		Self::set_strikes(who, member, strikes);
		Self::deposit_event(Event::StrikeRemoved { who: who.clone(), strikes });
		true
	}

	/// Clears `who`'s strikes once they lapsed; returns how many wards were counted again.
	pub fn do_clear_strikes(who: &T::AccountId) -> Result<u32, DispatchError> {
		let mut member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.strikes > 0, Error::<T>::NoStrikes);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(member.strikes_lapse_at.is_some_and(|at| at <= now), Error::<T>::StrikesNotLapsed);
		let recounted = Self::set_strikes(who, &mut member, 0);
		Members::<T>::insert(who, member);
		Self::deposit_event(Event::StrikesCleared { who: who.clone() });
		Ok(recounted)
	}

	/// Sets `member`'s strikes to `strikes`: the one place they change. When that strikes it
	/// out, or brings it back in, its guarantees stop (or start again) counting toward its
	/// wards' membership. Returns how many wards were recounted. The caller stores `member`.
	fn set_strikes(who: &T::AccountId, member: &mut MemberOf<T>, strikes: u32) -> u32 {
		let was_out = Self::is_struck_out(member);
		member.strikes = strikes;
		if strikes == 0 {
			member.strikes_lapse_at = None;
		}
		let is_out = Self::is_struck_out(member);
		if was_out == is_out {
			return 0;
		}
		if is_out {
			Self::deposit_event(Event::StruckOut { who: who.clone() });
		}
		Self::recount_wards(who, is_out)
	}

	/// `guarantor` was struck out (`struck_out`) or came back: each of its guarantees that
	/// counts toward coverage stops (or starts again) counting toward its ward's membership.
	/// Returns how many wards it has.
	fn recount_wards(guarantor: &T::AccountId, struck_out: bool) -> u32 {
		let min = T::MinGuarantee::get();
		let mut wards = 0u32;
		for ward in Wards::<T>::iter_key_prefix(guarantor) {
			wards = wards.saturating_add(1);
			let counts = Guarantees::<T>::get(&ward, guarantor).is_some_and(|g| g.counts(&min));
			if !counts {
				continue;
			}
			let Some(mut record) = Members::<T>::get(&ward) else {
				Self::broken("a ward has no member record");
				continue;
			};
			record.live_guarantors = if struck_out {
				record.live_guarantors.saturating_sub(1)
			} else {
				record.live_guarantors.saturating_add(1)
			};
			Self::update_status(&ward, &mut record);
			Members::<T>::insert(&ward, record);
		}
		wards
	}
}
