//! Who is liable for a claim, and when: fixed when the claim reaches a guarantee, frozen until
//! the claim is final, never more than what stood then.

use super::*;
use crate::{ClaimPhase, Claims, Error, Event, Guarantees, Liabilities, Liability, Side};
use frame_support::assert_noop;

/// 12 (the respondent) is guaranteed by 10 and 11 (20 each); 10 by the founders 1 and 2, 11
/// by 2 and 3 (30 each). The claimant 13 is guaranteed by 1 and 3.
fn two_levels() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[
		(1, 10, 30),
		(2, 10, 30),
		(2, 11, 30),
		(3, 11, 30),
		(10, 12, 20),
		(11, 12, 20),
		(1, 13, 20),
		(3, 13, 20),
	])
}

fn file(claimant: AccountId, respondent: AccountId, amount: Balance) {
	assert_ok!(Guarantor::file_claim(
		RuntimeOrigin::signed(claimant),
		respondent,
		amount,
		Default::default(),
		None
	));
}

fn liable(guarantor: AccountId, ward: AccountId, amount: Balance) -> Liability<AccountId, Balance> {
	Liability { guarantor, ward, amount, paid_out: 0 }
}

#[test]
fn a_level_two_guarantor_cannot_release_during_the_climb_and_pays_at_payout() {
	two_levels().build_and_execute(|| {
		file(13, 12, 60);
		// Level 1 (10 and 11) stays silent: the claim climbs to their guarantors.
		run_to_block(1 + DECISION_PERIOD);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 2);
		let seats: Vec<_> = claim.panel().unwrap().iter().map(|p| (p.who, p.ward)).collect();
		assert_eq!(seats, vec![(1, 10), (2, 10), (3, 11)]);
		// The guarantees that seated them are liable, at their amounts now.
		assert_eq!(
			Liabilities::<Test>::get(0, (Side::Respondent, 2)).unwrap().into_inner(),
			vec![liable(1, 10, 30), liable(2, 10, 30), liable(3, 11, 30)]
		);
		assert!(guarantor_events().contains(&Event::LiabilityFixed {
			claim: 0,
			side: Side::Respondent,
			depth: 2,
			liable: vec![liable(1, 10, 30), liable(2, 10, 30), liable(3, 11, 30)],
		}));

		// The attack: 1 walks away from 10 while the claim is still open above it.
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 10));
		run_to_block(System::block_number() + REVOCATION_NOTICE);
		// Nobody at level 2 voted either: the claim sits with the arbiter.
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(1), 1, 10),
			Error::<Test>::FrozenByOpenClaim
		);

		// Upheld: 40 from level 1 (all of it), 20 from level 2 pro rata — 1 included.
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, uphold(60)));
		assert_eq!(Guarantees::<Test>::get(10, 1).unwrap().amount, 30 - 7);
		assert_eq!(Guarantees::<Test>::get(10, 2).unwrap().amount, 30 - 7);
		assert_eq!(Guarantees::<Test>::get(11, 3).unwrap().amount, 30 - 6);
		assert_eq!(crate::Debts::<Test>::get(12, 1), Some(7));
		// Now 1 is free to go, with what is left.
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(1), 1, 10));
		assert_eq!(held(HoldReason::Guarantee, 1), 20);
	});
}

#[test]
fn a_revocation_just_before_the_claim_does_not_escape_it() {
	two_levels().build_and_execute(|| {
		// 10 sees the claim coming and revokes first.
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(10), 12));
		file(13, 12, 30);
		run_to_block(1 + REVOCATION_NOTICE);
		assert_noop!(
			Guarantor::release_guarantee(RuntimeOrigin::signed(10), 10, 12),
			Error::<Test>::FrozenByOpenClaim
		);
		// Still liable: the revoked guarantee pays its share.
		judge(0, uphold(30));
		assert_eq!(Guarantees::<Test>::get(12, 10).unwrap().amount, 20 - 15);
		assert_eq!(Guarantees::<Test>::get(12, 11).unwrap().amount, 20 - 15);
	});
}

