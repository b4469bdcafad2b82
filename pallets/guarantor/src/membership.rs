//! Members and the guarantor tree: founders, guarantees, deposits, admission and suspension,
//! leaving.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::{Commitments, Coverage};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchResult,
};

use crate::{
	BalanceOf, Config, Error, Event, Guarantee, Guarantees, HoldReason, MemberOf, MemberRecord,
	MemberStatus, Members, Pallet, Unbonding, UnbondingChunk, Wards,
};

impl<T: Config> Pallet<T> {
	/// Makes `who` a founder: active, with no guarantors.
	pub fn do_add_founder(who: &T::AccountId) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(who), Error::<T>::AlreadyMember);
		let now = frame_system::Pallet::<T>::block_number();
		Members::<T>::insert(who, MemberRecord::new(MemberStatus::Active, true, now));
		Self::deposit_event(Event::FounderAdded { who: who.clone() });
		Ok(())
	}

	/// Whether `who` may vouch and sit on panels: active, and not struck out.
	pub fn can_guarantee(member: &MemberOf<T>) -> bool {
		member.status == MemberStatus::Active && member.strikes < T::MaxStrikes::get()
	}

	/// `guarantor` guarantees `ward` for `amount`.
	pub fn do_vouch(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(guarantor != ward, Error::<T>::SelfVouch);
		let mut giver = Members::<T>::get(guarantor).ok_or(Error::<T>::NotMember)?;
		ensure!(giver.status == MemberStatus::Active, Error::<T>::NotActiveMember);
		ensure!(giver.strikes < T::MaxStrikes::get(), Error::<T>::StruckOut);
		ensure!(giver.wards < T::MaxWards::get(), Error::<T>::TooManyWards);
		ensure!(amount >= T::MinGuarantee::get(), Error::<T>::GuaranteeTooSmall);
		ensure!(!Guarantees::<T>::contains_key(ward, guarantor), Error::<T>::AlreadyGuaranteed);

		let now = frame_system::Pallet::<T>::block_number();
		let mut receiver = Members::<T>::get(ward)
			.unwrap_or_else(|| MemberRecord::new(MemberStatus::Candidate, false, now));
		ensure!(!receiver.founder, Error::<T>::FounderHasNoGuarantors);
		ensure!(receiver.status != MemberStatus::Leaving, Error::<T>::MemberLeaving);
		ensure!(receiver.guarantors < T::MaxGuarantors::get(), Error::<T>::TooManyGuarantors);

		Self::hold(&HoldReason::Guarantee, guarantor, amount)?;

		giver.wards = giver.wards.saturating_add(1);
		receiver.guarantors = receiver.guarantors.saturating_add(1);
		receiver.live_guarantors = receiver.live_guarantors.saturating_add(1);
		receiver.backing = receiver.backing.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Guarantees::<T>::insert(ward, guarantor, Guarantee { amount, release_at: None });
		Wards::<T>::insert(guarantor, ward, ());
		Members::<T>::insert(guarantor, giver);
		Self::deposit_event(Event::Vouched {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			amount,
		});
		Self::update_status(ward, &mut receiver);
		Members::<T>::insert(ward, receiver);
		Ok(())
	}

	/// `guarantor` adds `extra` to its live guarantee for `ward`.
	pub fn do_increase_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		extra: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroAmount);
		let mut guarantee = Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::NoGuarantee)?;
		ensure!(guarantee.is_live(), Error::<T>::GuaranteeRevoked);
		let mut receiver = Members::<T>::get(ward).ok_or(Error::<T>::Inconsistent)?;
		let total = guarantee.amount.checked_add(&extra).ok_or(Error::<T>::Overflow)?;
		receiver.backing = receiver.backing.checked_add(&extra).ok_or(Error::<T>::Overflow)?;

		Self::hold(&HoldReason::Guarantee, guarantor, extra)?;
		guarantee.amount = total;
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Members::<T>::insert(ward, receiver);
		Self::deposit_event(Event::GuaranteeIncreased {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			extra,
			total,
		});
		Ok(())
	}

	/// `guarantor` revokes its guarantee for `ward`: it stops counting at once and stays
	/// liable until released.
	pub fn do_revoke_guarantee(guarantor: &T::AccountId, ward: &T::AccountId) -> DispatchResult {
		let mut guarantee = Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::NoGuarantee)?;
		ensure!(guarantee.is_live(), Error::<T>::GuaranteeRevoked);
		let mut receiver = Members::<T>::get(ward).ok_or(Error::<T>::Inconsistent)?;
		let release_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::timing().revocation_notice);
		guarantee.release_at = Some(release_at);
		receiver.live_guarantors = receiver.live_guarantors.saturating_sub(1);
		receiver.backing = receiver.backing.saturating_sub(guarantee.amount);
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Self::deposit_event(Event::GuaranteeRevoked {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			release_at,
		});
		Self::update_status(ward, &mut receiver);
		Members::<T>::insert(ward, receiver);
		Ok(())
	}

	/// Releases a revoked guarantee whose notice is over.
	pub fn do_release_guarantee(guarantor: &T::AccountId, ward: &T::AccountId) -> DispatchResult {
		let guarantee = Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::NoGuarantee)?;
		let release_at = guarantee.release_at.ok_or(Error::<T>::GuaranteeNotRevoked)?;
		ensure!(frame_system::Pallet::<T>::block_number() >= release_at, Error::<T>::NoticeNotOver);
		let receiver = Members::<T>::get(ward).ok_or(Error::<T>::Inconsistent)?;
		ensure!(receiver.open_claims == 0, Error::<T>::FrozenByOpenClaim);
		// The revoked guarantee no longer counts in `coverage()`: what remains must still cover
		// the ward's commitments.
		ensure!(
			T::Commitments::committed(ward) <= receiver.coverage(),
			Error::<T>::WouldUncoverCommitments
		);

		Self::release(&HoldReason::Guarantee, guarantor, guarantee.amount)?;
		Self::remove_guarantee(guarantor, ward, &guarantee)?;
		Self::deposit_event(Event::GuaranteeReleased {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			amount: guarantee.amount,
		});
		Ok(())
	}

	/// Removes a guarantee record (its funds already released or paid out) and updates both
	/// sides' counters; removes a leaving ward's record once nothing is left.
	pub(crate) fn remove_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		guarantee: &Guarantee<BalanceOf<T>, BlockNumberFor<T>>,
	) -> DispatchResult {
		let mut receiver = Members::<T>::get(ward).ok_or(Error::<T>::Inconsistent)?;
		receiver.guarantors = receiver.guarantors.saturating_sub(1);
		if guarantee.is_live() {
			receiver.live_guarantors = receiver.live_guarantors.saturating_sub(1);
			receiver.backing = receiver.backing.saturating_sub(guarantee.amount);
		}
		Guarantees::<T>::remove(ward, guarantor);
		Wards::<T>::remove(guarantor, ward);
		Members::<T>::mutate(guarantor, |giver| {
			if let Some(giver) = giver {
				giver.wards = giver.wards.saturating_sub(1);
			}
		});
		Self::update_status(ward, &mut receiver);
		Self::store_or_remove(ward, receiver);
		Ok(())
	}

	/// `who` adds `amount` to its deposit.
	pub fn do_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.status != MemberStatus::Leaving, Error::<T>::MemberLeaving);
		member.deposit = member.deposit.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::hold(&HoldReason::Deposit, who, amount)?;
		let total = member.deposit;
		Members::<T>::insert(who, member);
		Self::deposit_event(Event::Deposited { who: who.clone(), amount, total });
		Ok(())
	}

	/// `who` asks to withdraw `amount` of its deposit.
	pub fn do_withdraw_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.open_claims == 0, Error::<T>::FrozenByOpenClaim);
		ensure!(
			amount <= member.deposit.saturating_sub(member.unbonding),
			Error::<T>::InsufficientDeposit
		);
		let release_at = Self::schedule_unbonding(who, amount)?;
		member.unbonding = member.unbonding.saturating_add(amount);
		Members::<T>::insert(who, member);
		Self::deposit_event(Event::DepositUnbonding { who: who.clone(), amount, release_at });
		Ok(())
	}

	/// Adds an unbonding chunk for `who`, due after `UnbondingPeriod`.
	fn schedule_unbonding(
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BlockNumberFor<T>, DispatchError> {
		let release_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::timing().unbonding_period);
		Unbonding::<T>::try_mutate(who, |chunks| {
			chunks
				.try_push(UnbondingChunk { amount, release_at })
				.map_err(|_| Error::<T>::TooManyUnbondingChunks)
		})?;
		Ok(release_at)
	}

	/// Pays out `who`'s unbonded withdrawals.
	pub fn do_withdraw_unbonded(who: &T::AccountId) -> DispatchResult {
		let mut member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.open_claims == 0, Error::<T>::FrozenByOpenClaim);
		// Unbonding funds are already outside `coverage()`: what stays must still cover the
		// member's commitments.
		ensure!(
			T::Commitments::committed(who) <= member.coverage(),
			Error::<T>::WouldUncoverCommitments
		);
		let now = frame_system::Pallet::<T>::block_number();
		let mut chunks = Unbonding::<T>::get(who);
		let due: BalanceOf<T> = chunks
			.iter()
			.filter(|c| c.release_at <= now)
			.fold(Zero::zero(), |sum: BalanceOf<T>, c| sum.saturating_add(c.amount));
		ensure!(!due.is_zero(), Error::<T>::NothingToWithdraw);
		chunks.retain(|c| c.release_at > now);

		Self::release(&HoldReason::Deposit, who, due)?;
		member.deposit = member.deposit.saturating_sub(due);
		member.unbonding = member.unbonding.saturating_sub(due);
		if chunks.is_empty() {
			Unbonding::<T>::remove(who);
		} else {
			Unbonding::<T>::insert(who, chunks);
		}
		Self::deposit_event(Event::DepositWithdrawn { who: who.clone(), amount: due });
		Self::store_or_remove(who, member);
		Ok(())
	}

	/// `who` leaves: its deposit unbonds and its guarantees are revoked. Returns how many
	/// guarantees were revoked.
	pub fn do_leave(who: &T::AccountId) -> Result<u32, DispatchError> {
		let mut member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.status != MemberStatus::Leaving, Error::<T>::MemberLeaving);
		ensure!(
			member.open_claims == 0
				&& member.filed_claims == 0
				&& member.wards == 0
				&& member.debt.is_zero()
				&& T::Commitments::committed(who).is_zero(),
			Error::<T>::CannotLeave
		);

		let free_deposit = member.deposit.saturating_sub(member.unbonding);
		if !free_deposit.is_zero() {
			Self::schedule_unbonding(who, free_deposit)?;
			member.unbonding = member.deposit;
		}
		let release_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::timing().revocation_notice);
		let mut revoked = 0u32;
		for (guarantor, mut guarantee) in Guarantees::<T>::iter_prefix(who) {
			if guarantee.is_live() {
				guarantee.release_at = Some(release_at);
				Guarantees::<T>::insert(who, &guarantor, guarantee);
				revoked = revoked.saturating_add(1);
				Self::deposit_event(Event::GuaranteeRevoked {
					guarantor,
					ward: who.clone(),
					release_at,
				});
			}
		}
		member.live_guarantors = 0;
		member.backing = Zero::zero();
		member.status = MemberStatus::Leaving;
		Self::deposit_event(Event::MemberLeaving { who: who.clone() });
		Self::store_or_remove(who, member);
		Ok(revoked)
	}

	/// Re-evaluates a member's status after its live guarantees changed, emitting the event
	/// of any change. Founders and leaving members keep theirs.
	pub(crate) fn update_status(who: &T::AccountId, member: &mut MemberOf<T>) {
		if member.founder {
			return;
		}
		let enough = member.live_guarantors >= T::MinGuarantors::get();
		let (status, event) = match (member.status, enough) {
			(MemberStatus::Candidate, true) => {
				(MemberStatus::Active, Some(Event::MemberAdmitted { who: who.clone() }))
			}
			(MemberStatus::Suspended, true) => {
				(MemberStatus::Active, Some(Event::MemberReinstated { who: who.clone() }))
			}
			(MemberStatus::Active, false) => {
				(MemberStatus::Suspended, Some(Event::MemberSuspended { who: who.clone() }))
			}
			(status, _) => (status, None),
		};
		member.status = status;
		if let Some(event) = event {
			Self::deposit_event(event);
		}
	}

	/// Stores a member record, or removes it if the member left (or was only ever a candidate)
	/// and nothing is left of it.
	pub(crate) fn store_or_remove(who: &T::AccountId, member: MemberOf<T>) {
		let empty = matches!(member.status, MemberStatus::Leaving | MemberStatus::Candidate)
			&& member.deposit.is_zero()
			&& member.guarantors == 0
			&& member.wards == 0
			&& member.open_claims == 0
			&& member.filed_claims == 0
			&& member.debt.is_zero();
		if empty {
			Members::<T>::remove(who);
			Self::deposit_event(Event::MemberRemoved { who: who.clone() });
		} else {
			Members::<T>::insert(who, member);
		}
	}

	/// Holds `amount` of `who`'s free balance for `reason`, with a clear error if it cannot.
	pub(crate) fn hold(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let reducible =
			T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite);
		ensure!(reducible >= amount, Error::<T>::InsufficientBalance);
		T::Currency::hold(&(*reason).into(), who, amount)
	}

	/// Releases exactly `amount` held from `who` for `reason`.
	pub(crate) fn release(
		reason: &HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::release(&(*reason).into(), who, amount, Precision::Exact).map(|_| ())
	}
}

impl<T: Config> Coverage<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn is_active_member(who: &T::AccountId) -> bool {
		Members::<T>::get(who).is_some_and(|m| m.status == MemberStatus::Active)
	}

	fn coverage(who: &T::AccountId) -> BalanceOf<T> {
		Members::<T>::get(who).map(|m| m.coverage()).unwrap_or_default()
	}
}
