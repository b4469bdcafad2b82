//! FRAME benchmarks (v2) of every call and of the deadline hook, each in its worst case.
//!
//! Run them with `scripts/benchmark.sh`, which writes `weights.rs`.

use super::*;
use crate::Pallet as Guarantor;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Hooks};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, Saturating};

/// A balance large enough for anything a benchmark holds.
fn plenty<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 1_000_000u32.into()
}

/// The guarantee every benchmark guarantor gives.
fn stake<T: Config>() -> BalanceOf<T> {
	T::MinGuarantee::get().saturating_mul(10u32.into())
}

/// A funded account.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

/// A funded founder.
fn founder<T: Config>(index: u32) -> T::AccountId {
	let who = funded::<T>("founder", index);
	Guarantor::<T>::do_add_founder(&who).expect("a new founder");
	who
}

/// `width` funded founders.
fn founders<T: Config>(width: u32) -> Vec<T::AccountId> {
	(0..width).map(|i| founder::<T>(i)).collect()
}

/// A funded account that every account in `guarantors` vouches for (active if there are at
/// least `MinGuarantors`).
fn ward<T: Config>(name: &'static str, index: u32, guarantors: &[T::AccountId]) -> T::AccountId {
	let who = funded::<T>(name, index);
	for g in guarantors {
		Guarantor::<T>::do_vouch(g, &who, stake::<T>()).expect("a valid guarantee");
	}
	who
}

/// A tree `levels` deep above a respondent, `width` wide at every level: each level's members
/// guarantee every member of the level below. Returns the levels, the respondent's guarantors
/// first, and the respondent.
fn tree<T: Config>(levels: u32, width: u32) -> (Vec<Vec<T::AccountId>>, T::AccountId) {
	let mut above = founders::<T>(width);
	let mut built = vec![above.clone()];
	for level in 1..levels {
		let names = ["tree1", "tree2", "tree3", "tree4", "tree5", "tree6", "tree7", "tree8"];
		let name = names[(level as usize).min(names.len() - 1)];
		above = (0..width).map(|i| ward::<T>(name, i, &above)).collect();
		built.push(above.clone());
	}
	built.reverse();
	let respondent = ward::<T>("respondent", 0, &above);
	(built, respondent)
}

/// A claimant: a founder of its own.
fn claimant<T: Config>() -> T::AccountId {
	founder::<T>(1_000)
}

/// Files a claim of `amount` by `claimant` against `respondent` and escalates it by timeouts
/// until it sits at `level`.
fn claim_at_level<T: Config>(
	claimant: &T::AccountId,
	respondent: &T::AccountId,
	amount: BalanceOf<T>,
	level: u32,
) -> ClaimId {
	let id = Guarantor::<T>::do_file_claim(claimant, respondent, amount, &[], None)
		.expect("the claim is valid");
	while Claims::<T>::get(id).expect("filed").level() < level {
		let mut claim = Claims::<T>::get(id).expect("filed");
		Guarantor::<T>::escalate(id, &mut claim, EscalationReason::Timeout).expect("escalates");
		Claims::<T>::insert(id, claim);
	}
	id
}

