//! FRAME benchmarks (v2) of every call and of the deadline hook, each in its worst case.
//!
//! Run them with `scripts/benchmark.sh`, which writes `weights.rs`.

use super::*;
use crate::Pallet as Guarantor;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Hooks, SortedMembers};
use frame_system::RawOrigin;
use poruka_primitives::ClaimView;
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

/// A claimant with a tree as deep and wide as a respondent's from [`tree`], on founders of
/// its own.
fn claimant_tree<T: Config>(levels: u32, width: u32) -> T::AccountId {
	let mut above: Vec<T::AccountId> = (0..width).map(|i| founder::<T>(2_000 + i)).collect();
	for level in 1..levels {
		let names =
			["ctree1", "ctree2", "ctree3", "ctree4", "ctree5", "ctree6", "ctree7", "ctree8"];
		let name = names[(level as usize).min(names.len() - 1)];
		above = (0..width).map(|i| ward::<T>(name, i, &above)).collect();
	}
	ward::<T>("claimant", 0, &above)
}

/// Leaves `guarantor`'s guarantee for `ward` at one unit below `MinGuarantee`, as a payout
/// would (the rest of its hold released), so that it no longer counts.
fn deplete<T: Config>(guarantor: &T::AccountId, ward: &T::AccountId) {
	use frame_support::traits::{fungible::MutateHold, tokens::Precision};
	let mut guarantee = Guarantees::<T>::get(ward, guarantor).expect("a guarantee");
	let left = T::MinGuarantee::get().saturating_sub(1u32.into());
	let before = Guarantor::<T>::contribution(&guarantee, false);
	T::Currency::release(
		&HoldReason::Guarantee.into(),
		guarantor,
		guarantee.amount.saturating_sub(left),
		Precision::Exact,
	)
	.expect("held");
	guarantee.amount = left;
	let mut record = Members::<T>::get(ward).expect("a member");
	Guarantor::<T>::recount(
		ward,
		&mut record,
		before,
		Guarantor::<T>::contribution(&guarantee, false),
	)
	.expect("recounts");
	Guarantees::<T>::insert(ward, guarantor, guarantee);
	Members::<T>::insert(ward, record);
}

/// Files a claim of `amount` by `claimant` against `respondent`, contested with a
/// counter-claim of `amount` if `counter` (so that both sides are seated and liable), and
/// escalates it by timeouts until it sits at `level`.
fn claim_at_level<T: Config>(
	claimant: &T::AccountId,
	respondent: &T::AccountId,
	amount: BalanceOf<T>,
	level: u32,
	counter: bool,
) -> ClaimId {
	let id = Guarantor::<T>::do_file_claim(claimant, respondent, amount, &[], None, true)
		.expect("the claim is valid");
	if counter {
		Guarantor::<T>::do_contest(respondent, id, Some(amount)).expect("contests");
	}
	while Claims::<T>::get(id).expect("filed").level() < level {
		let mut claim = Claims::<T>::get(id).expect("filed");
		Guarantor::<T>::escalate(id, &mut claim, EscalationReason::Timeout).expect("escalates");
		Claims::<T>::insert(id, claim);
	}
	id
}

/// Seats `MaxArbiters` council members, founders in good standing who have no part in any
/// claim the benchmarks file, so that a claim entering arbitration seats the most arbiters it
/// can (reading each one's membership).
fn full_council<T: Config>() {
	for i in 0..T::MaxArbiters::get() {
		let arbiter: T::AccountId = account("arbiter", i, 0);
		if !Members::<T>::contains_key(&arbiter) {
			let arbiter = funded::<T>("arbiter", i);
			Guarantor::<T>::do_add_founder(&arbiter).expect("a new founder");
		}
		if !T::Arbiters::contains(&arbiter) {
			T::Arbiters::add(&arbiter);
		}
	}
}

