//! The sessions: how long one lasts, and which validators `pallet-session` gets for each.

use alloc::vec::Vec;
use core::marker::PhantomData;

use frame_support::{
	traits::{Contains, Get},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::SessionManager;
use sp_staking::SessionIndex;

use crate::{Config, Event, Pallet, Period, Planned, Validators, DEFAULT_SESSION_PERIOD};

/// The session length in blocks, as stored at genesis: the `Period` of
/// `pallet_session::PeriodicSessions`.
pub struct SessionPeriod<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for SessionPeriod<T> {
	fn get() -> BlockNumberFor<T> {
		Period::<T>::get().unwrap_or_else(|| DEFAULT_SESSION_PERIOD.into())
	}
}

impl<T: Config> Pallet<T> {
	/// Drops the seated validators that are no longer active members, then plans the rest for
	/// session `index`: `None` if that changes nothing, or if no one is left (the sessions then
	/// keep the validators they have: the chain must not stop).
	fn plan(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		let seated = Validators::<T>::get();
		let planned = Planned::<T>::get();
		let (staying, leaving): (Vec<_>, Vec<_>) =
			seated.into_iter().partition(T::ActiveMembers::contains);
		if staying.is_empty() {
			if !leaving.is_empty() || !planned.is_empty() {
				log::warn!(
					target: "runtime::validator-set",
					"no seated validator is an active member: session {index} keeps the last set"
				);
				Self::deposit_event(Event::NoActiveValidators { session: index });
			}
			return None;
		}
		if !leaving.is_empty() {
			// `staying` is a subset of a bounded, sorted list: it fits and stays sorted.
			Validators::<T>::put(BoundedVec::truncate_from(staying.clone()));
			for who in leaving {
				Self::deposit_event(Event::ValidatorDropped { who });
			}
		}
		if planned.as_slice() == staying.as_slice() {
			return None;
		}
		Planned::<T>::put(BoundedVec::truncate_from(staying.clone()));
		Self::deposit_event(Event::ValidatorsPlanned {
			session: index,
			validators: staying.clone(),
		});
		Some(staying)
	}
}

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan(new_index)
	}

	/// The genesis validators, as seated (`None` if none are: the session pallet's genesis
	/// keys decide).
	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		let validators = Validators::<T>::get();
		if validators.is_empty() {
			return None;
		}
		Planned::<T>::put(validators.clone());
		Some(validators.into_inner())
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}
