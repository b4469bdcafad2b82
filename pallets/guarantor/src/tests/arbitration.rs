//! Arbitration: the council members uninvolved in a claim decide it, within a deadline, and
//! the default applies when they do not.

use super::*;
use crate::{Arbitrations, ClaimPhase, Claims, ClaimsByAccount, Error, Event, Guarantees, Side};
use frame_support::assert_noop;
use poruka_primitives::ClaimOutcome;

/// 4 and 5 are members guaranteed by founders 1 and 2 (who have no guarantors: a claim
/// against 4 or 5 reaches arbitration after one level).
fn cooperative() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 30), (1, 5, 20), (2, 5, 20)])
}

/// 5 files 30 against 4; 4's guarantors 1 and 2 let the decision period pass: the claim is in
/// arbitration at block `1 + DECISION_PERIOD`. Returns its id.
fn claim_in_arbitration() -> u32 {
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 30, Default::default(), None));
	run_to_block(1 + DECISION_PERIOD);
	let claim = Claims::<Test>::get(0).unwrap();
	assert_eq!(claim.phase, ClaimPhase::Arbitration);
	0
}

fn arbiters(id: u32) -> Vec<AccountId> {
	Arbitrations::<Test>::get(id).unwrap().arbiters.iter().map(|a| a.who).collect()
}

fn liable_claims(guarantor: AccountId, ward: AccountId) -> u32 {
	Guarantees::<Test>::get(ward, guarantor).unwrap().liable_claims
}

#[test]
fn the_uninvolved_council_members_sit_with_a_deadline() {
	cooperative().build_and_execute(|| {
		// The council: 1 (a panelist of the claim), 5 (its claimant) and three others.
		set_council(vec![1, 5, 90, 91, 92]);
		let id = claim_in_arbitration();
		assert_eq!(arbiters(id), vec![90, 91, 92]);
		let deadline = 1 + DECISION_PERIOD + ARBITRATION_PERIOD;
		assert_eq!(Claims::<Test>::get(id).unwrap().deadline_block(), Some(deadline));
		System::assert_has_event(
			Event::ArbitrationOpened {
				claim: id,
				arbiters: vec![90, 91, 92],
				deadline,
				standing: None,
			}
			.into(),
		);
		// They see it among their claims, as arbiters.
		assert!(ClaimsByAccount::<Test>::contains_key(90, NewestFirst::new(id)));
		let view = Guarantor::claims_of(&90, None);
		assert_eq!(view.claims[0].role, crate::queries::ClaimRole::Arbiter);
		// The claim's status shows them.
		let status = Guarantor::claim_status(id).unwrap();
		let seated: Vec<_> =
			status.arbitration.unwrap().arbiters.iter().map(|a| (a.who, a.vote)).collect();
		assert_eq!(seated, vec![(90, None), (91, None), (92, None)]);
	});
}

#[test]
fn a_majority_of_the_arbiters_resolves_and_it_is_paid_at_the_next_block() {
	cooperative().build_and_execute(|| {
		let id = claim_in_arbitration();
		let total = issuance();
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(30)));
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Arbitration);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(91), id, uphold(20)));
		System::assert_last_event(
			Event::ArbitrationDecided { claim: id, verdict: uphold(20) }.into(),
		);
		// The majority decided: a third vote is refused, and it is carried out at the next block.
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(92), id, Verdict::Reject),
			Error::<Test>::AlreadyDecided
		);
		let now = System::block_number();
		assert_eq!(Claims::<Test>::get(id).unwrap().deadline_block(), Some(now + 1));
		run_to_block(now + 1);
		System::assert_has_event(Event::ClaimResolved { claim: id, verdict: uphold(20) }.into());
		assert_eq!(
			Claims::<Test>::get(id).unwrap().phase,
			ClaimPhase::Paid { amount: 20, compensated: 20, force_majeure: false }
		);
		// The claim bond came back, the guarantees are no longer frozen, no money was made.
		assert_eq!(held(HoldReason::ClaimBond, 5), 0);
		assert_eq!((liable_claims(1, 4), liable_claims(2, 4)), (0, 0));
		assert_eq!(issuance(), total);
		assert_eq!(
			outcomes(),
			vec![(
				id,
				None,
				ClaimOutcome::Upheld { amount: 20, compensated: 20, force_majeure: false }
			)]
		);
	});
}

