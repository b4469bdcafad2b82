//! Timeouts, strikes, deadlocks, climbing the tree, the arbiter, and the deadline queue.

use super::*;
use crate::{
	ClaimPayments, ClaimPhase, Claims, DeadlineCursor, DeadlineRanges, Deadlines, Debts, Error,
	EscalationReason, Event, Guarantees, Payment, PaymentSource,
};
use frame_support::{assert_noop, weights::Weight};
use poruka_primitives::queue::QueueRange;

/// A tree three levels deep above the respondent 14:
/// founders 1, 2, 3 → 10 (by 1, 2) and 11 (by 1, 3) → 12, 13 (by 10, 11) → 14 (by 12, 13).
/// The claimant 15 is guaranteed by 2 and 3.
fn deep_tree() -> ExtBuilder {
	ExtBuilder::default()
		.guarantees(&three_deep(14, [12, 13], [10, 11], [[1, 2], [1, 3]]))
		.guarantees(&[(2, 15, 20), (3, 15, 20)])
}

fn panel_of(claim: u32) -> Vec<AccountId> {
	Claims::<Test>::get(claim).unwrap().panel().unwrap().iter().map(|p| p.who).collect()
}

#[test]
fn a_silent_panel_is_struck_and_the_claim_climbs_to_their_guarantors() {
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		assert_eq!(panel_of(0), vec![12, 13]);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(12), 0, uphold(100)));
		run_to_block(DECISION_PERIOD);
		assert_eq!(Claims::<Test>::get(0).unwrap().level(), 1);
		run_to_block(1 + DECISION_PERIOD);

		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 2);
		assert_eq!(claim.phase, ClaimPhase::Open);
		assert_eq!(panel_of(0), vec![10, 11]);
		let deadline = 1 + 2 * DECISION_PERIOD;
		assert_eq!(claim.deadline_block(), Some(deadline));
		let events = guarantor_events();
		assert!(events.contains(&Event::Struck { who: 13, claim: 0, strikes: 1 }));
		assert!(!events.iter().any(|e| matches!(e, Event::Struck { who: 12, .. })));
		assert!(events.contains(&Event::ClaimEscalated {
			claim: 0,
			level: 2,
			reason: EscalationReason::Timeout,
			panel: vec![10, 11],
			deadline,
		}));
		assert_eq!(Members::<Test>::get(13).unwrap().strikes, 1);
		assert_eq!(Members::<Test>::get(12).unwrap().strikes, 0);
	});
}

#[test]
fn three_levels_up_the_cost_spreads_over_every_level_reached() {
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(14), 10));
		let issuance_before = issuance();
		let claimant_before = free(15);
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		run_to_block(1 + DECISION_PERIOD);
		run_to_block(1 + 2 * DECISION_PERIOD);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 3);
		assert_eq!(panel_of(0), vec![1, 2, 3]);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(100)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(3), 0, uphold(100)));
		run_to_block(1 + 2 * DECISION_PERIOD + APPEAL_PERIOD);

		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 100, compensated: 100, force_majeure: false }
		);
		// 10 from the deposit; 30 from level 1 (all of it); 40 from level 2 (all of it, the
		// guarantees that seated 10 and 11: theirs for 12); 20 from level 3, pro rata.
		let paid = |payer, level, amount| Payment {
			payer,
			source: PaymentSource::Guarantee { level },
			amount,
		};
		let payments = ClaimPayments::<Test>::get(0).unwrap().into_inner();
		assert_eq!(
			payments,
			vec![
				Payment { payer: 14, source: PaymentSource::Deposit, amount: 10 },
				paid(12, 1, 15),
				paid(13, 1, 15),
				paid(10, 2, 20),
				paid(11, 2, 20),
				paid(1, 3, 7),
				paid(2, 3, 7),
				paid(3, 3, 6),
			]
		);
		assert_eq!(free(15), claimant_before + 100);
		assert_eq!(issuance(), issuance_before);
		// Every guarantor who paid is owed by the respondent.
		for (creditor, amount) in [(12, 15), (13, 15), (10, 20), (11, 20), (1, 7), (2, 7), (3, 6)] {
			assert_eq!(Debts::<Test>::get(14, creditor), Some(amount));
		}
		assert_eq!(Members::<Test>::get(14).unwrap().debt, 90);
		// Exhausted guarantees are gone, and their wards suspended.
		assert!(Guarantees::<Test>::get(14, 12).is_none());
		assert_eq!(status(14), Some(MemberStatus::Suspended));
		assert_eq!(status(12), Some(MemberStatus::Suspended));
		assert_eq!(Guarantees::<Test>::get(10, 1).unwrap().amount, 23);
		assert_eq!(Guarantees::<Test>::get(11, 3).unwrap().amount, 24);
		assert_eq!(status(13), Some(MemberStatus::Active));
	});
}