#[test]
fn a_guarantee_given_or_increased_after_filing_pays_nothing_for_it() {
	two_levels().build_and_execute(|| {
		file(13, 12, 100);
		// After the claim: 3 vouches for 12, and 10 adds to its guarantee.
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(3), 12, 50));
		assert_ok!(Guarantor::increase_guarantee(RuntimeOrigin::signed(10), 12, 30));
		assert_eq!(
			Liabilities::<Test>::get(0, (Side::Respondent, 1)).unwrap().into_inner(),
			vec![liable(10, 12, 20), liable(11, 12, 20)]
		);
		// The new guarantee is not frozen by the claim.
		assert_eq!(Guarantees::<Test>::get(12, 3).unwrap().liable_claims, 0);
		judge(0, uphold(100));
		// Only what stood when it was filed paid: 20 + 20, the rest is 12's shortfall.
		assert_eq!(Guarantees::<Test>::get(12, 3).unwrap().amount, 50);
		assert_eq!(Guarantees::<Test>::get(12, 10).unwrap().amount, 30);
		assert!(Guarantees::<Test>::get(12, 11).is_none());
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 100, compensated: 40, force_majeure: false }
		);
		assert_eq!(crate::Debts::<Test>::get(12, 13), Some(60));
	});
}

#[test]
fn a_guarantee_liable_for_two_claims_pays_its_amount_once() {
	two_levels().build_and_execute(|| {
		file(13, 12, 30);
		file(13, 12, 30);
		assert_eq!(Guarantees::<Test>::get(12, 10).unwrap().liable_claims, 2);
		// The first claim takes 15 from each guarantee; 10 then tops its guarantee up.
		judge(0, uphold(30));
		assert_eq!(Guarantees::<Test>::get(12, 10).unwrap().amount, 5);
		assert_ok!(Guarantor::increase_guarantee(RuntimeOrigin::signed(10), 12, 50));
		// The second claim reached each guarantee at 20, of which 15 is gone: 5 each, not
		// the top-up.
		judge(1, uphold(30));
		assert_eq!(Guarantees::<Test>::get(12, 10).unwrap().amount, 55 - 5);
		assert_eq!(
			Claims::<Test>::get(1).unwrap().phase,
			ClaimPhase::Paid { amount: 30, compensated: 10, force_majeure: false }
		);
	});
}

#[test]
fn a_guarantee_paid_to_nothing_stays_frozen_until_the_last_claim_holding_it_ends() {
	two_levels().build_and_execute(|| {
		file(13, 12, 40);
		file(13, 12, 10);
		judge(0, uphold(40));
		// Both guarantees were paid to nothing, but claim 1 still holds them.
		let g = Guarantees::<Test>::get(12, 10).unwrap();
		assert_eq!((g.amount, g.liable_claims), (0, 1));
		assert!(guarantor_events().contains(&Event::GuaranteeDepleted {
			guarantor: 10,
			ward: 12,
			amount: 0
		}));
		assert_eq!(status(12), Some(MemberStatus::Suspended));
		judge(1, Verdict::Reject);
		assert!(Guarantees::<Test>::get(12, 10).is_none());
		assert_eq!(Members::<Test>::get(12).unwrap().guarantors, 0);
		assert_eq!(Members::<Test>::get(10).unwrap().wards, 0);
	});
}

#[test]
fn a_drained_guarantee_stops_counting_until_its_guarantor_tops_it_up() {
	two_levels().build_and_execute(|| {
		file(13, 12, 30);
		judge(0, uphold(30));
		// Each guarantee is left with 5, below MinGuarantee: 12 is covered by nothing and
		// suspended.
		let events = guarantor_events();
		for guarantor in [10, 11] {
			assert!(events.contains(&Event::GuaranteeDepleted { guarantor, ward: 12, amount: 5 }));
		}
		assert_eq!(Guarantor::coverage(&12), 0);
		assert_eq!(status(12), Some(MemberStatus::Suspended));
		// Replenishing one is not enough for membership; replenishing both is.
		assert_ok!(Guarantor::increase_guarantee(RuntimeOrigin::signed(10), 12, 5));
		assert_eq!(Guarantor::coverage(&12), 10);
		assert_eq!(status(12), Some(MemberStatus::Suspended));
		assert_ok!(Guarantor::increase_guarantee(RuntimeOrigin::signed(11), 12, 15));
		assert_eq!(Guarantor::coverage(&12), 30);
		assert_eq!(status(12), Some(MemberStatus::Active));
		System::assert_last_event(
			Event::GuaranteeIncreased { guarantor: 11, ward: 12, extra: 15, total: 20 }.into(),
		);
		assert!(guarantor_events().contains(&Event::MemberReinstated { who: 12 }));
	});
}

#[test]
fn a_depleted_guarantee_can_still_be_revoked_and_released() {
	two_levels().build_and_execute(|| {
		file(13, 12, 30);
		judge(0, uphold(30));
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(10), 12));
		run_to_block(System::block_number() + REVOCATION_NOTICE);
		assert_ok!(Guarantor::release_guarantee(RuntimeOrigin::signed(10), 10, 12));
		assert!(Guarantees::<Test>::get(12, 10).is_none());
		assert_eq!(held(HoldReason::Guarantee, 10), 0);
	});
}
