//! The validator set: the council seats and unseats members, sessions take the seated active
//! members, and neither the council nor a departing member can leave the chain without one.

use frame_support::{assert_noop, assert_ok, traits::Get};
use pallet_session::SessionManager;
use sp_runtime::DispatchError;

use crate::{mock::*, Error, Event, Planned, SessionPeriod, Validators};

fn seated() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn the_council_seats_an_active_member_and_the_next_plan_has_it() {
	run(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(seated(), vec![1, 2, 3]);
		assert_eq!(events(), vec![Event::ValidatorAdded { who: 3 }]);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3]));
		assert_eq!(Planned::<Test>::get().into_inner(), vec![1, 2, 3]);
		assert!(
			events().contains(&Event::ValidatorsPlanned { session: 2, validators: vec![1, 2, 3] })
		);
		// Nothing changed since: no new plan.
		assert_eq!(ValidatorSet::new_session(3), None);
	});
}

#[test]
fn only_the_council_seats_and_only_active_members_are_seated() {
	run(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(2), 1),
			DispatchError::BadOrigin
		);
		// A member cannot seat itself either.
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(3), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 9),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn the_council_unseats_a_validator_but_never_the_last() {
	run(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NotValidator
		);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_eq!(events(), vec![Event::ValidatorRemoved { who: 1 }]);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::LastValidator
		);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![2]));
	});
}

#[test]
fn a_validator_that_leaves_the_cooperative_is_dropped_at_the_next_boundary() {
	run(|| {
		// Validator 1 is suspended (or leaves): it cannot keep its seat by staying quiet.
		set_active(1, false);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![2]));
		assert_eq!(seated(), vec![2]);
		assert!(events().contains(&Event::ValidatorDropped { who: 1 }));
		// Reinstated, it is not seated again by itself: the council decides.
		set_active(1, true);
		assert_eq!(ValidatorSet::new_session(3), None);
		assert_eq!(seated(), vec![2]);
	});
}

#[test]
fn when_every_validator_leaves_the_sessions_keep_the_last_set() {
	run(|| {
		set_active(1, false);
		set_active(2, false);
		assert_eq!(ValidatorSet::new_session(2), None, "the chain must not stop");
		assert!(events().contains(&Event::NoActiveValidators { session: 2 }));
		// The seats stay, so the council can see who they were; the plan is unchanged.
		assert_eq!(seated(), vec![1, 2]);
		assert_eq!(Planned::<Test>::get().into_inner(), vec![1, 2]);
		// The council seats an active member: the next boundary plans it alone.
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(ValidatorSet::new_session(3), Some(vec![3]));
		assert_eq!(seated(), vec![3]);
	});
}

#[test]
fn sessions_last_the_genesis_period() {
	run(|| {
		assert_eq!(<SessionPeriod<Test> as Get<u64>>::get(), 10);
		type Sessions = pallet_session::PeriodicSessions<SessionPeriod<Test>, ()>;
		use pallet_session::ShouldEndSession;
		assert!(!Sessions::should_end_session(9));
		assert!(Sessions::should_end_session(10));
		assert!(Sessions::should_end_session(20));
	});
}
