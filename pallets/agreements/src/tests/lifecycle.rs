//! Proposing, accepting, activating, declining, cancelling and expiring agreements.

use super::*;
use frame_support::traits::Hooks;

#[test]
fn proposing_records_the_parties_and_accepts_for_the_proposer() {
	run(|| {
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		let agreement = AgreementsStore::<Test>::get(0).unwrap();
		assert_eq!(agreement.parties.to_vec(), vec![ALICE, BOB, CAROL]);
		assert_eq!(agreement.accepted, 0b001);
		assert_eq!(agreement.phase, AgreementPhase::Proposed { accept_by: 5 });
		// Alice's delivery commits her coverage at once; she pays nothing.
		assert_eq!(committed(ALICE), 100);
		assert_eq!(escrow(ALICE), 0);
		assert_eq!(
			agreement_events(),
			vec![
				Event::Proposed {
					id: 0,
					proposer: ALICE,
					parties: vec![ALICE, BOB, CAROL],
					accept_by: 5,
					deposit: 0,
				},
				Event::Accepted { id: 0, who: ALICE, escrowed: 0, committed: 100 },
			]
		);
	});
}

#[test]
fn the_last_acceptance_escrows_commits_and_activates() {
	run(|| {
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(committed(BOB), 120);
		assert!(matches!(phase(0), AgreementPhase::Proposed { .. }));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		assert_eq!(escrow(CAROL), 150);
		assert_eq!(free(CAROL), ENDOWMENT - 150);
		assert_eq!(phase(0), AgreementPhase::Active);
		let events = agreement_events();
		assert!(events.contains(&Event::Accepted {
			id: 0,
			who: CAROL,
			escrowed: 150,
			committed: 0
		}));
		assert_eq!(events.last(), Some(&Event::Activated { id: 0 }));
	});
}

#[test]
fn proposals_are_checked() {
	run(|| {
		let propose = |list, accept_by| {
			Agreements::propose(RuntimeOrigin::signed(ALICE), obligations(list), accept_by)
		};
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(MALLORY), chain_of_three(), 5),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(propose(vec![], 5), Error::<Test>::NoObligations);
		assert_noop!(propose(vec![payment(BOB, CAROL, 10, 10, &[])], 5), Error::<Test>::NotParty);
		assert_noop!(
			propose(vec![payment(ALICE, ALICE, 10, 10, &[])], 5),
			Error::<Test>::SelfObligation
		);
		assert_noop!(
			propose(vec![payment(ALICE, BOB, 0, 10, &[])], 5),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			propose(vec![delivery(ALICE, BOB, 0, 10, &[])], 5),
			Error::<Test>::AmountTooSmall
		);
		assert_noop!(
			propose(vec![payment(ALICE, BOB, 10, 10, &[])], 1),
			Error::<Test>::InvalidAcceptBy
		);
		// At most MaxAcceptPeriod (20) ahead.
		assert_noop!(
			propose(vec![payment(ALICE, BOB, 10, 30, &[])], 22),
			Error::<Test>::InvalidAcceptBy
		);
		assert_noop!(
			propose(vec![payment(ALICE, BOB, 10, 5, &[])], 5),
			Error::<Test>::DueBeforeAcceptance
		);
		// Dependencies point to earlier obligations, each once.
		assert_noop!(
			propose(vec![payment(ALICE, BOB, 10, 10, &[0])], 5),
			Error::<Test>::InvalidDependency
		);
		assert_noop!(
			propose(
				vec![delivery(BOB, ALICE, 10, 10, &[]), payment(ALICE, BOB, 10, 10, &[0, 0])],
				5
			),
			Error::<Test>::InvalidDependency
		);
		assert_noop!(
			propose(vec![delivery(BOB, ALICE, 10, 10, &[]), payment(ALICE, BOB, 10, 10, &[1])], 5),
			Error::<Test>::InvalidDependency
		);
		// MaxParties is 4.
		assert_noop!(
			propose(
				vec![
					payment(ALICE, BOB, 10, 10, &[]),
					payment(CAROL, DAVE, 10, 10, &[]),
					payment(DAVE, MALLORY, 10, 10, &[]),
				],
				5
			),
			Error::<Test>::TooManyParties
		);
		// The proposer's own acceptance is checked like any other.
		assert_noop!(
			propose(vec![delivery(ALICE, BOB, 501, 10, &[])], 5),
			Error::<Test>::InsufficientCoverage
		);
		assert_noop!(
			propose(vec![payment(ALICE, BOB, ENDOWMENT + 1, 10, &[])], 5),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn acceptance_is_checked() {
	run(|| {
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::UnknownAgreement
		);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		assert_noop!(Agreements::accept(RuntimeOrigin::signed(DAVE), 0), Error::<Test>::NotParty);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyAccepted
		);
		suspend(BOB);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::NotActiveMember
		);
		set_coverage(BOB, 500);
		// Bob's other commitments count against his coverage.
		Committed::<Test>::insert(BOB, 400);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::InsufficientCoverage
		);
		Committed::<Test>::remove(BOB);
		// So do his commitments to contracts.
		set_other_committed(BOB, 400);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(BOB), 0),
			Error::<Test>::InsufficientCoverage
		);
		set_other_committed(BOB, 0);
		// Carol cannot cover her payment.
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(CAROL), MALLORY, 900));
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(CAROL), 0),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(MALLORY), CAROL, 900));
		run_to_block(6);
		assert_noop!(Agreements::accept(RuntimeOrigin::signed(BOB), 0), Error::<Test>::WrongPhase);
	});
}

