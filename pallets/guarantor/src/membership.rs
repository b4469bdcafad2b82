//! Members and the guarantor tree: founders, guarantees, deposits, admission and suspension,
//! leaving.
//!
//! What a guarantee adds to its ward is computed in one place, [`Pallet::contribution`]: a
//! live guarantee of at least `MinGuarantee` counts toward the ward's coverage (`backing`),
//! and toward its membership (`live_guarantors`) unless its guarantor is struck out. Every
//! change to a guarantee takes its old contribution off and puts its new one on
//! ([`Pallet::recount`]).

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
	BalanceOf, Config, Error, Event, Guarantee, GuaranteeOf, Guarantees, HoldReason, MemberCount,
	MemberOf, MemberRecord, MemberStatus, Members, Pallet, Unbonding, UnbondingChunk, Wards,
};

/// What one guarantee adds to its ward's counters.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Contribution<Balance> {
	/// Whether it counts toward the ward's membership (`live_guarantors`).
	pub membership: bool,
	/// What it adds to the ward's coverage (`backing`).
	pub backing: Balance,
}

impl<T: Config> Pallet<T> {
	/// Makes `who` a founder: active, with no guarantors.
	pub fn do_add_founder(who: &T::AccountId) -> DispatchResult {
		ensure!(!Members::<T>::contains_key(who), Error::<T>::AlreadyMember);
		let now = frame_system::Pallet::<T>::block_number();
		Members::<T>::insert(who, MemberRecord::new(MemberStatus::Active, true, now));
		Self::count_status(None, Some(MemberStatus::Active));
		Self::deposit_event(Event::FounderAdded { who: who.clone() });
		Ok(())
	}

	/// Moves one member record from status `from` to `to` in [`MemberCount`] (`None`: no
	/// record). Called wherever a record is created, changes status or is removed.
	pub(crate) fn count_status(from: Option<MemberStatus>, to: Option<MemberStatus>) {
		if from == to {
			return;
		}
		MemberCount::<T>::mutate(|counts| {
			if let Some(from) = from {
				let count = counts.of(from);
				match count.checked_sub(1) {
					Some(left) => *count = left,
					None => {
						frame_support::defensive!("a member status count went below zero");
					}
				}
			}
			if let Some(to) = to {
				let count = counts.of(to);
				*count = count.saturating_add(1);
			}
		});
	}

	/// Whether `who` may vouch and sit on panels: active, and not struck out.
	pub fn can_guarantee(member: &MemberOf<T>) -> bool {
		member.status == MemberStatus::Active && !Self::is_struck_out(member)
	}

	/// What `guarantee` adds to its ward, given whether its guarantor is struck out.
	pub fn contribution(
		guarantee: &GuaranteeOf<T>,
		guarantor_struck_out: bool,
	) -> Contribution<BalanceOf<T>> {
		if guarantee.counts(&T::MinGuarantee::get()) {
			Contribution { membership: !guarantor_struck_out, backing: guarantee.amount }
		} else {
			Contribution::default()
		}
	}

	/// Whether `guarantor` is struck out (a guarantor without a record is not).
	pub(crate) fn guarantor_struck_out(guarantor: &T::AccountId) -> bool {
		Members::<T>::get(guarantor).is_some_and(|m| Self::is_struck_out(&m))
	}

	/// Replaces the contribution `before` of one of `ward`'s guarantees by `after` in its
	/// record, and re-evaluates its status. The caller stores the record.
	pub(crate) fn recount(
		ward: &T::AccountId,
		record: &mut MemberOf<T>,
		before: Contribution<BalanceOf<T>>,
		after: Contribution<BalanceOf<T>>,
	) -> DispatchResult {
		if before.membership {
			record.live_guarantors = record.live_guarantors.saturating_sub(1);
		}
		if after.membership {
			record.live_guarantors = record.live_guarantors.saturating_add(1);
		}
		record.backing = record
			.backing
			.saturating_sub(before.backing)
			.checked_add(&after.backing)
			.ok_or(Error::<T>::Overflow)?;
		Self::update_status(ward, record);
		Ok(())
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
		ensure!(!Self::is_struck_out(&giver), Error::<T>::StruckOut);
		ensure!(giver.wards < T::MaxWards::get(), Error::<T>::TooManyWards);
		ensure!(amount >= T::MinGuarantee::get(), Error::<T>::GuaranteeTooSmall);
		ensure!(!Guarantees::<T>::contains_key(ward, guarantor), Error::<T>::AlreadyGuaranteed);

		let now = frame_system::Pallet::<T>::block_number();
		let existing = Members::<T>::get(ward);
		let created = existing.is_none();
		let mut receiver =
			existing.unwrap_or_else(|| MemberRecord::new(MemberStatus::Candidate, false, now));
		ensure!(!receiver.founder, Error::<T>::FounderHasNoGuarantors);
		ensure!(receiver.status != MemberStatus::Leaving, Error::<T>::MemberLeaving);
		ensure!(receiver.guarantors < T::MaxGuarantors::get(), Error::<T>::TooManyGuarantors);

		let guarantee = Guarantee::new(amount, now);
		Self::hold(&HoldReason::Guarantee, guarantor, amount)?;
		if created {
			// Counted as the candidate it is created as, before `recount` may admit it (the
			// call is transactional: a later error undoes the count with the record).
			Self::count_status(None, Some(MemberStatus::Candidate));
		}
		giver.wards = giver.wards.saturating_add(1);
		receiver.guarantors = receiver.guarantors.saturating_add(1);
		Self::deposit_event(Event::Vouched {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			amount,
		});
		// The guarantor is active and not struck out: its guarantee counts in full.
		let contribution = Self::contribution(&guarantee, false);
		Self::recount(ward, &mut receiver, Default::default(), contribution)?;
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Wards::<T>::insert(guarantor, ward, ());
		Members::<T>::insert(guarantor, giver);
		Members::<T>::insert(ward, receiver);
		Ok(())
	}

