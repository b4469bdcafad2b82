//! Property test: random sequences of calls from many accounts never break an invariant, never
//! panic, and never create or destroy money.

use super::*;
use proptest::prelude::*;

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
	Acknowledge(AccountId, u32),
	Contest(AccountId, u32),
	Vote(AccountId, u32, Option<Balance>, bool),
	Appeal(AccountId, u32),
	Resolve(u32, Option<Balance>),
	Repay(AccountId, AccountId, Balance),
	Advance(u64),
}

fn account() -> impl Strategy<Value = AccountId> {
	1u64..=9
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
		1 => (account(), claim_id()).prop_map(|(r, id)| Step::Acknowledge(r, id)),
		1 => (account(), claim_id()).prop_map(|(r, id)| Step::Contest(r, id)),
		4 => (account(), claim_id(), proptest::option::of(amount()), any::<bool>())
			.prop_map(|(w, id, a, fm)| Step::Vote(w, id, a, fm)),
		1 => (account(), claim_id()).prop_map(|(w, id)| Step::Appeal(w, id)),
		1 => (claim_id(), proptest::option::of(amount())).prop_map(|(id, a)| Step::Resolve(id, a)),
		1 => (account(), account(), amount()).prop_map(|(d, c, a)| Step::Repay(d, c, a)),
		2 => (1u64..=12).prop_map(Step::Advance),
	]
}

fn verdict(amount: Option<Balance>, force_majeure: bool) -> Verdict<Balance> {
	match amount {
		Some(amount) => Verdict::Uphold { amount, force_majeure },
		None => Verdict::Reject,
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
		Step::File(c, r, a) => Guarantor::file_claim(o(c), r, a, Default::default(), None),
		Step::Acknowledge(r, id) => Guarantor::acknowledge(o(r), id),
		Step::Contest(r, id) => Guarantor::contest(o(r), id),
		Step::Vote(w, id, a, fm) => Guarantor::vote(o(w), id, verdict(a, fm)),
		Step::Appeal(w, id) => Guarantor::appeal(o(w), id),
		Step::Resolve(id, a) => Guarantor::resolve(RuntimeOrigin::root(), id, verdict(a, false)),
		Step::Repay(d, c, a) => Guarantor::repay(o(d), c, a),
		Step::Advance(n) => {
			run_to_block(System::block_number() + n);
			Ok(())
		}
	};
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
					// A failing call changes nothing: every dispatchable runs in its own
					// storage layer.
					apply(step.clone());
					Guarantor::do_try_state()
						.unwrap_or_else(|e| panic!("invariant broken after {step:?}: {e:?}"));
					assert_eq!(issuance(), total, "money created or destroyed by {step:?}");
				}
			});
	}
}
