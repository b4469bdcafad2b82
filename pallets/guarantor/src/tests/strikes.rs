//! Strikes: given for silence, taken off by a vote in time, lapsing after `strike_lapse`; a
//! struck-out guarantor's guarantees pay but no longer make a member.

use super::*;
use crate::{Claims, Error, Event};
use frame_support::assert_noop;

/// 4 is guaranteed by the founders 1 and 2 (20 each) and 3 (20); 5 files against it; 6 is
/// guaranteed by 1 and 2.
fn panel_of_three() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[
		(1, 4, 20),
		(2, 4, 20),
		(3, 4, 20),
		(1, 5, 20),
		(2, 5, 20),
		(1, 6, 20),
		(2, 6, 20),
	])
}

fn file_against_4() -> u32 {
	let id = crate::NextClaimId::<Test>::get();
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 10, Default::default(), None));
	id
}

fn strikes(who: AccountId) -> u32 {
	Members::<Test>::get(who).unwrap().strikes
}

#[test]
fn silence_strikes_and_a_vote_in_time_takes_a_strike_off() {
	panel_of_three().build_and_execute(|| {
		let first = file_against_4();
		run_to_block(1 + DECISION_PERIOD);
		assert_eq!((strikes(1), strikes(2), strikes(3)), (1, 1, 1));
		let lapse_at = 1 + DECISION_PERIOD + STRIKE_LAPSE;
		assert_eq!(Members::<Test>::get(1).unwrap().strikes_lapse_at, Some(lapse_at));
		// Nobody above the founders: the first claim waits for the arbiter.
		assert_eq!(Claims::<Test>::get(first).unwrap().phase, crate::ClaimPhase::Arbitration);
		// On the next claim 1 votes in time: one strike off.
		let second = file_against_4();
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), second, uphold(10)));
		assert_eq!(strikes(1), 0);
		assert_eq!(Members::<Test>::get(1).unwrap().strikes_lapse_at, None);
		assert!(guarantor_events().contains(&Event::StrikeRemoved { who: 1, strikes: 0 }));
	});
}

#[test]
fn a_struck_out_guarantor_pays_but_no_longer_makes_its_ward_a_member() {
	panel_of_three().build_and_execute(|| {
		// Two silent panels: 1, 2 and 3 reach MaxStrikes (2) and are struck out.
		file_against_4();
		run_to_block(1 + DECISION_PERIOD);
		file_against_4();
		run_to_block(System::block_number() + DECISION_PERIOD);
		for who in [1, 2, 3] {
			assert!(guarantor_events().contains(&Event::StruckOut { who }));
		}
		// 4's and 6's guarantees no longer count toward membership, but still cover them.
		assert_eq!(status(4), Some(MemberStatus::Suspended));
		assert_eq!(status(6), Some(MemberStatus::Suspended));
		assert_eq!(Guarantor::coverage(&4), 60);
		assert_eq!(Members::<Test>::get(4).unwrap().live_guarantors, 0);
		assert_noop!(Guarantor::vouch(RuntimeOrigin::signed(1), 7, 10), Error::<Test>::StruckOut);
		// And they still pay: the arbiter upholds the open claim against 4.
		let open = Claims::<Test>::iter()
			.find(|(_, c)| c.phase == crate::ClaimPhase::Arbitration)
			.map(|(id, _)| id)
			.unwrap();
		let before = held(HoldReason::Guarantee, 1);
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), open, uphold(9)));
		assert_eq!(held(HoldReason::Guarantee, 1), before - 3);
	});
}

#[test]
fn strikes_lapse_and_anyone_may_clear_them() {
	panel_of_three().build_and_execute(|| {
		assert_noop!(
			Guarantor::clear_strikes(RuntimeOrigin::signed(9), 1),
			Error::<Test>::NoStrikes
		);
		assert_noop!(
			Guarantor::clear_strikes(RuntimeOrigin::signed(9), 20),
			Error::<Test>::NotMember
		);
		file_against_4();
		run_to_block(1 + DECISION_PERIOD);
		file_against_4();
		run_to_block(System::block_number() + DECISION_PERIOD);
		assert_eq!(status(4), Some(MemberStatus::Suspended));
		let lapse_at = Members::<Test>::get(1).unwrap().strikes_lapse_at.unwrap();
		run_to_block(lapse_at - 1);
		assert_noop!(
			Guarantor::clear_strikes(RuntimeOrigin::signed(9), 1),
			Error::<Test>::StrikesNotLapsed
		);
		run_to_block(lapse_at);
		assert_ok!(Guarantor::clear_strikes(RuntimeOrigin::signed(9), 1));
		assert_ok!(Guarantor::clear_strikes(RuntimeOrigin::signed(9), 2));
		assert!(guarantor_events().contains(&Event::StrikesCleared { who: 1 }));
		assert_eq!((strikes(1), strikes(2)), (0, 0));
		// 1 and 2 count again: 4 and 6 are members again, and 1 may vouch.
		assert_eq!(status(4), Some(MemberStatus::Active));
		assert_eq!(status(6), Some(MemberStatus::Active));
		assert!(guarantor_events().contains(&Event::MemberReinstated { who: 6 }));
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(1), 7, 10));
	});
}