	/// `guarantor` adds `extra` to its live guarantee for `ward`. A guarantee a payout depleted
	/// below `MinGuarantee` counts again once topped up to it.
	pub fn do_increase_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		extra: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!extra.is_zero(), Error::<T>::ZeroAmount);
		let mut guarantee = Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::NoGuarantee)?;
		ensure!(guarantee.is_live(), Error::<T>::GuaranteeRevoked);
		let Some(mut receiver) = Members::<T>::get(ward) else {
			return Err(Self::broken("a guarantee's ward has no member record").into());
		};
		let struck_out = Self::guarantor_struck_out(guarantor);
		let before = Self::contribution(&guarantee, struck_out);
		let total = guarantee.amount.checked_add(&extra).ok_or(Error::<T>::Overflow)?;
		guarantee.amount = total;
		Self::recount(ward, &mut receiver, before, Self::contribution(&guarantee, struck_out))?;

		Self::hold(&HoldReason::Guarantee, guarantor, extra)?;
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
		let Some(mut receiver) = Members::<T>::get(ward) else {
			return Err(Self::broken("a guarantee's ward has no member record").into());
		};
		let before = Self::contribution(&guarantee, Self::guarantor_struck_out(guarantor));
		let release_at = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::timing().revocation_notice);
		guarantee.release_at = Some(release_at);
		Self::deposit_event(Event::GuaranteeRevoked {
			guarantor: guarantor.clone(),
			ward: ward.clone(),
			release_at,
		});
		Self::recount(ward, &mut receiver, before, Default::default())?;
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Members::<T>::insert(ward, receiver);
		Ok(())
	}

	/// Releases a revoked guarantee whose notice is over and that no open claim holds.
	pub fn do_release_guarantee(guarantor: &T::AccountId, ward: &T::AccountId) -> DispatchResult {
		let guarantee = Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::NoGuarantee)?;
		let release_at = guarantee.release_at.ok_or(Error::<T>::GuaranteeNotRevoked)?;
		ensure!(frame_system::Pallet::<T>::block_number() >= release_at, Error::<T>::NoticeNotOver);
		ensure!(guarantee.liable_claims == 0, Error::<T>::FrozenByOpenClaim);
		let Some(receiver) = Members::<T>::get(ward) else {
			return Err(Self::broken("a guarantee's ward has no member record").into());
		};
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

	/// Removes a guarantee record (its funds already released or paid out, and no open claim
	/// holding it) and updates both sides' counters; removes a leaving ward's record once
	/// nothing is left.
	pub(crate) fn remove_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		guarantee: &GuaranteeOf<T>,
	) -> DispatchResult {
		if guarantee.liable_claims > 0 {
			return Err(Self::broken("a liable guarantee is being removed").into());
		}
		let Some(mut receiver) = Members::<T>::get(ward) else {
			return Err(Self::broken("a guarantee's ward has no member record").into());
		};
		let before = Self::contribution(guarantee, Self::guarantor_struck_out(guarantor));
		receiver.guarantors = receiver.guarantors.saturating_sub(1);
		Self::recount(ward, &mut receiver, before, Default::default())?;
		Guarantees::<T>::remove(ward, guarantor);
		Wards::<T>::remove(guarantor, ward);
		Members::<T>::mutate(guarantor, |giver| {
			if let Some(giver) = giver {
				giver.wards = giver.wards.saturating_sub(1);
			}
		});
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
		ensure!(!member.deposit_frozen(), Error::<T>::FrozenByOpenClaim);
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
		ensure!(!member.deposit_frozen(), Error::<T>::FrozenByOpenClaim);
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
		ensure!(member.open_claims == 0 && member.filed_claims == 0, Error::<T>::HasOpenClaims);
		ensure!(member.wards == 0, Error::<T>::HasWards);
		ensure!(member.debt.is_zero(), Error::<T>::HasDebt);
		ensure!(T::Commitments::committed(who).is_zero(), Error::<T>::HasCommitments);

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
		Self::count_status(Some(member.status), Some(MemberStatus::Leaving));
		member.status = MemberStatus::Leaving;
		Self::deposit_event(Event::MemberLeaving { who: who.clone() });
		Self::store_or_remove(who, member);
		Ok(revoked)
	}

	/// Re-evaluates a member's status after its live guarantees changed, emitting the event
	/// of any change and counting it. Founders and leaving members keep theirs.
	pub(crate) fn update_status(who: &T::AccountId, member: &mut MemberOf<T>) {
		let before = member.status;
		Self::reevaluate_status(who, member);
		Self::count_status(Some(before), Some(member.status));
	}

	/// [`Self::update_status`] without counting: for migrations from before the counts
	/// existed (the version-5 migration counts every record once).
	pub(crate) fn reevaluate_status(who: &T::AccountId, member: &mut MemberOf<T>) {
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
			&& member.countered_claims == 0
			&& member.debt.is_zero();
		if empty {
			Members::<T>::remove(who);
			Self::count_status(Some(member.status), None);
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

	fn is_member(who: &T::AccountId) -> bool {
		Members::<T>::contains_key(who)
	}

	fn coverage(who: &T::AccountId) -> BalanceOf<T> {
		Members::<T>::get(who).map(|m| m.coverage()).unwrap_or_default()
	}
}
