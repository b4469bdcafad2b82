//! Retention: a final claim is readable for `retention` blocks, then pruned by `on_idle`; the
//! state of a cooperative that has seen any number of claims returns to its size.

use super::*;
use crate::{
	queries::QueryError, ClaimPayments, ClaimPhase, Claims, ClaimsByAccount, DeadlineRanges,
	Deadlines, Event, Liabilities, PruningRanges, Prunings,
};
use frame_support::weights::Weight;

/// 4 is guaranteed by 1, 2 and 3; 5 by 1 and 2.
fn two_members() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 30), (3, 4, 20), (1, 5, 20), (2, 5, 20)])
}

fn file(claimant: AccountId, respondent: AccountId, amount: Balance) -> u32 {
	let id = crate::NextClaimId::<Test>::get();
	assert_ok!(Guarantor::file_claim(
		RuntimeOrigin::signed(claimant),
		respondent,
		amount,
		Default::default(),
		None
	));
	id
}

#[test]
fn a_final_claim_is_readable_for_its_retention_then_pruned() {
	two_members().build_and_execute(|| {
		let id = file(5, 4, 30);
		judge(id, uphold(30));
		let final_at = System::block_number();
		assert!(Guarantor::claim_status(id).is_ok());
		let balances: Vec<_> =
			(1..=5).map(|who| (free(who), held(HoldReason::Guarantee, who))).collect();
		run_to_block(final_at + RETENTION - 1);
		assert!(Claims::<Test>::contains_key(id));
		run_to_block(final_at + RETENTION);
		assert!(!Claims::<Test>::contains_key(id));
		assert!(!ClaimPayments::<Test>::contains_key(id));
		for who in [1, 2, 3, 4, 5] {
			assert!(!ClaimsByAccount::<Test>::contains_key(who, NewestFirst::new(id)));
		}
		System::assert_has_event(Event::ClaimPruned { claim: id }.into());
		// Pruning moved no money.
		let after: Vec<_> =
			(1..=5).map(|who| (free(who), held(HoldReason::Guarantee, who))).collect();
		assert_eq!(after, balances);
		// A client can tell a pruned claim from one that never existed.
		assert_eq!(Guarantor::claim_status(id), Err(QueryError::Pruned));
		assert_eq!(Guarantor::claim_status(id + 1), Err(QueryError::UnknownClaim));
	});
}

#[test]
fn pruning_waits_for_spare_weight_and_an_open_claim_is_never_pruned() {
	two_members().build_and_execute(|| {
		arbitration_period(1_000);
		let done = file(5, 4, 30);
		let open = file(5, 4, 30);
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), done, true));
		let final_at = System::block_number();
		// No spare weight: nothing is pruned.
		IDLE_WEIGHT.with(|w| *w.borrow_mut() = Weight::zero());
		run_to_block(final_at + RETENTION + 5);
		assert!(Claims::<Test>::contains_key(done));
		IDLE_WEIGHT.with(|w| *w.borrow_mut() = Weight::MAX);
		run_to_block(final_at + RETENTION + 6);
		assert!(!Claims::<Test>::contains_key(done));
		// The other claim went to the arbiter long ago; it stays as long as it is open.
		assert_eq!(Claims::<Test>::get(open).unwrap().phase, ClaimPhase::Arbitration);
	});
}

/// The number of keys in every map a claim writes.
fn claim_keys() -> [usize; 7] {
	[
		Claims::<Test>::iter().count(),
		ClaimPayments::<Test>::iter().count() + crate::ClaimSteps::<Test>::iter().count(),
		ClaimsByAccount::<Test>::iter().count(),
		Liabilities::<Test>::iter().count() + crate::Arbitrations::<Test>::iter().count(),
		Deadlines::<Test>::iter().count() + DeadlineRanges::<Test>::iter().count(),
		Prunings::<Test>::iter().count() + PruningRanges::<Test>::iter().count(),
		crate::Guarantees::<Test>::iter().count() + crate::Members::<Test>::iter().count(),
	]
}

#[test]
fn ten_thousand_claims_leave_the_state_as_they_found_it() {
	two_members().build_and_execute(|| {
		let before = claim_keys();
		let total = issuance();
		// 10,000 claims through their whole life, 100 at a time: filed by 5 against 4 and by 4
		// against 5 in turn (so the bonds they lose go back and forth), rejected by the
		// respondent's guarantors 1 and 2, final after the appeal period, pruned after
		// retention.
		for _ in 0..100 {
			let first = crate::NextClaimId::<Test>::get();
			for n in 0..100 {
				if n % 2 == 0 {
					file(5, 4, 10);
				} else {
					file(4, 5, 10);
				}
			}
			for id in first..first + 100 {
				for judge in [1, 2] {
					assert_ok!(Guarantor::vote(RuntimeOrigin::signed(judge), id, Verdict::Reject));
				}
			}
			// Final (and their bonds settled) before the next hundred.
			run_to_block(System::block_number() + APPEAL_PERIOD);
		}
		assert_eq!(crate::NextClaimId::<Test>::get(), 10_000);
		run_to_block(System::block_number() + APPEAL_PERIOD + RETENTION + 1);
		assert_eq!(claim_keys(), before);
		assert_eq!(issuance(), total);
	});
}
