//! Defaults: reporting one files a claim and unwinds what waited for it; the claim's outcome
//! closes the obligation as defaulted or lets the chain go on.

use super::*;
use codec::Encode;
use poruka_primitives::{ClaimOutcome, ClaimSubject};

fn upheld(compensated: Balance) -> ClaimOutcome<Balance> {
	ClaimOutcome::Upheld { amount: compensated, compensated, force_majeure: false }
}

#[test]
fn a_default_becomes_a_claim_and_unwinds_the_rest_of_the_chain() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		// A claim by Bob against Alice for the delivery's value, with its terms as evidence.
		assert_eq!(
			claims(),
			vec![(BOB, ALICE, 100, vec![ALICE as u8; 32], Some(ClaimSubject::Agreement(0)))]
		);
		assert_eq!(state(0, 0), ObligationState::Disputed { claim: 0 });
		// Bob's delivery waited for Alice's: excused. Carol's payment: back to Carol.
		assert_eq!(state(0, 1), ObligationState::Unwound);
		assert_eq!(state(0, 2), ObligationState::Unwound);
		assert_eq!((free(CAROL), escrow(CAROL)), (ENDOWMENT, 0));
		assert_eq!(committed(BOB), 0);
		// Alice's commitment stands while the claim is open.
		assert_eq!(committed(ALICE), 100);
		let events = agreement_events();
		assert_eq!(
			events[events.len() - 3..],
			[
				Event::DefaultReported {
					id: 0,
					obligation: 0,
					reporter: BOB,
					obligor: ALICE,
					amount: 100,
					claim: 0
				},
				Event::DeliveryExcused { id: 0, obligation: 1, obligor: BOB },
				Event::PaymentRefunded { id: 0, obligation: 2, payer: CAROL, amount: 150 },
			]
		);
		// The report window of an unwound delivery passes without effect.
		run_to_block(25);
		assert_eq!(state(0, 1), ObligationState::Unwound);
		assert_eq!(phase(0), AgreementPhase::Active);
	});
}

#[test]
fn an_upheld_default_closes_the_agreement_as_defaulted_and_compensated() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		decide(0, 0, upheld(90));
		assert_eq!(state(0, 0), ObligationState::Defaulted { claim: 0, compensated: 90 });
		assert_eq!(phase(0), AgreementPhase::Defaulted { compensated: 90 });
		assert_eq!((committed(ALICE), committed(BOB), escrow(CAROL)), (0, 0, 0));
		let events = agreement_events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::ObligationDefaulted { id: 0, obligation: 0, claim: 0, compensated: 90 },
				Event::ClosedWithDefault { id: 0, compensated: 90 },
			]
		);
	});
}

#[test]
fn a_dismissed_default_counts_as_fulfilled_and_the_chain_goes_on() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		run_to_block(13);
		// No panel and no arbiter found Alice at fault in time.
		decide(0, 0, ClaimOutcome::Dismissed);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		assert_eq!(state(0, 1), ObligationState::Pending);
		assert_eq!(committed(ALICE), 0);
		assert!(agreement_events().contains(&Event::ObligationFulfilled {
			id: 0,
			obligation: 0,
			by: FulfilledBy::ClaimDismissed
		}));
	});
}

#[test]
fn a_rejected_default_counts_as_fulfilled_and_the_chain_goes_on() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		run_to_block(13);
		decide(0, 0, ClaimOutcome::Rejected);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		// Bob's delivery is his again, with a new report window; Carol's payment is escrowed
		// again and waits for it.
		assert_eq!(state(0, 1), ObligationState::Pending);
		assert_eq!(committed(BOB), 120);
		assert_eq!(state(0, 2), ObligationState::Pending);
		assert_eq!(escrow(CAROL), 150);
		assert_eq!(committed(ALICE), 0);
		let events = agreement_events();
		assert!(events.contains(&Event::ObligationFulfilled {
			id: 0,
			obligation: 0,
			by: FulfilledBy::ClaimRejected
		}));
		assert!(events.contains(&Event::DeliveryReinstated { id: 0, obligation: 1, obligor: BOB }));
		assert!(events.contains(&Event::PaymentReescrowed {
			id: 0,
			obligation: 2,
			payer: CAROL,
			amount: 150
		}));
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(CAROL), 0, 1));
		assert_eq!(free(ALICE), ENDOWMENT + 150);
		assert_eq!(phase(0), AgreementPhase::Completed);
	});
}