#[test]
fn an_involved_council_member_and_an_outsider_cannot_arbitrate() {
	cooperative().build_and_execute(|| {
		set_council(vec![1, 4, 5, 90, 91]);
		let id = claim_in_arbitration();
		assert_eq!(arbiters(id), vec![90, 91]);
		// The respondent, the claimant and a panelist are on the council, and refused.
		for involved in [4, 5, 1] {
			assert_noop!(
				Guarantor::vote(RuntimeOrigin::signed(involved), id, Verdict::Reject),
				Error::<Test>::InvolvedArbiter
			);
		}
		// A member who is not on the council is not an arbiter.
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(3), id, Verdict::Reject),
			Error::<Test>::NotPanelist
		);
		// An arbiter votes once, and an amount above the claim is refused.
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(31)),
			Error::<Test>::InvalidAmount
		);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, Verdict::Reject));
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(90), id, Verdict::Reject),
			Error::<Test>::AlreadyVoted
		);
	});
}

#[test]
fn a_council_packed_after_the_claim_reached_arbitration_gains_no_seat() {
	cooperative().build_and_execute(|| {
		let id = claim_in_arbitration();
		// The respondent's friends join the council once the claim is in arbitration.
		set_council(vec![80, 81, 82, 90, 91, 92]);
		for newcomer in [80, 81, 82] {
			assert_noop!(
				Guarantor::vote(RuntimeOrigin::signed(newcomer), id, Verdict::Reject),
				Error::<Test>::NotPanelist
			);
		}
		assert_eq!(arbiters(id), vec![90, 91, 92]);
	});
}

#[test]
fn one_vote_is_not_enough_and_silence_dismisses_the_claim_releasing_every_hold() {
	cooperative().build_and_execute(|| {
		let total = issuance();
		// Founder 3 has no part in the claim: it arbitrates, and stays silent.
		set_council(vec![3, 90, 91]);
		let id = claim_in_arbitration();
		assert_eq!(held(HoldReason::ClaimBond, 5), CLAIM_BOND);
		assert_eq!((liable_claims(1, 4), liable_claims(2, 4)), (1, 1));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(30)));
		run_to_block(System::block_number() + 1);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Arbitration);
		// The deadline passes: no panel reached a majority, so nothing stands.
		run_to_block(1 + DECISION_PERIOD + ARBITRATION_PERIOD);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Dismissed);
		System::assert_has_event(Event::ArbitrationLapsed { claim: id, standing: None }.into());
		System::assert_has_event(Event::ClaimDismissed { claim: id }.into());
		// Nobody was found at fault: the bond is back, the guarantees thawed, nothing paid.
		assert_eq!(held(HoldReason::ClaimBond, 5), 0);
		System::assert_has_event(
			Event::BondReturned { claim: id, who: 5, amount: CLAIM_BOND }.into(),
		);
		assert_eq!((liable_claims(1, 4), liable_claims(2, 4)), (0, 0));
		assert_eq!(crate::ClaimPayments::<Test>::get(id), None);
		assert_eq!(Members::<Test>::get(4).unwrap().open_claims, 0);
		assert_eq!(Members::<Test>::get(5).unwrap().filed_claims, 0);
		assert_eq!(outcomes(), vec![(id, None, ClaimOutcome::Dismissed)]);
		assert_eq!(issuance(), total);
		// Arbiters are not struck for silence: 3, a member, sat silent and has no strike.
		assert!(arbiters(id).contains(&3));
		assert_eq!(Members::<Test>::get(3).unwrap().strikes, 0);
	});
}

