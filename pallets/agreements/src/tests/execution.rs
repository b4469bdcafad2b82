//! Self-execution: confirmations, pay on delivery, payments at their due block, silence after
//! the report window, completion.

use super::*;

#[test]
fn the_chain_of_three_completes_and_pays_on_delivery() {
	run(|| {
		active_chain();
		let total = issuance();
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		// Alice's delivery is done: her commitment is freed; Carol's payment still waits for
		// Bob's delivery.
		assert_eq!(committed(ALICE), 0);
		assert_eq!(state(0, 2), ObligationState::Pending);
		assert_eq!(escrow(CAROL), 150);
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(CAROL), 0, 1));
		// In the same block: the payment is released and the agreement completes.
		assert_eq!(state(0, 2), ObligationState::Fulfilled);
		assert_eq!(escrow(CAROL), 0);
		assert_eq!(free(CAROL), ENDOWMENT - 150);
		assert_eq!(free(ALICE), ENDOWMENT + 150);
		assert_eq!(committed(BOB), 0);
		assert_eq!(phase(0), AgreementPhase::Completed);
		assert_eq!(issuance(), total);
		let events = agreement_events();
		assert_eq!(
			events[events.len() - 4..],
			[
				Event::ObligationFulfilled { id: 0, obligation: 1, by: FulfilledBy::Confirmation },
				Event::PaymentReleased {
					id: 0,
					obligation: 2,
					from: CAROL,
					to: ALICE,
					amount: 150
				},
				Event::ObligationFulfilled { id: 0, obligation: 2, by: FulfilledBy::Dependencies },
				Event::Completed { id: 0 },
			]
		);
	});
}

#[test]
fn confirmations_are_checked() {
	run(|| {
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::UnknownAgreement
		);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		// Not active yet.
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::WrongPhase
		);
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 7),
			Error::<Test>::UnknownObligation
		);
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(ALICE), 0, 0),
			Error::<Test>::NotReceiver
		);
		// Carol's payment waits for both deliveries: Alice cannot ask for it early.
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(ALICE), 0, 2),
			Error::<Test>::DependenciesPending
		);
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0));
		assert_noop!(
			Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::WrongObligationState
		);
	});
}

#[test]
fn a_payment_without_dependencies_is_released_at_its_due_block_or_early_on_request() {
	run(|| {
		let list =
			obligations(vec![payment(ALICE, BOB, 40, 10, &[]), payment(BOB, CAROL, 30, 12, &[])]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list, 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		// Carol asks for hers early.
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(CAROL), 0, 1));
		assert_eq!(free(CAROL), ENDOWMENT + 30);
		run_to_block(9);
		assert_eq!(free(BOB), ENDOWMENT - 30);
		run_to_block(10);
		assert_eq!(free(BOB), ENDOWMENT - 30 + 40);
		assert_eq!(escrow(ALICE), 0);
		assert_eq!(phase(0), AgreementPhase::Completed);
		assert!(agreement_events().contains(&Event::ObligationFulfilled {
			id: 0,
			obligation: 0,
			by: FulfilledBy::Due
		}));
	});
}

#[test]
fn a_delivery_nobody_disputes_in_time_counts_as_fulfilled() {
	run(|| {
		active_chain();
		// Alice's delivery is due at 10; Bob had until 15 (ReportWindow 5) to report it.
		run_to_block(15);
		assert_eq!(state(0, 0), ObligationState::Pending);
		run_to_block(16);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		assert!(agreement_events().contains(&Event::ObligationFulfilled {
			id: 0,
			obligation: 0,
			by: FulfilledBy::Silence
		}));
		// Bob's is due at 15: silent until 21, and then Carol's payment goes to Alice.
		run_to_block(21);
		assert_eq!(phase(0), AgreementPhase::Completed);
		assert_eq!(free(ALICE), ENDOWMENT + 150);
		assert_eq!((committed(ALICE), committed(BOB)), (0, 0));
	});
}

#[test]
fn silence_does_not_fulfil_a_delivery_before_what_it_waits_for() {
	run(|| {
		// Bob's delivery is due at 6, but it waits for Alice's, due at 10.
		let list = obligations(vec![
			delivery(ALICE, BOB, 100, 10, &[]),
			delivery(BOB, CAROL, 120, 6, &[0]),
		]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list, 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		// Bob's window would end at 12; Alice's delivery is still open, so it starts again
		// (until 18).
		run_to_block(12);
		assert_eq!(state(0, 1), ObligationState::Pending);
		// Alice's window ends at 16: fulfilled by Bob's silence.
		run_to_block(17);
		assert_eq!(
			(state(0, 0), state(0, 1)),
			(ObligationState::Fulfilled, ObligationState::Pending)
		);
		run_to_block(18);
		assert_eq!(state(0, 1), ObligationState::Fulfilled);
		assert_eq!(phase(0), AgreementPhase::Completed);
	});
}

#[test]
fn commitments_add_up_across_agreements_and_never_exceed_coverage() {
	run(|| {
		let deliver = |value| obligations(vec![delivery(ALICE, BOB, value, 10, &[])]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), deliver(300), 5));
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), deliver(200), 5));
		assert_eq!(committed(ALICE), 500);
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), deliver(1), 5),
			Error::<Test>::InsufficientCoverage
		);
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(committed(ALICE), 200);
		assert_eq!(<Agreements as poruka_primitives::Commitments<_, _>>::committed(&ALICE), 200);
	});
}
