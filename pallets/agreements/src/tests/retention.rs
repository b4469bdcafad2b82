//! What an agreement costs in storage and how long it stays: a deposit from the proposer,
//! returned when it closes; pruned once its retention ends; the state of a cooperative that
//! has seen any number of agreements returns to its size.

use super::*;
use crate::{queries::AgreementQueryError, HoldReason, PruningRanges, Prunings, TaskRanges, Tasks};
use frame_support::traits::fungible::InspectHold;

fn deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Agreements(HoldReason::StorageDeposit), &who)
}

#[test]
fn a_proposal_holds_a_storage_deposit_until_it_closes() {
	run(|| {
		set_deposit(20, 5);
		let before = free(ALICE);
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		// 20 + 3 × 5 for three obligations, beside the escrow of nothing (Alice only delivers).
		assert_eq!(deposit_held(ALICE), 35);
		assert_eq!(free(ALICE), before - 35);
		assert_eq!(AgreementsStore::<Test>::get(0).unwrap().deposit, 35);
		assert!(agreement_events()
			.iter()
			.any(|e| matches!(e, Event::Proposed { deposit: 35, .. })));
		// It expires: the deposit comes back.
		run_to_block(6);
		assert_eq!(phase(0), AgreementPhase::Expired);
		assert_eq!(deposit_held(ALICE), 0);
		assert_eq!(free(ALICE), before);
		assert!(agreement_events().contains(&Event::DepositReturned {
			id: 0,
			who: ALICE,
			amount: 35
		}));
	});
}

#[test]
fn a_proposer_who_cannot_pay_the_deposit_cannot_propose() {
	run(|| {
		set_deposit(ENDOWMENT, 0);
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_closed_agreement_is_readable_for_its_retention_then_pruned() {
	run(|| {
		set_deposit(10, 1);
		active_chain();
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(ALICE), 0));
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(BOB), 0));
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(CAROL), 0));
		assert_eq!(phase(0), AgreementPhase::Cancelled);
		assert_eq!(deposit_held(ALICE), 0);
		let closed_at = System::block_number();
		run_to_block(closed_at + RETENTION - 1);
		assert!(Agreements::agreement_status(0).is_ok());
		run_to_block(closed_at + RETENTION);
		assert!(AgreementsStore::<Test>::get(0).is_none());
		assert!(agreement_events().contains(&Event::AgreementPruned { id: 0 }));
		// The parties' index forgets it with it.
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(Agreements::agreements_of(&who, None).agreements, vec![]);
		}
		assert_eq!(Agreements::agreement_status(0).map(|_| ()), Err(AgreementQueryError::Pruned));
		assert_eq!(Agreements::agreement_status(1).map(|_| ()), Err(AgreementQueryError::Unknown));
	});
}

/// The number of keys in every map an agreement writes.
fn agreement_keys() -> [usize; 5] {
	[
		AgreementsStore::<Test>::iter().count(),
		crate::AgreementsByAccount::<Test>::iter().count(),
		Committed::<Test>::iter().count(),
		Tasks::<Test>::iter().count() + TaskRanges::<Test>::iter().count(),
		Prunings::<Test>::iter().count() + PruningRanges::<Test>::iter().count(),
	]
}

#[test]
fn ten_thousand_agreements_leave_the_state_as_they_found_it() {
	run(|| {
		set_deposit(2, 1);
		let before = agreement_keys();
		let total = issuance();
		let balances: Vec<_> = [ALICE, BOB, CAROL].iter().map(|who| free(*who)).collect();
		// 10,000 agreements through their whole life, 100 a block: Alice delivers to Bob, then
		// Bob to Alice; each confirms; the agreement completes, and is pruned after retention.
		for _ in 0..100 {
			let first = crate::NextAgreementId::<Test>::get();
			let now = System::block_number();
			for _ in 0..100 {
				assert_ok!(Agreements::propose(
					RuntimeOrigin::signed(ALICE),
					obligations(vec![
						delivery(ALICE, BOB, 1, now + 10, &[]),
						delivery(BOB, ALICE, 1, now + 10, &[0]),
					]),
					now + 5
				));
			}
			for id in first..first + 100 {
				assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), id));
				assert_ok!(Agreements::confirm(RuntimeOrigin::signed(BOB), id, 0));
				assert_ok!(Agreements::confirm(RuntimeOrigin::signed(ALICE), id, 1));
				assert_eq!(phase(id), AgreementPhase::Completed);
			}
			run_to_block(now + 1);
		}
		assert_eq!(crate::NextAgreementId::<Test>::get(), 10_000);
		run_to_block(System::block_number() + 20 + RETENTION);
		assert_eq!(agreement_keys(), before);
		assert_eq!(issuance(), total);
		// Every deposit came back; nothing else moved.
		let after: Vec<_> = [ALICE, BOB, CAROL].iter().map(|who| free(*who)).collect();
		assert_eq!(after, balances);
	});
}
