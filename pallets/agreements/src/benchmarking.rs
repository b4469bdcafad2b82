//! FRAME benchmarks (v2) of every call, of the task hook and of applying a claim's outcome,
//! each in its worst case for `o` obligations.
//!
//! Run them with `scripts/benchmark.sh agreements`, which writes `weights.rs`.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Hooks,
};
use frame_system::RawOrigin;
use poruka_primitives::{ClaimOutcome, ClaimOutcomeHandler, ClaimSubject};
use sp_runtime::traits::{Bounded, One, Saturating};

/// A balance large enough for anything a benchmark holds.
fn plenty<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 1_000_000u32.into()
}

/// What each benchmark obligation is worth.
fn unit<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().saturating_mul(10u32.into()).max(1000u32.into())
}

/// A funded active member whose coverage covers any benchmark delivery.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, plenty::<T>());
	T::BenchmarkHelper::make_member(&who, unit::<T>().saturating_mul(1000u32.into()));
	// The helper may have used some of the balance for a deposit; top it up.
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

fn block<T: Config>(n: u32) -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(n.into())
}

fn payment<T: Config>(
	from: &T::AccountId,
	to: &T::AccountId,
	due: u32,
	after: &[u32],
) -> ObligationOf<T> {
	Obligation {
		from: from.clone(),
		to: to.clone(),
		kind: ObligationKind::Payment { amount: unit::<T>() },
		due: block::<T>(due),
		after: BoundedVec::truncate_from(after.to_vec()),
	}
}

fn delivery<T: Config>(from: &T::AccountId, to: &T::AccountId, due: u32) -> ObligationOf<T> {
	Obligation {
		from: from.clone(),
		to: to.clone(),
		kind: ObligationKind::Delivery { value: unit::<T>(), terms_hash: [7u8; 32] },
		due: block::<T>(due),
		after: BoundedVec::new(),
	}
}

/// The dependencies of obligation `i` in the worst case: the `MaxDependencies` before it.
fn deps<T: Config>(i: u32) -> Vec<u32> {
	(i.saturating_sub(T::MaxDependencies::get())..i).collect()
}

/// `list` proposed by `proposer` (accept by block +2) and accepted by every party in `others`.
fn agreement<T: Config>(
	proposer: &T::AccountId,
	others: &[T::AccountId],
	list: Vec<ObligationOf<T>>,
) -> AgreementId {
	let id = Pallet::<T>::do_propose(proposer, BoundedVec::truncate_from(list), block::<T>(2))
		.expect("a valid proposal");
	for other in others {
		Pallet::<T>::do_accept(other, id).expect("a valid acceptance");
	}
	id
}