/// Every panelist of the claim's current level votes `verdict`.
fn all_vote<T: Config>(id: ClaimId, verdict: Verdict<BalanceOf<T>>) {
	let panel = Claims::<T>::get(id).and_then(|c| c.panel().cloned()).expect("a panel");
	for seat in panel.iter() {
		if Claims::<T>::get(id).is_some_and(|c| c.phase.is_voting()) {
			Guarantor::<T>::do_vote(&seat.who, id, verdict).expect("a panelist votes");
		}
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_founder() -> Result<(), BenchmarkError> {
		let origin =
			T::FounderOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Members::<T>::contains_key(&who));
		Ok(())
	}

	/// The guarantee that admits its ward.
	#[benchmark]
	fn vouch() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let (last, first) = givers.split_last().expect("MinGuarantors >= 1");
		let ward = ward::<T>("ward", 0, first);
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), ward.clone(), stake::<T>());
		assert_eq!(Members::<T>::get(&ward).map(|m| m.status), Some(MemberStatus::Active));
	}

	#[benchmark]
	fn increase_guarantee() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let ward = ward::<T>("ward", 0, &givers);
		#[extrinsic_call]
		_(RawOrigin::Signed(givers[0].clone()), ward.clone(), stake::<T>());
		assert_eq!(
			Guarantees::<T>::get(&ward, &givers[0]).map(|g| g.amount),
			Some(stake::<T>().saturating_mul(2u32.into()))
		);
	}

	/// The revocation that suspends its ward.
	#[benchmark]
	fn revoke_guarantee() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let ward = ward::<T>("ward", 0, &givers);
		#[extrinsic_call]
		_(RawOrigin::Signed(givers[0].clone()), ward.clone());
		assert_eq!(Members::<T>::get(&ward).map(|m| m.status), Some(MemberStatus::Suspended));
	}

	#[benchmark]
	fn release_guarantee() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let ward = ward::<T>("ward", 0, &givers);
		Guarantor::<T>::do_revoke_guarantee(&givers[0], &ward).expect("revokes");
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number()
				.saturating_add(Guarantor::<T>::timing().revocation_notice),
		);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), givers[0].clone(), ward.clone());
		assert!(!Guarantees::<T>::contains_key(&ward, &givers[0]));
	}

	#[benchmark]
	fn deposit() {
		let who = founder::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake::<T>());
		assert_eq!(Members::<T>::get(&who).map(|m| m.deposit), Some(stake::<T>()));
	}

	/// With all but one withdrawal slot taken.
	#[benchmark]
	fn withdraw_deposit() {
		let who = founder::<T>(0);
		let chunks = T::MaxUnbondingChunks::get();
		Guarantor::<T>::do_deposit(&who, stake::<T>().saturating_mul(chunks.into()))
			.expect("deposits");
		for _ in 1..chunks {
			Guarantor::<T>::do_withdraw_deposit(&who, stake::<T>()).expect("withdraws");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), stake::<T>());
		assert_eq!(Unbonding::<T>::get(&who).len() as u32, chunks);
	}

	/// Every withdrawal slot due at once.
	#[benchmark]
	fn withdraw_unbonded() {
		let who = founder::<T>(0);
		let chunks = T::MaxUnbondingChunks::get();
		Guarantor::<T>::do_deposit(&who, stake::<T>().saturating_mul(chunks.into()))
			.expect("deposits");
		for _ in 0..chunks {
			Guarantor::<T>::do_withdraw_deposit(&who, stake::<T>()).expect("withdraws");
		}
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number()
				.saturating_add(Guarantor::<T>::timing().unbonding_period),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Unbonding::<T>::get(&who).is_empty());
	}

	/// A member with `g` live guarantees leaves.
	#[benchmark]
	fn leave(g: Linear<1, { T::MaxGuarantors::get() }>) {
		let givers = founders::<T>(g);
		let who = ward::<T>("leaver", 0, &givers);
		Guarantor::<T>::do_deposit(&who, stake::<T>()).expect("deposits");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert_eq!(Members::<T>::get(&who).map(|m| m.status), Some(MemberStatus::Leaving));
	}

	/// Against a respondent with `g` eligible guarantors (at least `MinGuarantors`: a
	/// respondent is a member).
	#[benchmark]
	fn file_claim(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let givers = founders::<T>(g);
		let respondent = ward::<T>("respondent", 0, &givers);
		let claimant = claimant::<T>();
		let evidence = BoundedVec::truncate_from(vec![7u8; T::MaxEvidenceLen::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), respondent, stake::<T>(), evidence, Some(1));
		assert!(Claims::<T>::contains_key(0));
	}

	/// A claim at level `l` paid from the deposit and every level's guarantees.
	#[benchmark]
	fn acknowledge(l: Linear<1, { T::MaxEscalationLevels::get() }>) {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let (_, respondent) = tree::<T>(l, width);
		Guarantor::<T>::do_deposit(&respondent, stake::<T>()).expect("deposits");
		let claimant = claimant::<T>();
		let id = claim_at_level::<T>(&claimant, &respondent, plenty::<T>() / 4u32.into(), l);
		#[extrinsic_call]
		_(RawOrigin::Signed(respondent), id);
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_final()));
	}

	/// The claimant has `g` eligible guarantors.
	#[benchmark]
	fn contest(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let givers = founders::<T>(T::MinGuarantors::get());
		let respondent = ward::<T>("respondent", 0, &givers);
		let claimant_givers: Vec<_> = (0..g).map(|i| founder::<T>(100 + i)).collect();
		let claimant = ward::<T>("claimant", 0, &claimant_givers);
		let id = Guarantor::<T>::do_file_claim(&claimant, &respondent, stake::<T>(), &[], None)
			.expect("files");
		#[extrinsic_call]
		_(RawOrigin::Signed(respondent), id);
		assert!(Claims::<T>::get(id).is_some_and(|c| c.contested));
	}

	/// The vote that decides the level.
	#[benchmark]
	fn vote() {
		let givers = founders::<T>(T::MaxPanelSize::get().min(T::MaxGuarantors::get()));
		let respondent = ward::<T>("respondent", 0, &givers);
		let id =
			Guarantor::<T>::do_file_claim(&claimant::<T>(), &respondent, stake::<T>(), &[], None)
				.expect("files");
		let panel = Claims::<T>::get(id).and_then(|c| c.panel().cloned()).expect("a panel");
		let majority = panel.len() / 2 + 1;
		let verdict = Verdict::Uphold { amount: stake::<T>(), force_majeure: false };
		for seat in panel.iter().take(majority - 1) {
			Guarantor::<T>::do_vote(&seat.who, id, verdict).expect("votes");
		}
		let decider = panel[majority - 1].who.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(decider), id, verdict);
		assert!(Claims::<T>::get(id).is_some_and(|c| matches!(c.phase, ClaimPhase::Decided { .. })));
	}

	/// An appeal that forms the next level from `g` guarantors of every panelist.
	#[benchmark]
	fn appeal(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get());
		let top = founders::<T>(g);
		let panelists: Vec<_> = (0..width).map(|i| ward::<T>("panelist", i, &top)).collect();
		let respondent = ward::<T>("respondent", 0, &panelists);
		let claimant = claimant::<T>();
		let id = Guarantor::<T>::do_file_claim(&claimant, &respondent, stake::<T>(), &[], None)
			.expect("files");
		all_vote::<T>(id, Verdict::Reject);
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id);
		assert!(Claims::<T>::get(id)
			.is_some_and(|c| c.level() == 2 || c.phase == ClaimPhase::Arbitration));
	}

	/// The arbiter upholds a claim that reached level `l`, paid from every level.
	#[benchmark]
	fn resolve(l: Linear<1, { T::MaxEscalationLevels::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant::<T>();
		let amount = plenty::<T>() / 4u32.into();
		let id = claim_at_level::<T>(&claimant, &respondent, amount, l);
		let mut claim = Claims::<T>::get(id).expect("filed");
		if claim.phase != ClaimPhase::Arbitration {
			Guarantor::<T>::transition(id, &mut claim, ClaimPhase::Arbitration).expect("allowed");
			Claims::<T>::insert(id, claim);
		}
		let verdict = Verdict::Uphold { amount, force_majeure: false };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, verdict);
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_final()));
		Ok(())
	}

	#[benchmark]
	fn repay() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let respondent = ward::<T>("respondent", 0, &givers);
		let id =
			Guarantor::<T>::do_file_claim(&claimant::<T>(), &respondent, stake::<T>(), &[], None)
				.expect("files");
		Guarantor::<T>::do_acknowledge(&respondent, id).expect("pays");
		let creditor = givers[0].clone();
		let owed = Debts::<T>::get(&respondent, &creditor).expect("a debt");
		#[extrinsic_call]
		_(RawOrigin::Signed(respondent.clone()), creditor.clone(), owed);
		assert!(!Debts::<T>::contains_key(&respondent, &creditor));
	}

	#[benchmark]
	fn set_timing() -> Result<(), BenchmarkError> {
		let timing = Timing {
			decision_period: 10u32.into(),
			appeal_period: 5u32.into(),
			unbonding_period: 20u32.into(),
			revocation_notice: 20u32.into(),
		};
		let origin =
			T::TimingOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, timing);
		assert_eq!(CurrentTiming::<T>::get(), Some(timing));
		Ok(())
	}

	/// `on_initialize` with nothing due.
	#[benchmark]
	fn on_initialize_base() {
		let now = frame_system::Pallet::<T>::block_number();
		DeadlineCursor::<T>::put(now.saturating_add(1u32.into()));
		#[block]
		{
			Guarantor::<T>::on_initialize(now);
		}
	}

	/// One block's (empty) queue looked at.
	#[benchmark]
	fn on_initialize_block() {
		let now = frame_system::Pallet::<T>::block_number();
		DeadlineCursor::<T>::put(now);
		#[block]
		{
			Guarantor::<T>::on_initialize(now);
		}
		assert_eq!(DeadlineCursor::<T>::get(), now.saturating_add(1u32.into()));
	}

	/// One due deadline: a decision at level `l` with `p` panelists per level becomes final
	/// and is paid from every level.
	#[benchmark]
	fn on_initialize_claim(
		p: Linear<1, { T::MaxPanelSize::get() }>,
		l: Linear<1, { T::MaxEscalationLevels::get() }>,
	) {
		let width =
			p.min(T::MaxGuarantors::get()).min(T::MaxWards::get()).max(T::MinGuarantors::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant::<T>();
		let amount = plenty::<T>() / 4u32.into();
		let id = claim_at_level::<T>(&claimant, &respondent, amount, l);
		all_vote::<T>(id, Verdict::Uphold { amount, force_majeure: false });
		let due = Claims::<T>::get(id).and_then(|c| c.deadline).expect("a decision deadline");
		DeadlineCursor::<T>::put(due);
		#[block]
		{
			Guarantor::<T>::on_initialize(due);
		}
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_final()));
	}

	impl_benchmark_test_suite!(
		Guarantor,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
