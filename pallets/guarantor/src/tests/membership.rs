//! Founders, guarantees, admission and suspension, deposits, leaving.

use super::*;
use crate::{Error, Event, Guarantees, Unbonding};
use frame_support::{assert_noop, traits::Hooks};
use poruka_primitives::Coverage;
use sp_runtime::DispatchError;

#[test]
fn genesis_founders_are_active_roots_with_held_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		for founder in [1, 2, 3] {
			let m = Members::<Test>::get(founder).unwrap();
			assert_eq!(m.status, MemberStatus::Active);
			assert!(m.founder);
			assert_eq!(m.deposit, 100);
			assert_eq!(held(HoldReason::Deposit, founder), 100);
			assert_eq!(Guarantor::coverage(&founder), 100);
			assert!(Guarantor::is_active_member(&founder));
		}
		assert_eq!(status(4), None);
	});
}

#[test]
fn add_founder_needs_founder_origin_and_a_new_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Guarantor::add_founder(RuntimeOrigin::signed(1), 9), DispatchError::BadOrigin);
		assert_noop!(
			Guarantor::add_founder(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(Guarantor::add_founder(RuntimeOrigin::root(), 9));
		assert_eq!(status(9), Some(MemberStatus::Active));
		System::assert_last_event(Event::FounderAdded { who: 9 }.into());
	});
}

#[test]
fn vouching_holds_funds_and_admits_at_min_guarantors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(1), 4, 40));
		System::assert_last_event(Event::Vouched { guarantor: 1, ward: 4, amount: 40 }.into());
		assert_eq!(held(HoldReason::Guarantee, 1), 40);
		assert_eq!(free(1), ENDOWMENT - 100 - 40);
		assert_eq!(status(4), Some(MemberStatus::Candidate));
		assert!(!Guarantor::is_active_member(&4));

		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(2), 4, 30));
		System::assert_last_event(Event::MemberAdmitted { who: 4 }.into());
		assert_eq!(status(4), Some(MemberStatus::Active));
		assert_eq!(Guarantor::coverage(&4), 70);
		assert_eq!(Members::<Test>::get(1).unwrap().wards, 1);
		let m = Members::<Test>::get(4).unwrap();
		assert_eq!((m.live_guarantors, m.guarantors, m.backing), (2, 2, 70));
	});
}

#[test]
fn vouch_rejects_bad_guarantors_and_wards() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Guarantor::vouch(RuntimeOrigin::signed(1), 1, 40), Error::<Test>::SelfVouch);
		assert_noop!(Guarantor::vouch(RuntimeOrigin::signed(9), 4, 40), Error::<Test>::NotMember);
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(1), 4, 40));
		// A candidate cannot vouch.
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(4), 5, 40),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(2), 4, MIN_GUARANTEE - 1),
			Error::<Test>::GuaranteeTooSmall
		);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(1), 4, 40),
			Error::<Test>::AlreadyGuaranteed
		);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(1), 2, 40),
			Error::<Test>::FounderHasNoGuarantors
		);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(2), 4, ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn vouch_is_bounded_by_max_guarantors_and_max_wards() {
	ExtBuilder::default().build_and_execute(|| {
		// 4 gets five guarantors: 1, 2, 3, then 5 and 6 once admitted.
		vouch_all(5, &[(1, 10), (2, 10)]);
		vouch_all(6, &[(1, 10), (2, 10)]);
		vouch_all(4, &[(1, 10), (2, 10), (3, 10), (5, 10), (6, 10)]);
		vouch_all(7, &[(1, 10), (2, 10)]);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(7), 4, 10),
			Error::<Test>::TooManyGuarantors
		);
		// 1 has wards 5, 6, 4, 7; two more reach MaxWards = 6.
		vouch_all(8, &[(1, 10)]);
		vouch_all(9, &[(1, 10)]);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(1), 10, 10),
			Error::<Test>::TooManyWards
		);
	});
}

#[test]
fn increase_guarantee_adds_to_a_live_guarantee() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30)]);
		assert_ok!(Guarantor::increase_guarantee(RuntimeOrigin::signed(1), 4, 15));
		System::assert_last_event(
			Event::GuaranteeIncreased { guarantor: 1, ward: 4, extra: 15, total: 55 }.into(),
		);
		assert_eq!(held(HoldReason::Guarantee, 1), 55);
		assert_eq!(Guarantor::coverage(&4), 85);
		assert_noop!(
			Guarantor::increase_guarantee(RuntimeOrigin::signed(1), 4, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Guarantor::increase_guarantee(RuntimeOrigin::signed(3), 4, 5),
			Error::<Test>::NoGuarantee
		);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		assert_noop!(
			Guarantor::increase_guarantee(RuntimeOrigin::signed(1), 4, 5),
			Error::<Test>::GuaranteeRevoked
		);
	});
}

