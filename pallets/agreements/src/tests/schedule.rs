//! The task queue: bounded per block, processed within `TaskWeight`, carried over when full.

use super::*;
use crate::{ScheduledTask, TaskCursor, Tasks};
use frame_support::weights::Weight;

#[test]
fn a_full_block_queue_spills_into_the_next_blocks() {
	run(|| {
		let list = || obligations(vec![payment(ALICE, BOB, 10, 10, &[])]);
		// MaxTasksPerBlock is 4: the fifth proposal's expiry goes to block 7.
		for _ in 0..5 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5));
		}
		assert_eq!(Tasks::<Test>::get(6).len(), 4);
		assert_eq!(Tasks::<Test>::get(7).to_vec(), vec![(4, ScheduledTask::Expire)]);
	});
}

#[test]
fn work_that_does_not_fit_the_weight_carries_over() {
	run(|| {
		let list = || obligations(vec![payment(ALICE, BOB, 10, 10, &[])]);
		for _ in 0..3 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5));
		}
		// One task per block.
		TASK_WEIGHT.with(|w| *w.borrow_mut() = Weight::from_parts(1, 0));
		run_to_block(6);
		assert_eq!(phase(0), AgreementPhase::Expired);
		assert!(matches!(phase(1), AgreementPhase::Proposed { .. }));
		assert_eq!(TaskCursor::<Test>::get(), 6);
		run_to_block(8);
		assert_eq!(phase(2), AgreementPhase::Expired);
		assert!(Tasks::<Test>::get(6).is_empty());
		assert_eq!(escrow(ALICE), 0);
	});
}

#[test]
fn a_proposal_fails_when_the_queue_is_full_around_its_expiry() {
	run(|| {
		let list = || obligations(vec![payment(ALICE, BOB, 10, 30, &[])]);
		// 4 tasks a block, 16 blocks probed: 64 expiries fit from block 6 on.
		for _ in 0..64 {
			assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5));
		}
		assert_noop!(
			Agreements::propose(RuntimeOrigin::signed(ALICE), list(), 5),
			Error::<Test>::ScheduleFull
		);
	});
}
