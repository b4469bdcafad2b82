//! Property test: random sequences of calls from many accounts never break an invariant, never
//! panic, never create or destroy money, and never let a guarantee that is liable for an open
//! claim be released or shrink other than by paying a claim.

use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// One step of a random scenario.
#[derive(Clone, Debug)]
enum Step {
	Vouch(AccountId, AccountId, Balance),
	Increase(AccountId, AccountId, Balance),
	Revoke(AccountId, AccountId),
	Release(AccountId, AccountId),
	Deposit(AccountId, Balance),
	Withdraw(AccountId, Balance),
	WithdrawUnbonded(AccountId),
	Leave(AccountId),
	File(AccountId, AccountId, Balance),
	Acknowledge(AccountId, u32, bool),
	Contest(AccountId, u32, Option<Balance>),
	Vote(AccountId, u32, Choice, Balance, bool),
	Appeal(AccountId, u32),
	Resolve(u32, Choice, Balance),
	Repay(AccountId, AccountId, Balance),
	ClearStrikes(AccountId),
	Advance(u64),
}

/// Which verdict a vote or the arbiter gives.
#[derive(Clone, Copy, Debug)]
enum Choice {
	Uphold,
	Reject,
	Counter,
}

fn choice() -> impl Strategy<Value = Choice> {
	prop_oneof![3 => Just(Choice::Uphold), 2 => Just(Choice::Reject), 1 => Just(Choice::Counter)]
}

/// Members and outsiders 1 to 9, and now and then a council member (an arbiter).
fn account() -> impl Strategy<Value = AccountId> {
	prop_oneof![9 => 1u64..=9, 1 => 90u64..=92]
}

fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![1u64..=20, 10u64..=120]
}

fn claim_id() -> impl Strategy<Value = u32> {
	0u32..6
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		4 => (account(), account(), amount()).prop_map(|(g, w, a)| Step::Vouch(g, w, a)),
		1 => (account(), account(), amount()).prop_map(|(g, w, a)| Step::Increase(g, w, a)),
		1 => (account(), account()).prop_map(|(g, w)| Step::Revoke(g, w)),
		1 => (account(), account()).prop_map(|(g, w)| Step::Release(g, w)),
		2 => (account(), amount()).prop_map(|(w, a)| Step::Deposit(w, a)),
		1 => (account(), amount()).prop_map(|(w, a)| Step::Withdraw(w, a)),
		1 => account().prop_map(Step::WithdrawUnbonded),
		1 => account().prop_map(Step::Leave),
		3 => (account(), account(), amount()).prop_map(|(c, r, a)| Step::File(c, r, a)),
		1 => (account(), claim_id(), any::<bool>())
			.prop_map(|(r, id, free)| Step::Acknowledge(r, id, free)),
		1 => (account(), claim_id(), proptest::option::of(amount()))
			.prop_map(|(r, id, c)| Step::Contest(r, id, c)),
		4 => (account(), claim_id(), choice(), amount(), any::<bool>())
			.prop_map(|(w, id, c, a, fm)| Step::Vote(w, id, c, a, fm)),
		1 => (account(), claim_id()).prop_map(|(w, id)| Step::Appeal(w, id)),
		1 => (claim_id(), choice(), amount()).prop_map(|(id, c, a)| Step::Resolve(id, c, a)),
		1 => (account(), account(), amount()).prop_map(|(d, c, a)| Step::Repay(d, c, a)),
		1 => account().prop_map(Step::ClearStrikes),
		2 => (1u64..=12).prop_map(Step::Advance),
	]
}

fn verdict(choice: Choice, amount: Balance, force_majeure: bool) -> Verdict<Balance> {
	match choice {
		Choice::Uphold => Verdict::Uphold { amount, force_majeure },
		Choice::Reject => Verdict::Reject,
		Choice::Counter => Verdict::CounterUphold { amount, force_majeure },
	}
}

