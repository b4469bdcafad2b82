//! What a vote is charged: what it did (left its level waiting, settled it, took a strike off
//! the voter, or counted in arbitration), not the worst case it was admitted with.

use frame_support::dispatch::{GetDispatchInfo, PostDispatchInfo};
use sp_runtime::DispatchResultWithInfo;

use super::*;
use crate::{weights::WeightInfo as _, Call, Claims};

/// What the dispatch was charged in the end.
fn charged(
	result: DispatchResultWithInfo<PostDispatchInfo>,
) -> Option<frame_support::weights::Weight> {
	result.expect("the call succeeds").actual_weight
}

/// A claim by 15 against 14, whose level-1 panel is 12 and 13 (`three_deep`).
fn tree() -> ExtBuilder {
	ExtBuilder::default()
		.guarantees(&three_deep(14, [12, 13], [10, 11], [[1, 2], [1, 3]]))
		.guarantees(&[(2, 15, 20), (3, 15, 20)])
}

fn file() -> u32 {
	let id = crate::NextClaimId::<Test>::get();
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(15), 14, 100, Default::default(), None));
	id
}

#[test]
fn a_vote_is_admitted_at_the_heaviest_and_charged_for_what_it_did() {
	tree().build_and_execute(|| {
		let heaviest = TestWeights::vote(1)
			.max(TestWeights::vote_pending(1))
			.max(TestWeights::vote_in_arbitration());
		let call = Call::<Test>::vote { claim: 0, verdict: uphold(100) };
		assert_eq!(call.get_dispatch_info().call_weight, heaviest);

		// The first vote of two leaves the level waiting; the second decides it.
		let id = file();
		let first = Guarantor::vote(RuntimeOrigin::signed(12), id, uphold(100));
		assert_eq!(charged(first), Some(TestWeights::vote_pending(0)));
		let second = Guarantor::vote(RuntimeOrigin::signed(13), id, uphold(100));
		assert_eq!(charged(second), Some(TestWeights::vote(0)));

		// A deadlock settles the level too (it escalates at the next block).
		let id = file();
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(12), id, uphold(100)));
		let split = Guarantor::vote(RuntimeOrigin::signed(13), id, Verdict::Reject);
		assert_eq!(charged(split), Some(TestWeights::vote(0)));
		assert_eq!(Claims::<Test>::get(id).unwrap().deadline_block(), Some(2));
	});
}

#[test]
fn a_vote_that_takes_a_strike_off_is_charged_the_member_write() {
	tree().build_and_execute(|| {
		for who in [12, 13] {
			Members::<Test>::mutate(who, |m| {
				let m = m.as_mut().unwrap();
				m.strikes = 1;
				m.strikes_lapse_at = Some(100);
			});
		}
		let id = file();
		let first = Guarantor::vote(RuntimeOrigin::signed(12), id, uphold(100));
		assert_eq!(charged(first), Some(TestWeights::vote_pending(1)));
		let second = Guarantor::vote(RuntimeOrigin::signed(13), id, uphold(100));
		assert_eq!(charged(second), Some(TestWeights::vote(1)));
		assert_eq!(Members::<Test>::get(12).unwrap().strikes, 0);
		assert_eq!(Members::<Test>::get(13).unwrap().strikes, 0);
	});
}

#[test]
fn an_arbiter_vote_is_charged_as_one() {
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (1, 5, 20), (2, 5, 20)])
		.build_and_execute(|| {
			set_council(vec![90, 91, 92]);
			// 4's guarantors stay silent: the claim reaches the arbiters.
			assert_ok!(Guarantor::file_claim(
				RuntimeOrigin::signed(5),
				4,
				30,
				Default::default(),
				None
			));
			run_to_block(1 + DECISION_PERIOD);
			assert_eq!(Claims::<Test>::get(0).unwrap().phase, crate::ClaimPhase::Arbitration);
			let vote = Guarantor::vote(RuntimeOrigin::signed(90), 0, uphold(30));
			assert_eq!(charged(vote), Some(TestWeights::vote_in_arbitration()));
		});
}