#[test]
fn acceptance_closes_after_accept_by() {
	run(|| {
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		run_to_block(5);
		// Block 5 is the last one in which a party may accept.
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		// In block 6, before the expiry task has run, acceptance is refused as late...
		System::set_block_number(6);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(CAROL), 0),
			Error::<Test>::AcceptancePeriodOver
		);
		// ...and after it, the proposal has expired.
		Agreements::on_initialize(6);
		assert_noop!(
			Agreements::accept(RuntimeOrigin::signed(CAROL), 0),
			Error::<Test>::WrongPhase
		);
	});
}

#[test]
fn a_proposal_not_accepted_in_time_expires_and_nothing_stays_held() {
	run(|| {
		let list = obligations(vec![
			payment(ALICE, BOB, 50, 10, &[]),
			delivery(BOB, ALICE, 60, 10, &[]),
			payment(CAROL, ALICE, 70, 10, &[]),
		]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list, 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
		assert_eq!((escrow(ALICE), committed(BOB)), (50, 60));
		run_to_block(6);
		assert_eq!(phase(0), AgreementPhase::Expired);
		assert_eq!((escrow(ALICE), committed(BOB), escrow(CAROL)), (0, 0, 0));
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(agreement_events().last(), Some(&Event::Expired { id: 0 }));
	});
}

#[test]
fn an_activated_agreement_does_not_expire() {
	run(|| {
		active_chain();
		run_to_block(7);
		assert_eq!(phase(0), AgreementPhase::Active);
	});
}

#[test]
fn one_party_declining_a_proposal_cancels_it() {
	run(|| {
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
		assert_eq!(escrow(CAROL), 150);
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(phase(0), AgreementPhase::Cancelled);
		assert_eq!((escrow(CAROL), committed(ALICE)), (0, 0));
		assert_eq!(
			agreement_events().last_chunk::<2>(),
			Some(&[Event::CancelRequested { id: 0, who: BOB }, Event::Cancelled { id: 0 }])
		);
		// Nothing more can happen to it.
		assert_noop!(Agreements::accept(RuntimeOrigin::signed(BOB), 0), Error::<Test>::WrongPhase);
		assert_noop!(Agreements::cancel(RuntimeOrigin::signed(BOB), 0), Error::<Test>::WrongPhase);
	});
}

#[test]
fn an_active_agreement_is_cancelled_when_every_party_cancels() {
	run(|| {
		active_chain();
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(ALICE), 0));
		assert_noop!(
			Agreements::cancel(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::AlreadyCancelling
		);
		assert_noop!(Agreements::cancel(RuntimeOrigin::signed(DAVE), 0), Error::<Test>::NotParty);
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(BOB), 0));
		assert_eq!(phase(0), AgreementPhase::Active);
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(CAROL), 0));
		assert_eq!(phase(0), AgreementPhase::Cancelled);
		assert_eq!((escrow(CAROL), committed(ALICE), committed(BOB)), (0, 0, 0));
		assert_eq!(free(CAROL), ENDOWMENT);
		// Its queued tasks find it cancelled and do nothing.
		run_to_block(30);
		assert_eq!(phase(0), AgreementPhase::Cancelled);
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn nothing_fulfilled_can_be_cancelled() {
	run(|| {
		active_chain();
		assert_ok!(Agreements::confirm(RuntimeOrigin::signed(BOB), 0, 0));
		assert_noop!(
			Agreements::cancel(RuntimeOrigin::signed(ALICE), 0),
			Error::<Test>::CannotCancel
		);
		assert_noop!(
			Agreements::cancel(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::UnknownAgreement
		);
	});
}

#[test]
fn ids_count_up() {
	run(|| {
		let list = || obligations(vec![payment(ALICE, BOB, 10, 10, &[])]);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5));
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5));
		assert_eq!(crate::NextAgreementId::<Test>::get(), 2);
		assert_eq!(escrow(ALICE), 20);
	});
}