/// Applies a step; errors are expected and fine (the call must then change nothing, which
/// `#[transactional]` dispatch guarantees and the invariants check).
fn apply(step: Step) {
	let o = RuntimeOrigin::signed;
	let _ = match step {
		Step::Vouch(g, w, a) => Guarantor::vouch(o(g), w, a),
		Step::Increase(g, w, a) => Guarantor::increase_guarantee(o(g), w, a),
		Step::Revoke(g, w) => Guarantor::revoke_guarantee(o(g), w),
		Step::Release(g, w) => Guarantor::release_guarantee(o(9), g, w),
		Step::Deposit(w, a) => Guarantor::deposit(o(w), a),
		Step::Withdraw(w, a) => Guarantor::withdraw_deposit(o(w), a),
		Step::WithdrawUnbonded(w) => Guarantor::withdraw_unbonded(o(w)),
		Step::Leave(w) => Guarantor::leave(o(w)).map(|_| ()).map_err(|e| e.error),
		Step::File(c, r, a) => Guarantor::file_claim(o(c), r, a, Default::default(), None)
			.map(|_| ())
			.map_err(|e| e.error),
		Step::Acknowledge(r, id, free) => {
			Guarantor::acknowledge(o(r), id, free).map(|_| ()).map_err(|e| e.error)
		}
		Step::Contest(r, id, c) => Guarantor::contest(o(r), id, c).map(|_| ()).map_err(|e| e.error),
		Step::Vote(w, id, c, a, fm) => {
			Guarantor::vote(o(w), id, verdict(c, a, fm)).map(|_| ()).map_err(|e| e.error)
		}
		Step::Appeal(w, id) => Guarantor::appeal(o(w), id).map(|_| ()).map_err(|e| e.error),
		Step::Resolve(id, c, a) => {
			Guarantor::resolve(RuntimeOrigin::root(), id, verdict(c, a, false))
				.map(|_| ())
				.map_err(|e| e.error)
		}
		Step::Repay(d, c, a) => Guarantor::repay(o(d), c, a),
		Step::ClearStrikes(w) => Guarantor::clear_strikes(o(9), w).map(|_| ()).map_err(|e| e.error),
		Step::Advance(n) => {
			run_to_block(System::block_number() + n);
			Ok(())
		}
	};
}

/// The guarantees liable for an open claim now: (ward, guarantor) → amount.
fn liable_guarantees() -> BTreeMap<(AccountId, AccountId), Balance> {
	crate::Guarantees::<Test>::iter()
		.filter(|(_, _, g)| g.liable_claims > 0)
		.map(|(ward, guarantor, g)| ((ward, guarantor), g.amount))
		.collect()
}

/// Checks that no guarantee liable before a step was released during it, and that each shrank
/// by no more than its guarantor paid toward claims in the step (`events_before` is where the
/// step's events start).
fn check_liable_guarantees_held(
	before: &BTreeMap<(AccountId, AccountId), Balance>,
	events_before: usize,
	step: &Step,
) {
	let events: Vec<_> = guarantor_events().into_iter().skip(events_before).collect();
	let mut paid: BTreeMap<AccountId, Balance> = BTreeMap::new();
	for event in &events {
		match event {
			crate::Event::GuaranteeReleased { guarantor, ward, .. } => assert!(
				!before.contains_key(&(*ward, *guarantor)),
				"{guarantor}'s guarantee for {ward} was liable and released by {step:?}"
			),
			crate::Event::CompensationPaid { payments, .. } => {
				for p in payments {
					if matches!(p.source, crate::PaymentSource::Guarantee { .. }) {
						*paid.entry(p.payer).or_default() += p.amount;
					}
				}
			}
			_ => {}
		}
	}
	for ((ward, guarantor), amount) in before {
		let now = crate::Guarantees::<Test>::get(ward, guarantor).map(|g| g.amount).unwrap_or(0);
		let shrank = amount.saturating_sub(now);
		assert!(
			shrank <= paid.get(guarantor).copied().unwrap_or(0),
			"{guarantor}'s liable guarantee for {ward} shrank by {shrank} in {step:?} without paying"
		);
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

	#[test]
	fn random_calls_keep_every_invariant(steps in proptest::collection::vec(step(), 1..80)) {
		ExtBuilder::default()
			.guarantees(&[(1, 4, 30), (2, 4, 30), (2, 5, 30), (3, 5, 30)])
			.build_and_execute(|| {
				let total = issuance();
				for step in steps {
					let liable = liable_guarantees();
					let events_before = guarantor_events().len();
					// A failing call changes nothing: every dispatchable runs in its own
					// storage layer.
					apply(step.clone());
					check_liable_guarantees_held(&liable, events_before, &step);
					Guarantor::do_try_state()
						.unwrap_or_else(|e| panic!("invariant broken after {step:?}: {e:?}"));
					assert_eq!(issuance(), total, "money created or destroyed by {step:?}");
				}
			});
	}
}
