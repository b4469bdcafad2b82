//! Written from the side of a member who wants to get around the rules: each test is an attack
//! and what the chain does about it (docs/guarantor.md keeps the list).

use super::*;
use crate::{ClaimPhase, Claims, Debts, Error, Event, Guarantees, Side};
use frame_support::assert_noop;
use poruka_primitives::{ClaimFiler, ClaimOutcome, ClaimSubject};

/// 4 (deposit 10) is guaranteed by the founders 1 and 2 (40 each); 5 by 1 and 3; 6 by 2 and 3.
fn cooperative() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[
		(1, 4, 40),
		(2, 4, 40),
		(1, 5, 20),
		(3, 5, 20),
		(2, 6, 20),
		(3, 6, 20),
	])
}

fn guarantees_held() -> Balance {
	[1, 2, 3].iter().map(|g| held(HoldReason::Guarantee, *g)).sum()
}

#[test]
fn claimant_and_respondent_collude_with_acknowledge_and_the_guarantors_holds_are_unchanged() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 10));
		let before = guarantees_held();
		// 5 and 4 agree to move 4's guarantors' money to 5: 5 files, 4 "acknowledges".
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			80,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		// Only 4's own deposit moved; the guarantors' money did not.
		System::assert_last_event(
			Event::ClaimAcknowledged { claim: 0, paid: 10, remaining: 70 }.into(),
		);
		assert_eq!(guarantees_held(), before);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.phase, claim.acknowledged), (ClaimPhase::Open, 10));
		// The rest goes to 4's guarantors as an ordinary claim, and they see through it.
		judge(0, Verdict::Reject);
		assert_eq!(guarantees_held(), before);
		// 4 acknowledged the whole claim: what it could not pay it owes 5 itself.
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 80, compensated: 10, force_majeure: false }
		);
		assert_eq!(Debts::<Test>::get(4, 5), Some(70));
		assert_eq!(Debts::<Test>::get(4, 1), None);
		assert_eq!(
			outcomes(),
			vec![(
				0,
				None,
				ClaimOutcome::Upheld { amount: 80, compensated: 10, force_majeure: false }
			)]
		);
	});
}

#[test]
fn after_a_partial_acknowledgement_the_guarantors_pay_only_what_they_judge_beyond_it() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 10));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			80,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		// The panel finds 50 was owed: 10 was paid, 40 comes from the guarantees.
		judge(0, uphold(50));
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().amount, 20);
		assert_eq!(Guarantees::<Test>::get(4, 2).unwrap().amount, 20);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 80, compensated: 50, force_majeure: false }
		);
		// 4 owes its guarantors what they paid, and 5 the rest of what it acknowledged.
		assert_eq!(Debts::<Test>::get(4, 1), Some(20));
		assert_eq!(Debts::<Test>::get(4, 5), Some(30));
	});
}

#[test]
fn a_respondent_cannot_empty_its_deposit_while_a_claim_is_open() {
	cooperative().build_and_execute(|| {
		arbitration_period(1_000);
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 50));
		assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(4), 50));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		run_to_block(1 + UNBONDING_PERIOD);
		assert_noop!(
			Guarantor::withdraw_unbonded(RuntimeOrigin::signed(4)),
			Error::<Test>::FrozenByOpenClaim
		);
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(4), 1),
			Error::<Test>::FrozenByOpenClaim
		);
	});
}

#[test]
fn a_claimant_cannot_run_from_a_counter_claim() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(5), 30));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(40)));
		// The claimant's deposit and guarantees are frozen now, as a respondent's are.
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(5), 10),
			Error::<Test>::FrozenByOpenClaim
		);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(3), 5));
		run_to_block(1 + REVOCATION_NOTICE);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(3), 3, 5),
			Error::<Test>::FrozenByOpenClaim
		);
		// Nor can it leave.
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(5)), Error::<Test>::HasOpenClaims);
	});
}

#[test]
fn a_respondent_cannot_both_counter_claim_and_acknowledge_nor_contest_after_acknowledging() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 10));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(10)));
		assert_noop!(
			Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, true),
			Error::<Test>::CounterClaimed
		);
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 1, false));
		assert_noop!(
			Guarantor::contest(RuntimeOrigin::signed(4), 1, None),
			Error::<Test>::CannotContest
		);
	});
}