/// Files a claim against a ward of as many founders as a panel seats; returns the claim
/// and its level-1 panel. If `strike`, the panel's last seat has a strike, which its vote
/// takes off.
fn voting_claim<T: Config>(strike: bool) -> (ClaimId, Vec<T::AccountId>) {
	let givers = founders::<T>(T::MaxPanelSize::get().min(T::MaxGuarantors::get()));
	let respondent = ward::<T>("respondent", 0, &givers);
	let id =
		Guarantor::<T>::do_file_claim(&claimant::<T>(), &respondent, stake::<T>(), &[], None, true)
			.expect("files");
	let panel: Vec<T::AccountId> = Claims::<T>::get(id)
		.and_then(|c| c.panel().cloned())
		.expect("a panel")
		.iter()
		.map(|p| p.who.clone())
		.collect();
	if strike {
		let last = panel.last().expect("a panel has seats");
		Members::<T>::mutate(last, |m| {
			let m = m.as_mut().expect("a member");
			m.strikes = 1;
			m.strikes_lapse_at = Some(frame_system::Pallet::<T>::block_number());
		});
	}
	(id, panel)
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

	/// The top-up of a depleted guarantee that reinstates its ward.
	#[benchmark]
	fn increase_guarantee() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let ward = ward::<T>("ward", 0, &givers);
		deplete::<T>(&givers[0], &ward);
		assert_eq!(Members::<T>::get(&ward).map(|m| m.status), Some(MemberStatus::Suspended));
		#[extrinsic_call]
		_(RawOrigin::Signed(givers[0].clone()), ward.clone(), stake::<T>());
		assert_eq!(Members::<T>::get(&ward).map(|m| m.status), Some(MemberStatus::Active));
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
	/// respondent is a member), every one of them made liable.
	#[benchmark]
	fn file_claim(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let givers = founders::<T>(g);
		let respondent = ward::<T>("respondent", 0, &givers);
		let claimant = claimant::<T>();
		let evidence = BoundedVec::truncate_from(vec![7u8; T::MaxEvidenceLen::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), respondent, stake::<T>(), evidence, Some(1));
		assert_eq!(
			Liabilities::<T>::get(0, (Side::Respondent, 1u32)).map(|l| l.len() as u32),
			Some(g)
		);
	}

	/// A respondent at level `l` of a claim pays it in full from its deposit: the claim is
	/// final and the liabilities of every level are released.
	#[benchmark]
	fn acknowledge(l: Linear<1, { T::MaxEscalationLevels::get() }>) {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let (_, respondent) = tree::<T>(l, width);
		let amount = stake::<T>();
		Guarantor::<T>::do_deposit(&respondent, amount).expect("deposits");
		let claimant = claimant::<T>();
		let id = claim_at_level::<T>(&claimant, &respondent, amount, l, false);
		#[extrinsic_call]
		_(RawOrigin::Signed(respondent), id, false);
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_final()));
	}

	/// A respondent pays part of a claim from its deposit and all its free balance; the rest
	/// goes on.
	#[benchmark]
	fn acknowledge_partial() {
		let givers = founders::<T>(T::MinGuarantors::get());
		let respondent = ward::<T>("respondent", 0, &givers);
		Guarantor::<T>::do_deposit(&respondent, stake::<T>()).expect("deposits");
		let id = Guarantor::<T>::do_file_claim(
			&claimant::<T>(),
			&respondent,
			plenty::<T>().saturating_mul(2u32.into()),
			&[],
			None,
			true,
		)
		.expect("files");
		#[extrinsic_call]
		acknowledge(RawOrigin::Signed(respondent), id, true);
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase == ClaimPhase::Open));
	}

	/// The respondent counter-claims against a claimant with `g` eligible guarantors: every
	/// one made liable, and the level-1 panel formed again with both sides.
	#[benchmark]
	fn contest(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let givers = founders::<T>(T::MaxPanelSize::get().min(T::MaxGuarantors::get()));
		let respondent = ward::<T>("respondent", 0, &givers);
		let claimant_givers: Vec<_> = (0..g).map(|i| founder::<T>(100 + i)).collect();
		let claimant = ward::<T>("claimant", 0, &claimant_givers);
		let id =
			Guarantor::<T>::do_file_claim(&claimant, &respondent, stake::<T>(), &[], None, true)
				.expect("files");
		#[extrinsic_call]
		_(RawOrigin::Signed(respondent), id, Some(stake::<T>()));
		assert!(Claims::<T>::get(id).is_some_and(|c| c.counter_claim().is_some()));
	}

	/// The vote that settles the level (here: decides it, the claim's deadline moving to the
	/// end of the appeal window), by the panel's last seat after a bare majority minus one
	/// voted the same; `s` is 1 when the vote takes a strike off the voter.
	#[benchmark]
	fn vote(s: Linear<0, 1>) {
		let (id, panel) = voting_claim::<T>(s == 1);
		let majority = panel.len() / 2 + 1;
		let verdict = Verdict::Uphold { amount: stake::<T>(), force_majeure: false };
		for who in panel.iter().take(majority - 1) {
			Guarantor::<T>::do_vote(who, id, verdict).expect("votes");
		}
		let decider = panel.last().expect("a panel has seats").clone();
		#[extrinsic_call]
		vote(RawOrigin::Signed(decider.clone()), id, verdict);
		assert!(Claims::<T>::get(id).is_some_and(|c| matches!(c.phase, ClaimPhase::Decided { .. })));
		assert_eq!(Members::<T>::get(&decider).map(|m| m.strikes), Some(0));
	}

	/// A vote that leaves the level waiting for more, by the panel's last seat with all but one
	/// other seat voted, split so that no majority forms (the most a tally counts without
	/// deciding); `s` as in `vote`.
	#[benchmark]
	fn vote_pending(s: Linear<0, 1>) {
		let (id, panel) = voting_claim::<T>(s == 1);
		let split = |i: usize| {
			if i.is_multiple_of(2) {
				Verdict::Uphold { amount: stake::<T>(), force_majeure: false }
			} else {
				Verdict::Reject
			}
		};
		let seats = panel.len();
		for (i, who) in panel.iter().enumerate().take(seats.saturating_sub(2)) {
			Guarantor::<T>::do_vote(who, id, split(i)).expect("votes");
		}
		let voter = panel.last().expect("a panel has seats").clone();
		#[extrinsic_call]
		vote(RawOrigin::Signed(voter.clone()), id, split(seats.saturating_sub(2)));
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_voting()));
		assert_eq!(Members::<T>::get(&voter).map(|m| m.strikes), Some(0));
	}

	/// The arbiter vote that makes a majority of `MaxArbiters` arbiters (and brings the claim's
	/// deadline to the next block).
	#[benchmark]
	fn vote_in_arbitration() {
		full_council::<T>();
		// A claim against a founder goes straight to arbitration.
		let respondent = founder::<T>(0);
		let id = Guarantor::<T>::do_file_claim(
			&claimant::<T>(),
			&respondent,
			stake::<T>(),
			&[],
			None,
			true,
		)
		.expect("files");
		let arbiters: Vec<T::AccountId> = crate::Arbitrations::<T>::get(id)
			.expect("in arbitration")
			.arbiters
			.iter()
			.map(|a| a.who.clone())
			.collect();
		assert!(arbiters.len() >= 2, "the council seats at least two arbiters");
		let majority = arbiters.len() / 2 + 1;
		let verdict = Verdict::Uphold { amount: stake::<T>(), force_majeure: false };
		for arbiter in arbiters.iter().take(majority - 1) {
			Guarantor::<T>::do_vote(arbiter, id, verdict).expect("votes");
		}
		let decider = arbiters[majority - 1].clone();
		#[extrinsic_call]
		vote(RawOrigin::Signed(decider), id, verdict);
		assert!(crate::Arbitrations::<T>::get(id).is_some_and(|a| a.decision == Some(verdict)));
	}

	/// A claim enters arbitration (the most a call or a deadline adds when it sends a claim to
	/// the arbiters): the liabilities of both sides at every depth are read, and `MaxArbiters`
	/// council members, none involved, are seated and indexed.
	#[benchmark]
	fn open_arbitration() -> Result<(), BenchmarkError> {
		full_council::<T>();
		let l = T::MaxEscalationLevels::get();
		let width = T::MaxPanelSize::get()
			.min(T::MaxGuarantors::get())
			.min(T::MaxWards::get())
			.max(T::MinGuarantors::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant_tree::<T>(l, width);
		let id = claim_at_level::<T>(&claimant, &respondent, stake::<T>(), l, true);
		let mut claim = Claims::<T>::get(id).expect("filed");
		ensure!(claim.phase.is_voting(), BenchmarkError::Stop("the claim is still before a panel"));
		#[block]
		{
			Guarantor::<T>::transition(id, &mut claim, ClaimPhase::Arbitration)?;
		}
		let seated = crate::Arbitrations::<T>::get(id).map(|a| a.arbiters.len() as u32);
		assert_eq!(seated, Some(T::MaxArbiters::get()));
		Ok(())
	}

	/// An appeal that forms the next level from `g` guarantors of every panelist.
	#[benchmark]
	fn appeal(g: Linear<{ T::MinGuarantors::get() }, { T::MaxGuarantors::get() }>) {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get());
		let top = founders::<T>(g);
		let panelists: Vec<_> = (0..width).map(|i| ward::<T>("panelist", i, &top)).collect();
		let respondent = ward::<T>("respondent", 0, &panelists);
		let claimant = claimant::<T>();
		let id =
			Guarantor::<T>::do_file_claim(&claimant, &respondent, stake::<T>(), &[], None, true)
				.expect("files");
		all_vote::<T>(id, Verdict::Reject);
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id);
		assert!(Claims::<T>::get(id)
			.is_some_and(|c| c.level() == 2 || c.phase == ClaimPhase::Arbitration));
	}

	/// The arbiter upholds a counter-claimed claim that reached level `l` with both sides
	/// seated: paid from every level of the respondent's side, and both sides' liabilities
	/// released.
	#[benchmark]
	fn resolve(l: Linear<1, { T::MaxEscalationLevels::get() }>) -> Result<(), BenchmarkError> {
		let origin =
			T::ArbiterOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant_tree::<T>(l, width);
		let amount = plenty::<T>() / 4u32.into();
		let id = claim_at_level::<T>(&claimant, &respondent, amount, l, true);
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
		let id = Guarantor::<T>::do_file_claim(
			&claimant::<T>(),
			&respondent,
			stake::<T>(),
			&[],
			None,
			true,
		)
		.expect("files");
		all_vote::<T>(id, Verdict::Uphold { amount: stake::<T>(), force_majeure: false });
		let due =
			Claims::<T>::get(id).and_then(|c| c.deadline_block()).expect("a decision deadline");
		DeadlineCursor::<T>::put(due);
		Guarantor::<T>::on_initialize(due);
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
			strike_lapse: 50u32.into(),
			retention: 120u32.into(),
			arbitration_period: 30u32.into(),
		};
		let origin =
			T::TimingOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, timing);
		assert_eq!(CurrentTiming::<T>::get(), Some(timing));
		Ok(())
	}

	#[benchmark]
	fn change_timing() -> Result<(), BenchmarkError> {
		let changes = Timing {
			decision_period: Some(12u32.into()),
			appeal_period: None,
			unbonding_period: None,
			revocation_notice: None,
			strike_lapse: None,
			retention: Some(100u32.into()),
			arbitration_period: None,
		};
		let expected = Guarantor::<T>::timing().changed_by(&changes).expect("a change");
		let origin =
			T::TimingOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, changes);
		assert_eq!(CurrentTiming::<T>::get(), Some(expected));
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

	/// One due deadline: a counter-claimed decision at level `l` with `p` panelists per level
	/// and side becomes final, is paid from every level of the respondent's side, and releases
	/// both sides' liabilities.
	#[benchmark]
	fn on_initialize_claim(
		p: Linear<1, { T::MaxPanelSize::get() }>,
		l: Linear<1, { T::MaxEscalationLevels::get() }>,
	) {
		let width =
			p.min(T::MaxGuarantors::get()).min(T::MaxWards::get()).max(T::MinGuarantors::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant_tree::<T>(l, width);
		let amount = plenty::<T>() / 4u32.into();
		let id = claim_at_level::<T>(&claimant, &respondent, amount, l, true);
		all_vote::<T>(id, Verdict::Uphold { amount, force_majeure: false });
		let due =
			Claims::<T>::get(id).and_then(|c| c.deadline_block()).expect("a decision deadline");
		DeadlineCursor::<T>::put(due);
		#[block]
		{
			Guarantor::<T>::on_initialize(due);
		}
		assert!(Claims::<T>::get(id).is_some_and(|c| c.phase.is_final()));
	}

	/// One due deadline: a level-1 panel of `p` stays silent and each panelist, struck out by
	/// it, has `w` wards whose membership is counted again; the claim climbs to the
	/// panelists' guarantors.
	#[benchmark]
	fn on_initialize_timeout(
		p: Linear<1, { T::MaxPanelSize::get() }>,
		w: Linear<1, { T::MaxWards::get() - 1 }>,
	) {
		let width = p.min(T::MaxGuarantors::get()).max(T::MinGuarantors::get());
		let top = founders::<T>(T::MaxGuarantors::get().min(T::MaxWards::get() - 1));
		let panelists: Vec<_> = (0..width).map(|i| ward::<T>("panelist", i, &top)).collect();
		let respondent = ward::<T>("respondent", 0, &panelists);
		for (i, panelist) in panelists.iter().enumerate() {
			for j in 1..w {
				let other = funded::<T>("other", (i as u32) * 1_000 + j);
				Guarantor::<T>::do_vouch(panelist, &other, stake::<T>()).expect("vouches");
			}
			Members::<T>::mutate(panelist, |m| {
				let m = m.as_mut().expect("a member");
				m.strikes = T::MaxStrikes::get().saturating_sub(1);
				m.strikes_lapse_at = Some(frame_system::Pallet::<T>::block_number());
			});
		}
		let id = Guarantor::<T>::do_file_claim(
			&claimant::<T>(),
			&respondent,
			stake::<T>(),
			&[],
			None,
			true,
		)
		.expect("files");
		let due =
			Claims::<T>::get(id).and_then(|c| c.deadline_block()).expect("a decision deadline");
		DeadlineCursor::<T>::put(due);
		#[block]
		{
			Guarantor::<T>::on_initialize(due);
		}
		assert!(Claims::<T>::get(id).is_some_and(|c| c.level() == 2));
		assert!(Guarantor::<T>::is_struck_out(
			&Members::<T>::get(&panelists[0]).expect("a member")
		));
	}

	/// A struck-out member whose strikes lapsed, with `w` wards counted again.
	#[benchmark]
	fn clear_strikes(w: Linear<1, { T::MaxWards::get() }>) {
		let givers = founders::<T>(T::MinGuarantors::get());
		let who = ward::<T>("struck", 0, &givers);
		for i in 0..w {
			let other = funded::<T>("other", i);
			Guarantor::<T>::do_vouch(&who, &other, stake::<T>()).expect("vouches");
		}
		let now = frame_system::Pallet::<T>::block_number();
		for _ in 0..T::MaxStrikes::get() {
			Guarantor::<T>::strike(&who, 0).expect("strikes");
		}
		let lapse = Members::<T>::get(&who).and_then(|m| m.strikes_lapse_at).expect("lapses");
		frame_system::Pallet::<T>::set_block_number(lapse.max(now));
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), who.clone());
		assert_eq!(Members::<T>::get(&who).map(|m| m.strikes), Some(0));
	}

	/// A final claim that reached level `l` with full panels and `MaxArbiters` arbiters,
	/// pruned from state.
	#[benchmark]
	fn prune_claim(l: Linear<1, { T::MaxEscalationLevels::get() }>) {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let (_, respondent) = tree::<T>(l, width);
		let claimant = claimant::<T>();
		full_council::<T>();
		let id = claim_at_level::<T>(&claimant, &respondent, stake::<T>(), l, false);
		let mut claim = Claims::<T>::get(id).expect("filed");
		if claim.phase != ClaimPhase::Arbitration {
			Guarantor::<T>::transition(id, &mut claim, ClaimPhase::Arbitration).expect("allowed");
			Claims::<T>::insert(id, claim);
		}
		Guarantor::<T>::do_resolve(id, Verdict::Reject).expect("resolves");
		let at = frame_system::Pallet::<T>::block_number()
			.saturating_add(Guarantor::<T>::timing().retention);
		PruningCursor::<T>::put(at);
		#[block]
		{
			Guarantor::<T>::on_idle(at, Weight::MAX);
		}
		assert!(!Claims::<T>::contains_key(id));
	}

	/// What a contract reads of a claim through the Poruka precompile (`claimStatus`): a claim
	/// at the last level.
	#[benchmark]
	fn claim_summary() {
		let width = T::MaxPanelSize::get().min(T::MaxGuarantors::get()).min(T::MaxWards::get());
		let levels = T::MaxEscalationLevels::get();
		let (_, respondent) = tree::<T>(levels, width);
		let claimant = claimant::<T>();
		let id = claim_at_level::<T>(&claimant, &respondent, stake::<T>(), levels, false);
		let summary;
		#[block]
		{
			summary = <Guarantor<T> as ClaimView<T::AccountId, BalanceOf<T>>>::claim_summary(id);
		}
		assert_eq!(summary.map(|s| s.level), Some(levels));
	}

	impl_benchmark_test_suite!(
		Guarantor,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