#[test]
fn only_council_members_in_good_standing_are_seated() {
	// A council is changed by motion, which can lag behind the cooperative: a council member
	// may have left, be leaving, or have been struck out for failing its wards. None of them
	// judges a claim (a panel would not seat them either).
	cooperative().build_and_execute(|| {
		// 80 was never a member; 90 gives notice and leaves; 91 is struck out (2 strikes).
		set_council(vec![80, 90, 91, 92]);
		assert_ok!(Guarantor::leave(RuntimeOrigin::signed(90)));
		// (Struck for two earlier claims' deadlines it let pass.)
		assert_ok!(Guarantor::strike(&91, 100));
		assert_ok!(Guarantor::strike(&91, 101));
		assert!(Guarantor::is_struck_out(&Members::<Test>::get(91).unwrap()));
		let id = claim_in_arbitration();
		assert_eq!(arbiters(id), vec![92]);
		System::assert_has_event(
			Event::ArbitrationOpened {
				claim: id,
				arbiters: vec![92],
				deadline: 1 + DECISION_PERIOD + ARBITRATION_PERIOD,
				standing: None,
			}
			.into(),
		);
		for unseated in [80, 90, 91] {
			assert!(!ClaimsByAccount::<Test>::contains_key(unseated, NewestFirst::new(id)));
			assert_noop!(
				Guarantor::vote(RuntimeOrigin::signed(unseated), id, uphold(30)),
				Error::<Test>::NotPanelist
			);
		}
		// The one in good standing decides alone.
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(92), id, Verdict::Reject));
		run_to_block(System::block_number() + 1);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Rejected);
	});
}

#[test]
fn a_split_vote_applies_the_default_at_the_next_block() {
	cooperative().build_and_execute(|| {
		set_council(vec![90, 91]);
		let id = claim_in_arbitration();
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(30)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(91), id, Verdict::Reject));
		let now = System::block_number();
		run_to_block(now + 1);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Dismissed);
	});
}

#[test]
fn one_uninvolved_member_decides_alone_and_with_none_the_default_waits_the_period() {
	cooperative().build_and_execute(|| {
		// The only other council member is the respondent itself: 90 alone arbitrates, and
		// its vote is a majority of one.
		set_council(vec![4, 90]);
		let id = claim_in_arbitration();
		assert_eq!(arbiters(id), vec![90]);
		let deadline = 1 + DECISION_PERIOD + ARBITRATION_PERIOD;
		assert_eq!(Claims::<Test>::get(id).unwrap().deadline_block(), Some(deadline));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(10)));
		run_to_block(System::block_number() + 1);
		assert!(matches!(
			Claims::<Test>::get(id).unwrap().phase,
			ClaimPhase::Paid { amount: 10, .. }
		));
	});
	cooperative().build_and_execute(|| {
		// Nobody uninvolved (an empty council, as right after an upgrade that adds it): the
		// whole period still runs, for root to act, before the default.
		set_council(vec![]);
		let id = claim_in_arbitration();
		assert!(arbiters(id).is_empty());
		let deadline = 1 + DECISION_PERIOD + ARBITRATION_PERIOD;
		run_to_block(deadline - 1);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Arbitration);
		run_to_block(deadline);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Dismissed);
	});
}

#[test]
fn a_council_member_whose_guarantee_becomes_liable_loses_its_seat() {
	// 5 is guaranteed by 2 and 3; 3 is on the council and sits out nothing at first.
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (2, 5, 20), (3, 5, 20)])
		.build_and_execute(|| {
			set_council(vec![3, 90, 91]);
			let id = claim_in_arbitration();
			assert_eq!(arbiters(id), vec![3, 90, 91]);
			// 4 counter-claims: 5's guarantees (2's and 3's) become liable, so 3 has money on
			// the outcome and is unseated, its index entry with it.
			assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), id, Some(10)));
			assert_eq!(arbiters(id), vec![90, 91]);
			assert!(!ClaimsByAccount::<Test>::contains_key(3, NewestFirst::new(id)));
			assert_noop!(
				Guarantor::vote(RuntimeOrigin::signed(3), id, Verdict::Reject),
				Error::<Test>::InvolvedArbiter
			);
		});
}