#[test]
fn a_payment_its_payer_can_no_longer_cover_is_unpaid_and_can_be_reported() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		// Carol spends her refund.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CAROL), MALLORY, 950));
		decide(0, 0, ClaimOutcome::Rejected);
		assert_eq!(state(0, 2), ObligationState::Unpaid);
		assert!(agreement_events().contains(&Event::PaymentUnpaid {
			id: 0,
			obligation: 2,
			payer: CAROL,
			amount: 150
		}));
		// Bob delivers; Alice is owed Carol's payment and reports it.
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(CAROL), 0, 1));
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(ALICE), 0, 2));
		assert_eq!(
			claims()[1],
			(ALICE, CAROL, 150, (0u32, 2u32).encode(), Some(ClaimSubject::Agreement(0)))
		);
		assert_eq!(state(0, 2), ObligationState::Disputed { claim: 1 });
		decide(1, 0, upheld(150));
		assert_eq!(phase(0), AgreementPhase::Defaulted { compensated: 150 });
	});
}

#[test]
fn an_unpaid_payment_nobody_reports_counts_as_settled_after_the_window() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CAROL), MALLORY, 950));
		decide(0, 0, ClaimOutcome::Rejected);
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(CAROL), 0, 1));
		// Alice says nothing for the report window: 5 blocks after the payment's due block 20.
		run_to_block(25);
		assert_eq!(state(0, 2), ObligationState::Unpaid);
		run_to_block(26);
		assert_eq!(state(0, 2), ObligationState::Fulfilled);
		assert_eq!(phase(0), AgreementPhase::Completed);
	});
}

#[test]
fn reports_are_checked() {
	run(|| {
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::UnknownAgreement
		);
		active_chain();
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 9),
			Error::<Test>::UnknownObligation
		);
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(CAROL), 0, 0),
			Error::<Test>::NotReceiver
		);
		// Due at 10: not before it has passed.
		run_to_block(10);
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0),
			Error::<Test>::NotDueYet
		);
		// An escrowed payment cannot default.
		run_to_block(11);
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(ALICE), 0, 2),
			Error::<Test>::WrongObligationState
		);
		// Filing can fail (the reporter cannot pay the claim bond): nothing changes.
		CLAIMS_FAIL.with(|f| *f.borrow_mut() = true);
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0),
			sp_runtime::DispatchError::Other("the claimant cannot pay the claim bond")
		);
	});
}

#[test]
fn outcomes_of_other_claims_are_ignored() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		// Claim 0 decides obligation 0; claim 5 (filed by hand, citing the agreement) does not.
		decide(5, 0, upheld(10));
		decide(5, 7, ClaimOutcome::Rejected);
		<Agreements as poruka_primitives::ClaimOutcomeHandler<Balance>>::on_claim_final(
			5,
			None,
			ClaimOutcome::Rejected,
		);
		assert_eq!(phase(0), AgreementPhase::Active);
		assert_eq!(state(0, 0), ObligationState::Disputed { claim: 0 });
	});
}

#[test]
fn a_reinstated_delivery_gets_a_whole_new_report_window() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		// Rejected at 18: Bob's delivery (due 15) is his again, reportable until 23; the task
		// of its first window (ending 21) must not count Carol's silence early.
		run_to_block(18);
		decide(0, 0, ClaimOutcome::Rejected);
		assert_eq!(state(0, 1), ObligationState::Pending);
		run_to_block(23);
		assert_eq!(state(0, 1), ObligationState::Pending);
		run_to_block(24);
		assert_eq!(state(0, 1), ObligationState::Fulfilled);
		assert_eq!(phase(0), AgreementPhase::Completed);
	});
}

#[test]
fn what_waits_for_an_unpaid_payment_comes_back_when_it_is_settled() {
	run(|| {
		// Alice delivers to Bob; Carol pays Alice for it; then Alice delivers to Carol.
		let list = obligations(vec![
			delivery(ALICE, BOB, 100, 10, &[]),
			payment(CAROL, ALICE, 150, 20, &[0]),
			delivery(ALICE, CAROL, 50, 25, &[1]),
		]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list, 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(
			(state(0, 1), state(0, 2)),
			(ObligationState::Unwound, ObligationState::Unwound)
		);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CAROL), MALLORY, 950));
		decide(0, 0, ClaimOutcome::Rejected);
		// Carol cannot pay again: unpaid; Alice's delivery still waits for that payment.
		assert_eq!((state(0, 1), state(0, 2)), (ObligationState::Unpaid, ObligationState::Unwound));
		// Carol pays Alice off chain and Alice confirms it: Alice's delivery is owed again.
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(ALICE), 0, 1));
		assert_eq!(state(0, 2), ObligationState::Pending);
		assert_eq!(committed(ALICE), 50);
		assert_eq!(phase(0), AgreementPhase::Active);
	});
}

