//! Benchmarks of the pallet's calls and of what the precompile does here, each at its worst
//! case.

use super::*;
use crate::Pallet as ContractCommitments;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use poruka_primitives::{ClaimOutcome, ClaimOutcomeHandler, ClaimSubject, Coverage};
use sp_runtime::traits::{One, Saturating};

/// An active member with `coverage`, made by the runtime.
fn member<T: Config>(name: &'static str, coverage: u32) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::make_covered_member(&who, coverage.into());
	if T::Coverage::is_active_member(&who) && T::Coverage::coverage(&who) >= coverage.into() {
		Ok(who)
	} else {
		Err(BenchmarkError::Stop("the runtime cannot make a covered member for benchmarks"))
	}
}

/// The contract at address `[n; 20]`.
fn contract(n: u8) -> H160 {
	H160::repeat_byte(n)
}

/// A block within the commit period.
fn until<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(One::one())
}

/// `who` committed 1 to each of the most contracts but one.
fn fill<T: Config>(who: &T::AccountId) -> Result<(), BenchmarkError> {
	for n in 1..T::MaxContractsPerMember::get() {
		ContractCommitments::<T>::do_commit(who, contract(n as u8), 1u32.into(), until::<T>())
			.map_err(|_| BenchmarkError::Stop("commits"))?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A commitment to one more contract, the last a member may have.
	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let who = member::<T>("member", 1_000_000)?;
		fill::<T>(&who)?;
		#[block]
		{
			ContractCommitments::<T>::do_commit(&who, contract(0), 10u32.into(), until::<T>())
				.map_err(|_| BenchmarkError::Stop("commits"))?;
		}
		assert_eq!(Totals::<T>::get(&who).contracts, T::MaxContractsPerMember::get());
		Ok(())
	}

	/// A commitment released in full (and removed).
	#[benchmark]
	fn release() -> Result<(), BenchmarkError> {
		let who = member::<T>("member", 1_000_000)?;
		fill::<T>(&who)?;
		ContractCommitments::<T>::do_commit(&who, contract(0), 10u32.into(), until::<T>())
			.map_err(|_| BenchmarkError::Stop("commits"))?;
		#[block]
		{
			ContractCommitments::<T>::do_release(contract(0), &who, 10u32.into())
				.map_err(|_| BenchmarkError::Stop("releases"))?;
		}
		assert!(MemberCommitments::<T>::get(&who, contract(0)).is_none());
		Ok(())
	}

	/// A commitment let lapse (and removed).
	#[benchmark]
	fn lapse() -> Result<(), BenchmarkError> {
		let who = member::<T>("member", 1_000_000)?;
		fill::<T>(&who)?;
		let until = until::<T>();
		ContractCommitments::<T>::do_commit(&who, contract(0), 10u32.into(), until)
			.map_err(|_| BenchmarkError::Stop("commits"))?;
		frame_system::Pallet::<T>::set_block_number(until.saturating_add(One::one()));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), contract(0));
		assert!(MemberCommitments::<T>::get(&who, contract(0)).is_none());
		Ok(())
	}

	/// A claim filed about a contract (the guarantor pallet's filing is measured there and
	/// added by the caller; it is in this measurement too, for a respondent without guarantors).
	#[benchmark]
	fn file_claim() -> Result<(), BenchmarkError> {
		let claimant = member::<T>("claimant", 1_000_000)?;
		let respondent = member::<T>("respondent", 1_000_000)?;
		ContractCommitments::<T>::do_commit(&respondent, contract(0), 10u32.into(), until::<T>())
			.map_err(|_| BenchmarkError::Stop("commits"))?;
		#[block]
		{
			ContractCommitments::<T>::do_file_claim(
				contract(0),
				&claimant,
				&respondent,
				10u32.into(),
				b"evidence",
			)
			.map_err(|_| BenchmarkError::Stop("files"))?;
		}
		assert_eq!(ContractClaims::<T>::iter().count(), 1);
		Ok(())
	}

	/// An upheld claim about a contract settles the whole commitment (removed).
	#[benchmark]
	fn on_claim_final() -> Result<(), BenchmarkError> {
		let claimant = member::<T>("claimant", 1_000_000)?;
		let respondent = member::<T>("respondent", 1_000_000)?;
		ContractCommitments::<T>::do_commit(&respondent, contract(0), 10u32.into(), until::<T>())
			.map_err(|_| BenchmarkError::Stop("commits"))?;
		let claim = ContractCommitments::<T>::do_file_claim(
			contract(0),
			&claimant,
			&respondent,
			10u32.into(),
			b"",
		)
		.map_err(|_| BenchmarkError::Stop("files"))?;
		let outcome = ClaimOutcome::Upheld {
			amount: 10u32.into(),
			compensated: 10u32.into(),
			force_majeure: false,
		};
		#[block]
		{
			<ContractCommitments<T> as ClaimOutcomeHandler<T::Balance>>::on_claim_final(
				claim,
				Some(ClaimSubject::Contract(contract(0))),
				outcome,
			);
		}
		assert!(MemberCommitments::<T>::get(&respondent, contract(0)).is_none());
		Ok(())
	}

	/// What the precompile reads of a member: whether it is active, its coverage and its free
	/// coverage.
	#[benchmark]
	fn read_coverage() -> Result<(), BenchmarkError> {
		let who = member::<T>("member", 1_000_000)?;
		fill::<T>(&who)?;
		#[block]
		{
			let active = T::Coverage::is_active_member(&who);
			let coverage = T::Coverage::coverage(&who);
			let free = ContractCommitments::<T>::free_coverage(&who);
			assert!(active && coverage >= free);
		}
		Ok(())
	}

	impl_benchmark_test_suite!(ContractCommitments, crate::mock::new_test_ext(), crate::mock::Test);
}