#[test]
fn the_votes_left_after_an_arbiter_is_unseated_decide_if_they_are_a_majority() {
	// Found by the fuzzer (seed 1781504720066): an unseated arbiter's vote left a decision
	// that was no longer the arbiters' majority.
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (2, 5, 20), (3, 5, 20)])
		.build_and_execute(|| {
			set_council(vec![3, 90, 91, 92]);
			let id = claim_in_arbitration();
			assert_eq!(arbiters(id), vec![3, 90, 91, 92]);
			let reject = Verdict::Reject;
			// 90 and 91 reject: two of four, not yet a majority.
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, reject));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(91), id, reject));
			assert_eq!(Arbitrations::<Test>::get(id).unwrap().decision, None);
			// 4's counter-claim unseats 3: two of three is a majority, decided at once and
			// carried out at the next block.
			assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), id, Some(10)));
			assert_eq!(arbiters(id), vec![90, 91, 92]);
			assert_eq!(Arbitrations::<Test>::get(id).unwrap().decision, Some(reject));
			System::assert_has_event(
				Event::ArbitrationDecided { claim: id, verdict: reject }.into(),
			);
			let now = System::block_number();
			assert_eq!(Claims::<Test>::get(id).unwrap().deadline_block(), Some(now + 1));
			run_to_block(now + 1);
			assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Rejected);
		});
}

#[test]
fn a_claim_cannot_be_contested_once_its_arbiters_decided() {
	cooperative().build_and_execute(|| {
		let id = claim_in_arbitration();
		let reject = Verdict::Reject;
		for arbiter in arbiters(id).iter().take(2) {
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(*arbiter), id, reject));
		}
		assert_eq!(Arbitrations::<Test>::get(id).unwrap().decision, Some(reject));
		// Too late to reshape the dispute before the decision is carried out.
		assert_noop!(
			Guarantor::contest(RuntimeOrigin::signed(4), id, Some(10)),
			Error::<Test>::CannotContest
		);
		assert_noop!(
			Guarantor::contest(RuntimeOrigin::signed(4), id, None),
			Error::<Test>::CannotContest
		);
	});
}

#[test]
fn a_council_member_liable_for_the_claim_is_never_seated() {
	// 4 has four guarantors; panels seat the three largest (1, 2 and 6), so 3's guarantee is
	// liable for a claim against 4 without 3 ever sitting on its panel.
	ExtBuilder::default()
		.guarantees(&[
			(1, 6, 20),
			(2, 6, 20),
			(1, 4, 40),
			(2, 4, 30),
			(6, 4, 25),
			(3, 4, 20),
			(1, 5, 20),
			(2, 5, 20),
		])
		.build_and_execute(|| {
			set_council(vec![3, 90, 91]);
			let id = claim_in_arbitration();
			assert!(!Claims::<Test>::get(id).unwrap().has_sat(&3));
			assert_eq!(arbiters(id), vec![90, 91]);
			assert_noop!(
				Guarantor::vote(RuntimeOrigin::signed(3), id, Verdict::Reject),
				Error::<Test>::InvolvedArbiter
			);
		});
}

#[test]
fn an_acknowledged_claim_nobody_decided_is_rejected_not_dismissed_and_the_rest_is_owed() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 10));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		// 4 pays 10 of it from its deposit; the rest waits for a verdict that never comes.
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		run_to_block(1 + DECISION_PERIOD + ARBITRATION_PERIOD);
		let phase = Claims::<Test>::get(0).unwrap().phase;
		assert_eq!(phase, ClaimPhase::Paid { amount: 30, compensated: 10, force_majeure: false });
		// Acknowledging meant owing it all: 4 owes 5 the other 20, its guarantors nothing.
		assert_eq!(crate::Debts::<Test>::get(4, 5), Some(20));
		assert_eq!((liable_claims(1, 4), liable_claims(2, 4)), (0, 0));
	});
}