#[test]
fn a_contest_cannot_erase_a_decision_appeal_is_the_way() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(30)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(30)));
		assert_noop!(
			Guarantor::contest(RuntimeOrigin::signed(4), 0, None),
			Error::<Test>::CannotContest
		);
		assert_ok!(Guarantor::appeal(RuntimeOrigin::signed(4), 0));
	});
}

#[test]
fn a_suspended_receiver_can_still_file_through_a_pallet_but_not_by_hand() {
	cooperative().build_and_execute(|| {
		// 5's guarantor walks away: 5 is suspended.
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(3), 5));
		assert_eq!(status(5), Some(MemberStatus::Suspended));
		assert_noop!(
			Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 30, Default::default(), None),
			Error::<Test>::NotActiveMember
		);
		// The agreements pallet reports a default for it, as long as it can post the bond.
		assert!(<Guarantor as ClaimFiler<_, _>>::can_file(&5));
		let id = <Guarantor as ClaimFiler<_, _>>::file_claim(
			&5,
			&4,
			30,
			b"terms",
			Some(ClaimSubject::Agreement(2)),
		)
		.unwrap();
		assert_eq!(Claims::<Test>::get(id).unwrap().claimant, 5);
		assert_eq!(held(HoldReason::ClaimBond, 5), CLAIM_BOND);
		// Without the bond it cannot.
		let spare = free(5) - 1;
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(5), 20, spare));
		assert!(!<Guarantor as ClaimFiler<_, _>>::can_file(&5));
		// A non-member never can.
		assert!(!<Guarantor as ClaimFiler<_, _>>::can_file(&20));
	});
}

#[test]
fn one_side_cannot_fill_a_contested_panel() {
	// The respondent 4 has five guarantors with large stakes, the claimant 7 two small ones.
	ExtBuilder::default()
		.guarantees(&[(1, 5, 20), (2, 5, 20), (1, 6, 20), (2, 6, 20), (3, 7, 10), (1, 8, 20)])
		.build_and_execute(|| {
			vouch_all(8, &[(2, 20)]);
			vouch_all(7, &[(8, 10)]);
			vouch_all(4, &[(1, 90), (2, 80), (3, 70), (5, 60), (6, 50)]);
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(7),
				4,
				30,
				Default::default(),
				None
			));
			let sides = |id| -> Vec<Side> {
				Claims::<Test>::get(id).unwrap().panel().unwrap().iter().map(|p| p.side).collect()
			};
			assert_eq!(sides(0), vec![Side::Respondent; 3]);
			assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
			// 3 guarantees both; it sits for the respondent. The claimant's side has one other
			// (8): one seat each, whatever the respondent's stakes.
			let panel: Vec<_> = Claims::<Test>::get(0)
				.unwrap()
				.panel()
				.unwrap()
				.iter()
				.map(|p| (p.who, p.side))
				.collect();
			assert_eq!(panel, vec![(1, Side::Respondent), (8, Side::Claimant)]);
		});
}

#[test]
fn nobody_vouches_their_way_onto_a_panel() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		run_to_block(2);
		// After the claim, 6 vouches for the claimant with a large stake, to sit for it.
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(6), 5, 100));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
		let panel: Vec<_> =
			Claims::<Test>::get(0).unwrap().panel().unwrap().iter().map(|p| p.who).collect();
		// 1 sits for the respondent; the claimant's seat is 3's, who stood before the claim.
		assert_eq!(panel, vec![1, 3]);
	});
}

#[test]
fn a_withdrawn_guarantee_seats_nobody() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			30,
			Default::default(),
			None
		));
		// 3 revoked its guarantee for the claimant: it may not sit for it (nor leave and be
		// struck in absentia). With nobody left on the claimant's side, the arbiter decides.
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(3), 5));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
	});
}

#[test]
fn acknowledging_again_and_again_cannot_crowd_out_the_payout() {
	cooperative().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			80,
			Default::default(),
			None
		));
		for _ in 0..60 {
			assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 1));
			assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		}
		// Sixty acknowledgements are one entry; the verdict is still carried out.
		assert_eq!(crate::ClaimPayments::<Test>::get(0).unwrap().len(), 1);
		judge(0, uphold(80));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 80, compensated: 80, force_majeure: false }
		);
	});
}