#[test]
fn revoking_suspends_at_once_and_a_new_guarantor_reinstates() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30)]);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		let release_at = 1 + REVOCATION_NOTICE;
		assert!(guarantor_events().contains(&Event::GuaranteeRevoked {
			guarantor: 1,
			ward: 4,
			release_at
		}));
		System::assert_last_event(Event::MemberSuspended { who: 4 }.into());
		assert_eq!(status(4), Some(MemberStatus::Suspended));
		// The revoked guarantee no longer counts, but is still held.
		assert_eq!(Guarantor::coverage(&4), 30);
		assert_eq!(held(HoldReason::Guarantee, 1), 40);
		assert_noop!(
			Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4),
			Error::<Test>::GuaranteeRevoked
		);
		assert_noop!(
			Guarantor::revoke_guarantee(RuntimeOrigin::signed(3), 4),
			Error::<Test>::NoGuarantee
		);
		// A suspended member cannot vouch, but may deposit.
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(4), 5, 10),
			Error::<Test>::NotActiveMember
		);
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 10));
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(3), 4, 20));
		System::assert_last_event(Event::MemberReinstated { who: 4 }.into());
		assert_eq!(status(4), Some(MemberStatus::Active));
	});
}

#[test]
fn release_waits_for_the_notice_and_returns_the_funds() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30)]);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4),
			Error::<Test>::GuaranteeNotRevoked
		);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(9), 3, 4),
			Error::<Test>::NoGuarantee
		);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		run_to_block(REVOCATION_NOTICE);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4),
			Error::<Test>::NoticeNotOver
		);
		run_to_block(1 + REVOCATION_NOTICE);
		// Anyone may release it.
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4));
		System::assert_last_event(
			Event::GuaranteeReleased { guarantor: 1, ward: 4, amount: 40 }.into(),
		);
		assert_eq!(held(HoldReason::Guarantee, 1), 0);
		assert_eq!(free(1), ENDOWMENT - 100);
		assert!(Guarantees::<Test>::get(4, 1).is_none());
		assert_eq!(Members::<Test>::get(1).unwrap().wards, 0);
		assert_eq!(Members::<Test>::get(4).unwrap().guarantors, 1);
	});
}

#[test]
fn release_is_blocked_by_open_claims_and_commitments() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30), (3, 30)]);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		run_to_block(1 + REVOCATION_NOTICE);
		// 4 promised 70 elsewhere; without 1's guarantee its coverage is 60.
		set_committed(4, 70);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4),
			Error::<Test>::WouldUncoverCommitments
		);
		set_committed(4, 0);
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(2),
			4,
			10,
			Default::default(),
			None
		));
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4),
			Error::<Test>::FrozenByOpenClaim
		);
		judge(0, uphold(10));
		// The claim was paid, from the guarantees: 4 has no deposit.
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(9), 1, 4));
	});
}

#[test]
fn deposits_hold_funds_and_withdrawals_unbond() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Guarantor::deposit(RuntimeOrigin::signed(9), 10), Error::<Test>::NotMember);
		assert_noop!(Guarantor::deposit(RuntimeOrigin::signed(1), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Guarantor::deposit(RuntimeOrigin::signed(1), ENDOWMENT),
			Error::<Test>::InsufficientBalance
		);
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(1), 50));
		System::assert_last_event(Event::Deposited { who: 1, amount: 50, total: 150 }.into());
		assert_eq!(held(HoldReason::Deposit, 1), 150);

		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 151),
			Error::<Test>::InsufficientDeposit
		);
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 60));
		System::assert_last_event(
			Event::DepositUnbonding { who: 1, amount: 60, release_at: 1 + UNBONDING_PERIOD }.into(),
		);
		// No longer coverage, still held (liable).
		assert_eq!(Guarantor::coverage(&1), 90);
		assert_eq!(held(HoldReason::Deposit, 1), 150);
		assert_noop!(
			Guarantor::withdraw_unbonded(RuntimeOrigin::signed(1)),
			Error::<Test>::NothingToWithdraw
		);
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 91),
			Error::<Test>::InsufficientDeposit
		);
		run_to_block(1 + UNBONDING_PERIOD);
		assert_ok!(Guarantor::withdraw_unbonded(RuntimeOrigin::signed(1)));
		System::assert_last_event(Event::DepositWithdrawn { who: 1, amount: 60 }.into());
		assert_eq!(held(HoldReason::Deposit, 1), 90);
		assert_eq!(free(1), ENDOWMENT - 90);
		assert!(Unbonding::<Test>::get(1).is_empty());
	});
}

