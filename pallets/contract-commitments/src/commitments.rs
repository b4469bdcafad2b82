//! Commitments: a member commits coverage to a contract's promise, the contract releases it,
//! or it lapses after its block.

use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};
use poruka_primitives::{Commitments, Coverage};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	DispatchError,
};

use crate::{
	BlockNumberFor, Commitment, CommitmentOf, Config, Error, Event, MemberCommitments, Pallet,
	Totals, H160,
};

impl<T: Config> Pallet<T> {
	/// The coverage of `member` that neither agreements nor contracts hold.
	pub fn free_coverage(member: &T::AccountId) -> T::Balance {
		T::Coverage::coverage(member)
			.saturating_sub(T::OtherCommitments::committed(member))
			.saturating_sub(Totals::<T>::get(member).amount)
	}

	/// `member` commits `amount` more of its coverage to `contract` until `until` (a commitment
	/// it has already runs to the later of its block and `until`).
	pub fn do_commit(
		member: &T::AccountId,
		contract: H160,
		amount: T::Balance,
		until: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(T::Coverage::is_active_member(member), Error::<T>::NotActiveMember);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			until > now && until <= now.saturating_add(T::MaxCommitPeriod::get()),
			Error::<T>::BadPeriod
		);
		ensure!(Self::free_coverage(member) >= amount, Error::<T>::InsufficientCoverage);

		let mut total = Totals::<T>::get(member);
		let commitment = match MemberCommitments::<T>::get(member, contract) {
			Some(mut commitment) => {
				commitment.amount =
					commitment.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				commitment.until = commitment.until.max(until);
				commitment
			}
			None => {
				ensure!(
					total.contracts < T::MaxContractsPerMember::get(),
					Error::<T>::TooManyContracts
				);
				total.contracts = total.contracts.saturating_add(1);
				Commitment { amount, until, open_claims: 0, claimed: Zero::zero() }
			}
		};
		total.amount = total.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		MemberCommitments::<T>::insert(member, contract, commitment);
		Totals::<T>::insert(member, total);
		Self::deposit_event(Event::Committed {
			member: member.clone(),
			contract,
			amount,
			total: commitment.amount,
			until: commitment.until,
		});
		Ok(())
	}

	/// `contract` releases `amount` of `member`'s commitment to it.
	pub fn do_release(contract: H160, member: &T::AccountId, amount: T::Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut commitment =
			MemberCommitments::<T>::get(member, contract).ok_or(Error::<T>::NoCommitment)?;
		// What open claims ask for stays committed until they end.
		ensure!(
			amount <= commitment.amount.saturating_sub(commitment.claimed),
			Error::<T>::ExceedsCommitment
		);
		commitment.amount -= amount;
		Self::reduce_total(member, amount)?;
		Self::store(member, contract, commitment);
		Self::deposit_event(Event::Released {
			member: member.clone(),
			contract,
			amount,
			remaining: commitment.amount,
		});
		Ok(())
	}

	/// `member` lets its commitment to `contract` lapse: after its block, with no claim open.
	pub fn do_lapse(member: &T::AccountId, contract: H160) -> DispatchResult {
		let commitment =
			MemberCommitments::<T>::get(member, contract).ok_or(Error::<T>::NoCommitment)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() > commitment.until,
			Error::<T>::NotLapsed
		);
		ensure!(commitment.open_claims == 0, Error::<T>::ClaimOpen);
		Self::reduce_total(member, commitment.amount)?;
		Self::store(member, contract, Commitment { amount: Zero::zero(), ..commitment });
		Self::deposit_event(Event::Lapsed {
			member: member.clone(),
			contract,
			amount: commitment.amount,
		});
		Ok(())
	}

	/// Takes `amount` off `member`'s total.
	pub(crate) fn reduce_total(member: &T::AccountId, amount: T::Balance) -> DispatchResult {
		Totals::<T>::try_mutate(member, |total| {
			total.amount = total.amount.checked_sub(&amount).ok_or_else(|| {
				frame_support::defensive!("a member's total covers each of its commitments");
				DispatchError::from(Error::<T>::Overflow)
			})?;
			Ok(())
		})
	}

	/// Stores `commitment`, or removes it (and counts one contract less) once nothing is
	/// committed and no claim about it is open.
	pub(crate) fn store(member: &T::AccountId, contract: H160, commitment: CommitmentOf<T>) {
		if commitment.amount.is_zero() && commitment.open_claims == 0 {
			MemberCommitments::<T>::remove(member, contract);
			Totals::<T>::mutate_exists(member, |total| {
				if let Some(t) = total {
					t.contracts = t.contracts.saturating_sub(1);
					if t.contracts == 0 {
						if !t.amount.is_zero() {
							frame_support::defensive!("a member with no commitment has none left");
						}
						*total = None;
					}
				}
			});
		} else {
			MemberCommitments::<T>::insert(member, contract, commitment);
		}
	}
}

/// What members have committed to contracts: the guarantor pallet lets none of it walk away.
impl<T: Config> Commitments<T::AccountId, T::Balance> for Pallet<T> {
	fn committed(who: &T::AccountId) -> T::Balance {
		Totals::<T>::get(who).amount
	}
}
