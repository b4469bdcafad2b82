//! Benchmarks of the validator set's calls, each at its worst case: the set one short of full
//! (adding) or full (removing), the account at the front so the most entries move.

use super::*;
use crate::Pallet as ValidatorSet;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{Contains, EnsureOrigin, Get};
use poruka_primitives::MakeActiveMember;

/// An account the runtime made an active member.
fn member<T: Config>(name: &'static str, index: u32) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, index, 0);
	T::BenchmarkHelper::make_active_member(&who);
	if T::ActiveMembers::contains(&who) {
		Ok(who)
	} else {
		Err(BenchmarkError::Stop("the runtime cannot make an active member for benchmarks"))
	}
}

/// Seats exactly `n` active members (whoever the genesis seated is unseated); returns them.
fn seat<T: Config>(n: u32) -> Result<Vec<T::AccountId>, BenchmarkError> {
	Validators::<T>::kill();
	let mut seated = Vec::new();
	for i in 0..n {
		let who = member::<T>("validator", i)?;
		ValidatorSet::<T>::do_add(who.clone()).map_err(|_| BenchmarkError::Stop("seats"))?;
		seated.push(who);
	}
	Ok(seated)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Seating a member in a set of `n - 1`.
	#[benchmark]
	fn add_validator(n: Linear<1, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		seat::<T>(n - 1)?;
		let who = member::<T>("candidate", 0)?;
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	/// Unseating the first of `n` validators.
	#[benchmark]
	fn remove_validator(n: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		seat::<T>(n)?;
		let who = Validators::<T>::get()[0].clone();
		let origin =
			T::CouncilOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(ValidatorSet, crate::mock::new_test_ext(), crate::mock::Test);
}