#[test]
fn withdrawals_are_bounded_frozen_by_claims_and_kept_for_commitments() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..3 {
			assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 10));
		}
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 10),
			Error::<Test>::TooManyUnbondingChunks
		);
		run_to_block(1 + UNBONDING_PERIOD);
		set_committed(1, 71);
		assert_noop!(
			Guarantor::withdraw_unbonded(RuntimeOrigin::signed(1)),
			Error::<Test>::WouldUncoverCommitments
		);
		set_committed(1, 0);
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(2),
			1,
			10,
			Default::default(),
			None
		));
		assert_noop!(
			Guarantor::withdraw_unbonded(RuntimeOrigin::signed(1)),
			Error::<Test>::FrozenByOpenClaim
		);
		assert_noop!(
			Guarantor::withdraw_deposit(RuntimeOrigin::signed(1), 10),
			Error::<Test>::FrozenByOpenClaim
		);
	});
}

#[test]
fn leaving_needs_a_clean_slate() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30)]);
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(9)), Error::<Test>::NotMember);
		// Each reason is named: 1 guarantees 4; 4's coverage is committed to an agreement.
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(1)), Error::<Test>::HasWards);
		set_committed(4, 1);
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(4)), Error::<Test>::HasCommitments);
		set_committed(4, 0);
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(4),
			3,
			10,
			Default::default(),
			None
		));
		// Neither the claimant nor the respondent of an open claim.
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(4)), Error::<Test>::HasOpenClaims);
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(3)), Error::<Test>::HasOpenClaims);
	});
}

#[test]
fn a_member_leaves_and_its_record_goes_when_nothing_is_left() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40), (2, 30)]);
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 25));
		assert_ok!(Guarantor::leave(RuntimeOrigin::signed(4)));
		System::assert_last_event(Event::MemberLeaving { who: 4 }.into());
		assert_eq!(status(4), Some(MemberStatus::Leaving));
		assert_eq!(Guarantor::coverage(&4), 0);
		assert!(!Guarantor::is_active_member(&4));
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(4)), Error::<Test>::MemberLeaving);
		assert_noop!(Guarantor::deposit(RuntimeOrigin::signed(4), 5), Error::<Test>::MemberLeaving);
		assert_noop!(
			Guarantor::vouch(RuntimeOrigin::signed(3), 4, 10),
			Error::<Test>::MemberLeaving
		);

		run_to_block(1 + UNBONDING_PERIOD);
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(4), 1, 4));
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(4), 2, 4));
		assert_eq!(status(4), Some(MemberStatus::Leaving));
		assert_ok!(Guarantor::withdraw_unbonded(RuntimeOrigin::signed(4)));
		System::assert_last_event(Event::MemberRemoved { who: 4 }.into());
		assert_eq!(status(4), None);
		assert_eq!(free(4), ENDOWMENT);
		assert_eq!(free(1), ENDOWMENT - 100);
	});
}

#[test]
fn struck_out_members_cannot_vouch() {
	ExtBuilder::default().build_and_execute(|| {
		Members::<Test>::mutate(1, |m| {
			let m = m.as_mut().unwrap();
			m.strikes = 2;
			m.strikes_lapse_at = Some(100);
		});
		assert_noop!(Guarantor::vouch(RuntimeOrigin::signed(1), 4, 10), Error::<Test>::StruckOut);
	});
}

#[test]
fn integrity_test_passes() {
	ExtBuilder::default().build_and_execute(|| {
		<Guarantor as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn a_candidate_whose_only_guarantee_is_released_is_forgotten() {
	ExtBuilder::default().build_and_execute(|| {
		vouch_all(4, &[(1, 40)]);
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		run_to_block(1 + REVOCATION_NOTICE);
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(1), 1, 4));
		System::assert_last_event(
			Event::GuaranteeReleased { guarantor: 1, ward: 4, amount: 40 }.into(),
		);
		assert!(guarantor_events().contains(&Event::MemberRemoved { who: 4 }));
		assert_eq!(status(4), None);
	});
}

#[test]
fn the_cooperative_is_counted_by_status_as_members_join_lapse_and_leave() {
	ExtBuilder::default().build_and_execute(|| {
		let counts = || {
			let c = crate::MemberCount::<Test>::get();
			(c.candidates, c.active, c.suspended, c.leaving)
		};
		// Founders 1-3 and the council 90-92.
		assert_eq!(counts(), (0, 6, 0, 0));
		vouch_all(4, &[(1, 40)]);
		assert_eq!(counts(), (1, 6, 0, 0));
		vouch_all(4, &[(2, 30)]);
		assert_eq!(counts(), (0, 7, 0, 0));
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 4));
		assert_eq!(counts(), (0, 6, 1, 0));
		assert_ok!(Guarantor::leave(RuntimeOrigin::signed(4)));
		assert_eq!(counts(), (0, 6, 0, 1));
		run_to_block(1 + REVOCATION_NOTICE);
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(4), 1, 4));
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(4), 2, 4));
		assert_eq!(status(4), None);
		assert_eq!(counts(), (0, 6, 0, 0));
		assert_eq!(crate::MemberCount::<Test>::get().total(), 6);
		assert_ok!(Guarantor::add_founder(RuntimeOrigin::root(), 5));
		assert_eq!(counts(), (0, 7, 0, 0));
	});
}