/// A delivery from `a` to `b` followed by a chain of `o - 1` payments from `b` to `a`, each
/// waiting for the ones before it: releasing or unwinding the first moves them all.
fn chain<T: Config>(a: &T::AccountId, b: &T::AccountId, o: u32) -> Vec<ObligationOf<T>> {
	let mut list = vec![delivery::<T>(a, b, 5)];
	for i in 1..o {
		list.push(payment::<T>(b, a, 6, &deps::<T>(i)));
	}
	list
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A proposal of `o` obligations between two parties, half payments (escrowed for the
	/// proposer) and half deliveries (committed), each with `MaxDependencies` dependencies.
	/// Each further party costs one more index write, charged on top
	/// ([`Pallet::propose_weight`]).
	#[benchmark]
	fn propose(o: Linear<1, { T::MaxObligations::get() }>) {
		let proposer = member::<T>("proposer", 0);
		let other = member::<T>("party", 0);
		let list: Vec<_> = (0..o)
			.map(|i| {
				if i % 2 == 0 {
					payment::<T>(&proposer, &other, 5, &deps::<T>(i))
				} else {
					delivery::<T>(&proposer, &other, 5)
				}
			})
			.collect();
		let list = BoundedVec::truncate_from(list);
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer.clone()), list, block::<T>(2));
		assert!(Agreements::<T>::get(0).is_some());
	}

	/// The last acceptance of `o` obligations the acceptor owes: escrow, commitment,
	/// activation and a task queued for each.
	#[benchmark]
	fn accept(o: Linear<1, { T::MaxObligations::get() }>) {
		let proposer = member::<T>("proposer", 0);
		let acceptor = member::<T>("acceptor", 0);
		let list: Vec<_> = (0..o)
			.map(|i| {
				if i % 2 == 0 {
					payment::<T>(&acceptor, &proposer, 5, &[])
				} else {
					delivery::<T>(&acceptor, &proposer, 5)
				}
			})
			.collect();
		let id = agreement::<T>(&proposer, &[], list);
		#[extrinsic_call]
		_(RawOrigin::Signed(acceptor), id);
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Active));
	}

	/// Confirming a delivery that releases a chain of `o - 1` payments and completes the
	/// agreement.
	#[benchmark]
	fn confirm(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let id = agreement::<T>(&a, core::slice::from_ref(&b), chain::<T>(&a, &b, o));
		#[extrinsic_call]
		_(RawOrigin::Signed(b), id, 0);
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Completed));
	}

	/// Reporting a delivery's default (filing the claim) that unwinds a chain of `o - 1`
	/// payments.
	#[benchmark]
	fn report_default(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let id = agreement::<T>(&a, core::slice::from_ref(&b), chain::<T>(&a, &b, o));
		frame_system::Pallet::<T>::set_block_number(block::<T>(6));
		#[extrinsic_call]
		_(RawOrigin::Signed(b), id, 0);
		let state = Agreements::<T>::get(id).map(|a| a.obligations[0].state);
		assert!(matches!(state, Some(ObligationState::Disputed { .. })));
	}

	/// The last party's cancel, returning the escrow of `o` payments.
	#[benchmark]
	fn cancel(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let list = (0..o).map(|_| payment::<T>(&b, &a, 5, &[])).collect();
		let id = agreement::<T>(&a, core::slice::from_ref(&b), list);
		Pallet::<T>::do_cancel(&a, id).expect("a party may cancel");
		#[extrinsic_call]
		_(RawOrigin::Signed(b), id);
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Cancelled));
	}

	/// The hook with nothing to look at.
	#[benchmark]
	fn on_initialize_base() {
		let now = frame_system::Pallet::<T>::block_number();
		TaskCursor::<T>::put(now.saturating_add(One::one()));
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	/// One block's (empty) queue looked at.
	#[benchmark]
	fn on_initialize_block() {
		let now = frame_system::Pallet::<T>::block_number();
		TaskCursor::<T>::put(now);
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(TaskCursor::<T>::get(), now.saturating_add(One::one()));
	}

	/// A proposal of `o` payments, accepted by their payer but not by the other party,
	/// expiring: its escrow returns.
	#[benchmark]
	fn on_initialize_expire(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let list = (0..o).map(|_| payment::<T>(&a, &b, 5, &[])).collect();
		let id = agreement::<T>(&a, &[], list);
		let due = block::<T>(3);
		TaskCursor::<T>::put(due);
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Expired));
	}

	/// A payment falling due that releases a chain of `o - 1` payments waiting for it and
	/// completes the agreement.
	#[benchmark]
	fn on_initialize_release(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let mut list = vec![payment::<T>(&a, &b, 5, &[])];
		for i in 1..o {
			list.push(payment::<T>(&a, &b, 6, &deps::<T>(i)));
		}
		let id = agreement::<T>(&a, core::slice::from_ref(&b), list);
		let due = block::<T>(5);
		TaskCursor::<T>::put(due);
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Completed));
	}

	/// A delivery's report window ends in silence (its receiver a member able to post the
	/// claim bond, so no pause): it counts as fulfilled and releases the chain of `o - 1`
	/// payments waiting for it.
	#[benchmark]
	fn on_initialize_report_window(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let id = agreement::<T>(&a, core::slice::from_ref(&b), chain::<T>(&a, &b, o));
		let end = Agreements::<T>::get(id)
			.and_then(|a| a.obligations[0].report_by)
			.expect("the delivery's report window");
		frame_system::Pallet::<T>::set_block_number(end);
		TaskCursor::<T>::put(end);
		#[block]
		{
			Pallet::<T>::on_initialize(end);
		}
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Completed));
	}

	/// A rejected default: the delivery counts as fulfilled and the `o - 1` payments it
	/// unwound are escrowed again and released.
	#[benchmark]
	fn on_claim_final(o: Linear<1, { T::MaxObligations::get() }>) {
		let (a, b) = (member::<T>("a", 0), member::<T>("b", 0));
		let id = agreement::<T>(&a, core::slice::from_ref(&b), chain::<T>(&a, &b, o));
		frame_system::Pallet::<T>::set_block_number(block::<T>(6));
		Pallet::<T>::do_report_default(&b, id, 0).expect("the delivery is overdue");
		let Some(ObligationState::Disputed { claim }) =
			Agreements::<T>::get(id).map(|a| a.obligations[0].state)
		else {
			panic!("the delivery is disputed");
		};
		#[block]
		{
			<Pallet<T> as ClaimOutcomeHandler<BalanceOf<T>>>::on_claim_final(
				claim,
				Some(ClaimSubject::Agreement(id)),
				ClaimOutcome::Rejected,
			);
		}
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Completed));
	}

	/// A closed agreement of `MaxObligations` obligations among `MaxParties` parties, pruned
	/// from state and from each party's index.
	#[benchmark]
	fn prune_agreement() {
		let a = member::<T>("a", 0);
		let others: Vec<_> =
			(0..T::MaxParties::get().saturating_sub(1)).map(|i| member::<T>("party", i)).collect();
		let list = (0..T::MaxObligations::get())
			.map(|i| payment::<T>(&a, &others[i as usize % others.len()], 6, &deps::<T>(i)))
			.collect();
		let id = agreement::<T>(&a, &[], list);
		let expiry = block::<T>(3);
		TaskCursor::<T>::put(expiry);
		frame_system::Pallet::<T>::set_block_number(expiry);
		Pallet::<T>::on_initialize(expiry);
		assert_eq!(Agreements::<T>::get(id).map(|a| a.phase), Some(AgreementPhase::Expired));
		let at = expiry.saturating_add(T::Retention::get());
		PruningCursor::<T>::put(at);
		#[block]
		{
			Pallet::<T>::on_idle(at, Weight::MAX);
		}
		assert!(!Agreements::<T>::contains_key(id));
		assert!(!AgreementsByAccount::<T>::contains_key(&a, NewestFirst::new(id)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