#[test]
fn past_the_top_level_the_arbiter_decides() {
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		run_to_block(1 + 3 * DECISION_PERIOD);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 3);
		assert_eq!(claim.phase, ClaimPhase::Arbitration);
		assert_eq!(claim.deadline_block(), Some(1 + 3 * DECISION_PERIOD + ARBITRATION_PERIOD));
		System::assert_last_event(Event::ClaimSentToArbiter { claim: 0, level: 3 }.into());
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, Verdict::Reject));
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Rejected);
	});
}

#[test]
fn with_no_guarantors_above_the_arbiter_decides() {
	// 4 guaranteed by the founders 1 and 2, who have no guarantors.
	ExtBuilder::default().guarantees(&[(1, 4, 20), (2, 4, 20)]).build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(3),
			4,
			10,
			Default::default(),
			None
		));
		run_to_block(1 + DECISION_PERIOD);
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
		assert_eq!(Claims::<Test>::get(0).unwrap().level(), 1);
	});
}

#[test]
fn a_deadlock_escalates_in_the_next_block_without_strikes() {
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(12), 0, uphold(100)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(13), 0, Verdict::Reject));
		assert_eq!(Claims::<Test>::get(0).unwrap().deadline_block(), Some(2));
		run_to_block(2);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 2);
		assert!(guarantor_events().contains(&Event::ClaimEscalated {
			claim: 0,
			level: 2,
			reason: EscalationReason::Deadlock,
			panel: vec![10, 11],
			deadline: 2 + DECISION_PERIOD,
		}));
		assert_eq!(Members::<Test>::get(12).unwrap().strikes, 0);
		assert_eq!(Members::<Test>::get(13).unwrap().strikes, 0);
	});
}

#[test]
fn at_max_strikes_a_member_neither_vouches_nor_judges() {
	deep_tree().build_and_execute(|| {
		// Two silent panels in a row: 12 and 13 reach MaxStrikes = 2.
		for round in 0..2u64 {
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(15),
				14,
				10,
				Default::default(),
				None
			));
			run_to_block(System::block_number() + DECISION_PERIOD);
			let id = round as u32;
			assert_eq!(Claims::<Test>::get(id).unwrap().level(), 2);
		}
		assert!(guarantor_events().contains(&Event::StruckOut { who: 12 }));
		assert_noop!(Guarantor::vouch(RuntimeOrigin::signed(12), 20, 10), Error::<Test>::StruckOut);
		// 14's two guarantors are struck out: their guarantees still cover 14, but no longer
		// make it a member.
		assert_eq!(status(14), Some(MemberStatus::Suspended));
		assert_eq!(Guarantor::coverage(&14), 30);
		// A third claim against 14 finds no eligible panel at level 1: straight to the arbiter.
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			10,
			Default::default(),
			None
		));
		assert_eq!(Claims::<Test>::get(2).unwrap().phase, ClaimPhase::Arbitration);
	});
}