#[test]
fn nothing_is_owed_before_what_it_waits_for() {
	run(|| {
		let list = obligations(vec![
			delivery(ALICE, BOB, 100, 10, &[]),
			delivery(BOB, CAROL, 120, 11, &[0]),
		]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list, 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		// Bob's delivery is past due, but Alice's, which it waits for, is still open.
		run_to_block(12);
		assert_noop!(
			Agreements::report_default(RuntimeOrigin::signed(CAROL), 0, 1),
			Error::<Test>::DependenciesPending
		);
		// Bob reports Alice (Bob's delivery is excused); the claim is rejected at 19: Bob's
		// delivery is owed again, and now Carol may report it.
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(state(0, 1), ObligationState::Unwound);
		run_to_block(19);
		decide(0, 0, ClaimOutcome::Rejected);
		assert_eq!(state(0, 1), ObligationState::Pending);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(CAROL), 0, 1));
		assert_eq!(state(0, 1), ObligationState::Disputed { claim: 1 });
	});
}

#[test]
fn a_suspended_receiver_still_reports_a_default() {
	run(|| {
		active_chain();
		// Bob's guarantors walked away: he is suspended, but Alice still owes him.
		suspend(BOB);
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(state(0, 0), ObligationState::Disputed { claim: 0 });
		assert_eq!(claims()[0].0, BOB);
	});
}

#[test]
fn the_report_window_pauses_while_a_receiver_cannot_post_the_claim_bond() {
	run(|| {
		active_chain();
		suspend(BOB);
		CLAIMS_FAIL.with(|f| *f.borrow_mut() = true);
		// Alice's delivery was due at 10; its window ends at 16 (ReportWindow 5).
		run_to_block(16);
		// Bob could not have reported: silence does not count, the window starts again.
		assert_eq!(state(0, 0), ObligationState::Pending);
		assert_eq!((free(CAROL), escrow(CAROL)), (ENDOWMENT - 150, 150));
		assert!(agreement_events().contains(&Event::ReportWindowPaused {
			id: 0,
			obligation: 0,
			report_by: 16 + 5 + 1,
		}));
		CLAIMS_FAIL.with(|f| *f.borrow_mut() = false);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		assert_eq!(state(0, 0), ObligationState::Disputed { claim: 0 });
	});
}

#[test]
fn a_receiver_cannot_hold_an_obligation_open_for_ever_by_staying_broke() {
	run(|| {
		active_chain();
		suspend(BOB);
		CLAIMS_FAIL.with(|f| *f.borrow_mut() = true);
		// Paused at 16 and 22 (MaxReportPause 10 past the first window's end, 16); at 28
		// silence counts again: Alice's delivery is fulfilled and the chain goes on.
		run_to_block(22);
		assert_eq!(state(0, 0), ObligationState::Pending);
		run_to_block(28);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		let pauses = agreement_events()
			.iter()
			.filter(|e| matches!(e, Event::ReportWindowPaused { obligation: 0, .. }))
			.count();
		assert_eq!(pauses, 2);
	});
}

#[test]
fn silence_still_counts_for_a_receiver_that_left() {
	run(|| {
		active_chain();
		remove_member(BOB);
		CLAIMS_FAIL.with(|f| *f.borrow_mut() = true);
		run_to_block(16);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
	});
}

#[test]
fn a_counter_upheld_default_counts_as_fulfilled() {
	run(|| {
		active_chain();
		run_to_block(11);
		assert_ok!(Agreements::report_default(RuntimeOrigin::signed(BOB), 0, 0));
		// The guarantors found Bob, the reporter, at fault: Alice's delivery stands.
		decide(
			0,
			0,
			ClaimOutcome::CounterUpheld { amount: 20, compensated: 20, force_majeure: false },
		);
		assert_eq!(state(0, 0), ObligationState::Fulfilled);
		assert_eq!(committed(ALICE), 0);
	});
}