#[test]
fn a_decision_the_appeal_failed_to_overturn_stands_when_the_arbiters_are_silent() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(24)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(20)));
		// 4 appeals; nobody is above its guarantors: the claim goes to arbitration with the
		// level-1 decision standing.
		assert_ok!(Guarantor::appeal(RuntimeOrigin::signed(4), 0));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.phase, ClaimPhase::Arbitration);
		let standing = Some(uphold(20));
		assert_eq!(Arbitrations::<Test>::get(0).unwrap().standing, standing);
		let deadline = claim.deadline_block().unwrap();
		run_to_block(deadline);
		System::assert_has_event(Event::ArbitrationLapsed { claim: 0, standing }.into());
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 20, compensated: 20, force_majeure: false }
		);
		// The appellant lost: its appeal bond went to the claimant.
		assert_eq!(held(HoldReason::ClaimBond, 4), 0);
		System::assert_has_event(
			Event::BondForfeited { claim: 0, from: 4, to: 5, amount: APPEAL_BOND }.into(),
		);
	});
}

#[test]
fn a_respondent_on_the_council_cannot_stall_its_claim_for_ever() {
	cooperative().build_and_execute(|| {
		// The respondent sits on the council with one ally; the rest say nothing.
		set_council(vec![4, 90, 91]);
		let id = claim_in_arbitration();
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(4), id, Verdict::Reject),
			Error::<Test>::InvolvedArbiter
		);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, Verdict::Reject));
		// However long it waits, the deadline ends the claim and frees what it froze.
		run_to_block(1 + DECISION_PERIOD + ARBITRATION_PERIOD);
		assert!(Claims::<Test>::get(id).unwrap().phase.is_final());
		assert_eq!((liable_claims(1, 4), liable_claims(2, 4)), (0, 0));
	});
}

#[test]
fn the_arbiter_origin_can_still_resolve_over_the_arbiters() {
	cooperative().build_and_execute(|| {
		let id = claim_in_arbitration();
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(90), id, uphold(30)));
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), id, Verdict::Reject));
		let claim = Claims::<Test>::get(id).unwrap();
		assert_eq!((claim.phase, claim.deadline_block()), (ClaimPhase::Rejected, None));
		// Its arbitration record stays readable until the claim is pruned.
		assert!(Arbitrations::<Test>::contains_key(id));
		run_to_block(System::block_number() + RETENTION + 1);
		assert!(!Arbitrations::<Test>::contains_key(id));
		assert!(!ClaimsByAccount::<Test>::contains_key(90, NewestFirst::new(id)));
	});
}

#[test]
fn a_claim_in_arbitration_on_a_counter_claim_can_find_the_claimant_at_fault() {
	cooperative().build_and_execute(|| {
		let id = claim_in_arbitration();
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), id, Some(10)));
		assert_ok!(Guarantor::vote(
			RuntimeOrigin::signed(90),
			id,
			Verdict::CounterUphold { amount: 10, force_majeure: false }
		));
		assert_ok!(Guarantor::vote(
			RuntimeOrigin::signed(91),
			id,
			Verdict::CounterUphold { amount: 8, force_majeure: false }
		));
		run_to_block(System::block_number() + 1);
		let claim = Claims::<Test>::get(id).unwrap();
		assert_eq!(
			claim.phase,
			ClaimPhase::CounterPaid { amount: 8, compensated: 8, force_majeure: false }
		);
		assert!(guarantor_events().iter().any(|e| matches!(
			e,
			Event::CompensationPaid { at_fault: Side::Claimant, amount: 8, .. }
		)));
	});
}

#[test]
fn a_guarantor_of_a_respondent_no_panel_can_judge_does_not_arbitrate_its_claim() {
	// 4's guarantors 1, 2 and 3 revoke: revoked guarantees seat nobody, but in their notice they
	// are still liable. A claim against 4 goes straight to arbitration with all three liable.
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (3, 4, 20), (1, 5, 20), (2, 5, 20)])
		.build_and_execute(|| {
			for who in [1, 2, 3] {
				assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(who), 4));
			}
			set_council(vec![3, 90, 91]);
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(5),
				4,
				30,
				Default::default(),
				None
			));
			assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
			assert!(!arbiters(0).contains(&3), "{:?}", arbiters(0));
		});
}