#[test]
fn a_flood_of_deadlines_delays_but_never_refuses_an_honest_action() {
	deep_tree().build_and_execute(|| {
		let file = |claimant, respondent| {
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(claimant),
				respondent,
				10,
				Default::default(),
				None
			));
		};
		// The attacker 15 files 40 claims in one block, all due at the same block: each holds
		// a bond, and none is refused.
		for _ in 0..40 {
			file(15, 14);
		}
		assert_eq!(held(HoldReason::ClaimBond, 15), 40 * CLAIM_BOND);
		// An honest claim beside them is filed all the same, last in that block's queue.
		file(2, 12);
		let due = 1 + DECISION_PERIOD;
		let honest = Claims::<Test>::get(40).unwrap();
		assert_eq!(honest.deadline, Some(crate::Slot { block: due, index: 40 }));
		// The queue may spend only enough for three due claims per block.
		run_to_block(due - 1);
		DEADLINE_WEIGHT.with(|w| *w.borrow_mut() = Weight::from_parts(1 + 1 + 3 * 10, 0));
		run_to_block(due + 2);
		// The nominal deadline passed, but the claim is not processed yet: its panel may still
		// vote, and its decision is queued like any other deadline.
		assert_eq!(Claims::<Test>::get(40).unwrap().level(), 1);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(10), 40, uphold(10)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(11), 40, uphold(10)));
		assert!(matches!(Claims::<Test>::get(40).unwrap().phase, ClaimPhase::Decided { .. }));
		// Every one of the 40 is processed within ⌈40 / 3⌉ blocks of being due; nobody who
		// voted on the honest claim is struck for it.
		run_to_block(due + 40u64.div_ceil(3));
		for id in 0..40 {
			assert!(Claims::<Test>::get(id).unwrap().level() >= 2, "claim {id}");
		}
		let struck_on_honest =
			guarantor_events().into_iter().any(|e| matches!(e, Event::Struck { claim: 40, .. }));
		assert!(!struck_on_honest);
	});
}

#[test]
fn deadlines_that_do_not_fit_the_weight_carry_over() {
	deep_tree().build_and_execute(|| {
		for _ in 0..3 {
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(15),
				14,
				10,
				Default::default(),
				None
			));
		}
		let due = 1 + DECISION_PERIOD;
		run_to_block(due - 1);
		// Room for the base, one block's queue and two claims.
		DEADLINE_WEIGHT.with(|w| *w.borrow_mut() = Weight::from_parts(1 + 1 + 2 * 10, 0));
		run_to_block(due);
		let levels: Vec<u32> = (0..3).map(|id| Claims::<Test>::get(id).unwrap().level()).collect();
		assert_eq!(levels, vec![2, 2, 1]);
		assert_eq!(DeadlineRanges::<Test>::get(due), QueueRange { head: 2, tail: 3 });
		assert_eq!(Deadlines::<Test>::get(due, 2), Some(2));
		assert_eq!(DeadlineCursor::<Test>::get(), due);
		run_to_block(due + 1);
		assert_eq!(Claims::<Test>::get(2).unwrap().level(), 2);
		assert!(!DeadlineRanges::<Test>::contains_key(due));
		assert_eq!(Deadlines::<Test>::iter_prefix(due).count(), 0);
		assert_eq!(DeadlineCursor::<Test>::get(), due + 2);
	});
}

#[test]
fn a_deadline_its_claim_moved_on_from_is_skipped_when_it_falls_due() {
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		let decision_deadline = Claims::<Test>::get(0).unwrap().deadline.unwrap();
		assert_eq!(decision_deadline.block, 1 + DECISION_PERIOD);
		// The panel decides at once: the claim's deadline moves to the end of the appeal
		// window, and the decision deadline stays queued, superseded.
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(12), 0, uphold(100)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(13), 0, uphold(100)));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.deadline_block(), Some(1 + APPEAL_PERIOD));
		assert_eq!(
			Deadlines::<Test>::get(decision_deadline.block, decision_deadline.index),
			Some(0)
		);
		// The decision becomes final (and is paid) at its own deadline ...
		run_to_block(1 + APPEAL_PERIOD);
		let paid = Claims::<Test>::get(0).unwrap().phase;
		assert!(matches!(paid, ClaimPhase::Paid { .. }));
		let events_before = guarantor_events().len();
		// ... and the superseded entry, when it falls due, changes nothing and fails nothing.
		run_to_block(decision_deadline.block);
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, paid);
		assert_eq!(guarantor_events().len(), events_before);
		assert_eq!(Deadlines::<Test>::iter_prefix(decision_deadline.block).count(), 0);
		assert!(!DeadlineRanges::<Test>::contains_key(decision_deadline.block));
	});
}

