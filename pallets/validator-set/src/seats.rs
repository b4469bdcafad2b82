//! Seating and unseating validators, and what must always hold of the seats.

use frame_support::{ensure, traits::Contains};
use sp_runtime::DispatchResult;

use crate::{Config, Error, Event, Pallet, Planned, Validators};

impl<T: Config> Pallet<T> {
	/// Seats `who`: an active member, not seated yet, with room in the set.
	pub fn do_add(who: T::AccountId) -> DispatchResult {
		ensure!(T::ActiveMembers::contains(&who), Error::<T>::NotActiveMember);
		Validators::<T>::try_mutate(|validators| {
			let at = validators.binary_search(&who).err().ok_or(Error::<T>::AlreadyValidator)?;
			validators.try_insert(at, who.clone()).map_err(|_| Error::<T>::TooManyValidators)
		})?;
		Self::deposit_event(Event::ValidatorAdded { who });
		Ok(())
	}

	/// Unseats `who`, unless it is the last validator.
	pub fn do_remove(who: &T::AccountId) -> DispatchResult {
		Validators::<T>::try_mutate(|validators| {
			let at = validators.binary_search(who).map_err(|_| Error::<T>::NotValidator)?;
			ensure!(validators.len() > 1, Error::<T>::LastValidator);
			validators.remove(at);
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::ValidatorRemoved { who: who.clone() });
		Ok(())
	}

	/// What must hold between blocks: the seats and the plan are sorted and distinct, and a
	/// chain with a plan has a validator seated. Every validator of the current or planned
	/// session that is no longer an active member, or no longer seated, leaves at the next
	/// boundary by construction: each plan is made there from the seats, keeping only active
	/// members ([`SessionManager::new_session`]).
	///
	/// [`SessionManager::new_session`]: pallet_session::SessionManager::new_session
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let sorted = |list: &[T::AccountId]| list.windows(2).all(|pair| pair[0] < pair[1]);
		let validators = Validators::<T>::get();
		ensure!(sorted(&validators), "the validators are sorted and distinct");
		let planned = Planned::<T>::get();
		ensure!(sorted(&planned), "the plan is sorted and distinct");
		ensure!(
			planned.is_empty() || !validators.is_empty(),
			"a chain with sessions always has a validator seated"
		);
		Ok(())
	}
}
