//! The task queue: never refuses a task, processed within `TaskWeight` in order, carried over
//! when full.

use super::*;
use crate::{ScheduledTask, TaskCursor, TaskRanges, Tasks};
use frame_support::weights::Weight;
use poruka_primitives::queue::QueueRange;

/// A payment from Alice to Bob of 10, due at 10, acceptable until 5 (its expiry is at 6).
fn small_proposal() -> crate::ObligationsOf<Test> {
	obligations(vec![payment(ALICE, BOB, 10, 10, &[])])
}

#[test]
fn a_flood_of_proposals_refuses_no_honest_one() {
	run(|| {
		// The attacker (Alice) proposes 50 agreements expiring in the same block.
		for _ in 0..50 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), small_proposal(), 5));
		}
		assert_eq!(TaskRanges::<Test>::get(6), QueueRange { head: 0, tail: 50 });
		// An honest proposal expiring at that block is queued after them, and accepted.
		assert_ok!(Agreements::propose(
			RuntimeOrigin::signed(CAROL),
			obligations(vec![payment(CAROL, DAVE, 10, 10, &[])]),
			5
		));
		assert_eq!(Tasks::<Test>::get(6, 50), Some((50, ScheduledTask::Expire)));
		assert_ok!(Agreements::accept(RuntimeOrigin::signed(DAVE), 50));
		assert_eq!(phase(50), AgreementPhase::Active);
	});
}

#[test]
fn a_flooded_block_is_worked_through_in_order_within_the_stated_bound() {
	run(|| {
		for _ in 0..20 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), small_proposal(), 5));
		}
		// Room for three tasks per block: the 20 expiries at 6 take ⌈20 / 3⌉ = 7 blocks, in the
		// order they were queued.
		TASK_WEIGHT.with(|w| *w.borrow_mut() = Weight::from_parts(3, 0));
		run_to_block(6);
		let expired = || (0..20).filter(|id| phase(*id) == AgreementPhase::Expired).count();
		assert_eq!(expired(), 3);
		assert_eq!(phase(2), AgreementPhase::Expired);
		assert!(matches!(phase(3), AgreementPhase::Proposed { .. }));
		run_to_block(6 + 6);
		assert_eq!(expired(), 20);
		assert_eq!(escrow(ALICE), 0);
		assert!(!TaskRanges::<Test>::contains_key(6));
	});
}

#[test]
fn work_that_does_not_fit_the_weight_carries_over() {
	run(|| {
		for _ in 0..3 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), small_proposal(), 5));
		}
		// One task per block.
		TASK_WEIGHT.with(|w| *w.borrow_mut() = Weight::from_parts(1, 0));
		run_to_block(6);
		assert_eq!(phase(0), AgreementPhase::Expired);
		assert!(matches!(phase(1), AgreementPhase::Proposed { .. }));
		assert_eq!(TaskCursor::<Test>::get(), 6);
		assert_eq!(TaskRanges::<Test>::get(6), QueueRange { head: 1, tail: 3 });
		run_to_block(8);
		assert_eq!(phase(2), AgreementPhase::Expired);
		assert_eq!(Tasks::<Test>::iter_prefix(6).count(), 0);
		assert_eq!(TaskCursor::<Test>::get(), 9);
		assert_eq!(escrow(ALICE), 0);
	});
}
