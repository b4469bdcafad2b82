//! What each call is charged: the benchmark of the agreement it acted on (its number of
//! obligations), not the worst case of `MaxObligations` the call was admitted with.

use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::Get,
	weights::{RuntimeDbWeight, Weight},
};
use sp_runtime::DispatchResultWithInfo;

use super::*;
use crate::{weights::WeightInfo as _, Call};

/// The weight the call declares before dispatch (its worst case).
fn declared(call: Call<Test>) -> Weight {
	call.get_dispatch_info().call_weight
}

/// What the dispatch was charged in the end.
fn charged(result: DispatchResultWithInfo<PostDispatchInfo>) -> Option<Weight> {
	result.expect("the call succeeds").actual_weight
}

#[test]
fn accept_confirm_report_and_cancel_are_charged_for_the_obligations_the_agreement_has() {
	run(|| {
		let max = <Test as crate::Config>::MaxObligations::get();
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		assert_eq!(declared(Call::accept { id: 0 }), TestWeights::accept(max));
		let accepted = Agreements::accept(RuntimeOrigin::signed(BOB), 0);
		assert_eq!(charged(accepted), Some(TestWeights::accept(3)));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));

		assert_eq!(declared(Call::confirm { id: 0, obligation: 0 }), TestWeights::confirm(max));
		let confirmed = Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0);
		assert_eq!(charged(confirmed), Some(TestWeights::confirm(3)));
		// Bob's delivery to Carol is overdue at block 16: Carol reports it.
		run_to_block(16);
		// Admitted with the claim's filing at its most, charged the filing it took.
		assert_eq!(
			declared(Call::report_default { id: 0, obligation: 1 }),
			TestWeights::report_default(max).saturating_add(Weight::from_parts(1_000, 0))
		);
		let reported = Agreements::report_default(RuntimeOrigin::signed(CAROL), 0, 1);
		assert_eq!(
			charged(reported),
			Some(TestWeights::report_default(3).saturating_add(Weight::from_parts(400, 0)))
		);

		// A two-obligation proposal, declined.
		let pair =
			obligations(vec![delivery(ALICE, BOB, 10, 30, &[]), delivery(BOB, ALICE, 10, 30, &[])]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), pair, 20));
		assert_eq!(declared(Call::cancel { id: 1 }), TestWeights::cancel(max));
		let cancelled = Agreements::cancel(RuntimeOrigin::signed(BOB), 1);
		assert_eq!(charged(cancelled), Some(TestWeights::cancel(2)));
	});
}

#[test]
fn a_proposal_is_charged_one_index_write_per_party_beyond_two() {
	run(|| {
		let db = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get();
		let write = db.writes(1);
		// Two parties: the benchmark as it is.
		let pair = obligations(vec![payment(ALICE, BOB, 10, 10, &[])]);
		assert_eq!(
			declared(Call::propose { obligations: pair, accept_by: 5 }),
			TestWeights::propose(1)
		);
		// The chain of three: one party more.
		assert_eq!(
			declared(Call::propose { obligations: chain_of_three(), accept_by: 5 }),
			TestWeights::propose(3).saturating_add(write)
		);
		// Four parties in three obligations: two more.
		let four = obligations(vec![
			payment(ALICE, BOB, 10, 10, &[]),
			payment(ALICE, CAROL, 10, 10, &[]),
			payment(DAVE, ALICE, 10, 10, &[]),
		]);
		assert_eq!(
			declared(Call::propose { obligations: four, accept_by: 5 }),
			TestWeights::propose(3).saturating_add(write.saturating_mul(2))
		);
	});
}
