//! Tuning the rules' periods.

use super::*;
use crate::{Claims, Error, Event, Guarantees, Timing, Unbonding};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn the_config_periods_apply_until_set_timing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			Guarantor::timing(),
			Timing {
				decision_period: DECISION_PERIOD,
				appeal_period: APPEAL_PERIOD,
				unbonding_period: UNBONDING_PERIOD,
				revocation_notice: REVOCATION_NOTICE,
				strike_lapse: STRIKE_LAPSE,
				retention: RETENTION,
				arbitration_period: ARBITRATION_PERIOD,
			}
		);
	});
}

#[test]
fn set_timing_needs_the_timing_origin_and_positive_periods() {
	ExtBuilder::default().build_and_execute(|| {
		let timing = Timing {
			decision_period: 3,
			appeal_period: 2,
			unbonding_period: 4,
			revocation_notice: 5,
			strike_lapse: 6,
			retention: 8,
			arbitration_period: 7,
		};
		assert_noop!(
			Guarantor::set_timing(RuntimeOrigin::signed(1), timing),
			DispatchError::BadOrigin
		);
		for zeroed in [
			Timing { decision_period: 0, ..timing },
			Timing { appeal_period: 0, ..timing },
			Timing { unbonding_period: 0, ..timing },
			Timing { revocation_notice: 0, ..timing },
			Timing { strike_lapse: 0, ..timing },
			Timing { retention: 0, ..timing },
			Timing { arbitration_period: 0, ..timing },
		] {
			assert_noop!(
				Guarantor::set_timing(RuntimeOrigin::root(), zeroed),
				Error::<Test>::InvalidTiming
			);
		}
		assert_ok!(Guarantor::set_timing(RuntimeOrigin::root(), timing));
		System::assert_last_event(Event::TimingSet { timing }.into());
		assert_eq!(Guarantor::timing(), timing);
	});
}

#[test]
fn new_deadlines_follow_the_new_periods() {
	ExtBuilder::default().guarantees(&[(1, 4, 20), (2, 4, 20)]).build_and_execute(|| {
		let timing = Timing {
			decision_period: 3,
			appeal_period: 2,
			unbonding_period: 4,
			revocation_notice: 5,
			strike_lapse: 6,
			retention: 8,
			arbitration_period: 7,
		};
		assert_ok!(Guarantor::set_timing(RuntimeOrigin::root(), timing));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(3),
			4,
			10,
			Default::default(),
			None
		));
		assert_eq!(Claims::<Test>::get(0).unwrap().deadline_block(), Some(1 + 3));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(10)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(10)));
		assert_eq!(Claims::<Test>::get(0).unwrap().deadline_block(), Some(1 + 2));
		assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 10));
		assert_eq!(Unbonding::<Test>::get(1)[0].release_at, 1 + 4);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().release_at, Some(1 + 5));
	});
}

#[test]
fn strikes_lapse_after_the_period_in_force_when_given() {
	ExtBuilder::default().guarantees(&[(1, 4, 20), (2, 4, 20)]).build_and_execute(|| {
		let timing = Timing { strike_lapse: 7, ..Guarantor::timing() };
		assert_ok!(Guarantor::set_timing(RuntimeOrigin::root(), timing));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(3),
			4,
			10,
			Default::default(),
			None
		));
		run_to_block(1 + DECISION_PERIOD);
		assert_eq!(
			Members::<Test>::get(1).unwrap().strikes_lapse_at,
			Some(1 + DECISION_PERIOD + 7)
		);
	});
}

#[test]
fn change_timing_changes_only_the_periods_it_gives() {
	ExtBuilder::default().build_and_execute(|| {
		let none = Timing {
			decision_period: None,
			appeal_period: None,
			unbonding_period: None,
			revocation_notice: None,
			strike_lapse: None,
			retention: None,
			arbitration_period: None,
		};
		let shorter_decisions = Timing { decision_period: Some(3), ..none };
		assert_noop!(
			Guarantor::change_timing(RuntimeOrigin::signed(1), shorter_decisions),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Guarantor::change_timing(RuntimeOrigin::root(), none),
			Error::<Test>::NoTimingChange
		);
		assert_noop!(
			Guarantor::change_timing(RuntimeOrigin::root(), Timing { retention: Some(0), ..none }),
			Error::<Test>::InvalidTiming
		);

		// Two motions proposed while the periods were the config's, passed one after the
		// other: the second keeps the first's change (with set_timing, stating all seven as
		// they were when proposed, it would undo it).
		let longer_retention = Timing { retention: Some(99), ..none };
		assert_ok!(Guarantor::change_timing(RuntimeOrigin::root(), shorter_decisions));
		assert_ok!(Guarantor::change_timing(RuntimeOrigin::root(), longer_retention));
		let timing = Timing {
			decision_period: 3,
			appeal_period: APPEAL_PERIOD,
			unbonding_period: UNBONDING_PERIOD,
			revocation_notice: REVOCATION_NOTICE,
			strike_lapse: STRIKE_LAPSE,
			retention: 99,
			arbitration_period: ARBITRATION_PERIOD,
		};
		assert_eq!(Guarantor::timing(), timing);
		System::assert_last_event(Event::TimingSet { timing }.into());
	});
}