#[test]
fn a_superseded_deadline_of_a_claim_pruned_since_is_skipped() {
	deep_tree().build_and_execute(|| {
		// Panels get long to decide, and a final claim is kept for a short while only.
		let timing = crate::Timing { decision_period: 100, retention: 3, ..Guarantor::timing() };
		assert_ok!(Guarantor::set_timing(RuntimeOrigin::root(), timing));
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(14), 50));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			20,
			Default::default(),
			None
		));
		let deadline = Claims::<Test>::get(0).unwrap().deadline.unwrap();
		// The respondent pays in full at once: the claim is final, and pruned 3 blocks later,
		// long before its old deadline falls due.
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(14), 0, false));
		run_to_block(10);
		assert!(Claims::<Test>::get(0).is_none(), "pruned");
		assert_eq!(Deadlines::<Test>::get(deadline.block, deadline.index), Some(0));
		let events_before = guarantor_events().len();
		run_to_block(deadline.block);
		assert_eq!(guarantor_events().len(), events_before, "nothing happens, nothing fails");
		assert_eq!(Deadlines::<Test>::iter_prefix(deadline.block).count(), 0);
	});
}

#[test]
fn a_claim_keeps_every_step_after_its_filing_until_it_is_pruned() {
	use crate::{ClaimStep, ClaimSteps};
	deep_tree().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(15),
			14,
			100,
			Default::default(),
			None
		));
		// The filing is the claim's `filed_at`: no step is written for it.
		assert!(!ClaimSteps::<Test>::contains_key(0));
		assert!(Guarantor::claim_steps(0).is_empty());

		// Level 1 is silent: it climbs; level 2 upholds; the respondent appeals; level 3
		// rejects; the appeal period passes.
		let climbed = 1 + DECISION_PERIOD;
		run_to_block(climbed);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(10), 0, uphold(60)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(11), 0, uphold(60)));
		let decided = climbed;
		run_to_block(decided + 2);
		let appealed = decided + 2;
		assert_ok!(Guarantor::appeal(RuntimeOrigin::signed(14), 0));
		for panelist in panel_of(0) {
			if Claims::<Test>::get(0).unwrap().phase.is_voting() {
				assert_ok!(Guarantor::vote(RuntimeOrigin::signed(panelist), 0, Verdict::Reject));
			}
		}
		let final_at = appealed + APPEAL_PERIOD;
		run_to_block(final_at);

		let step = |at, level, phase| ClaimStep { at, level, phase };
		let steps = vec![
			step(climbed, 2, ClaimPhase::Open),
			step(decided, 2, ClaimPhase::Decided { verdict: uphold(60) }),
			step(appealed, 3, ClaimPhase::Appealed),
			step(appealed, 3, ClaimPhase::Decided { verdict: Verdict::Reject }),
			step(final_at, 3, ClaimPhase::Rejected),
		];
		assert_eq!(Guarantor::claim_steps(0), steps);
		assert_eq!(steps[1].verdict(), Some(uphold(60)));
		assert_eq!(steps[0].verdict(), None);

		// Kept as long as the claim, pruned with it.
		run_to_block(final_at + RETENTION);
		assert!(Claims::<Test>::get(0).is_none());
		assert!(!ClaimSteps::<Test>::contains_key(0));
		assert!(Guarantor::claim_steps(0).is_empty());
	});
}
