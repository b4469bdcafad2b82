//! Unit tests, one module per concept; every test ends by checking the pallet's invariants.

mod arbitration;
mod attacks;
mod claims;
mod compensation;
mod contest;
mod escalation;
mod liability;
mod membership;
mod migration;
mod properties;
mod queries;
mod retention;
mod strikes;
mod synthetic;
mod timing;
mod weights;

pub use crate::{mock::*, HoldReason, MemberStatus, Members, NewestFirst, Verdict};
use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
pub use poruka_primitives::Coverage;

/// What `who` holds under `reason`.
pub fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Guarantor(reason), &who)
}

/// `who`'s free balance.
pub fn free(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// Every guarantor in `by` vouches for `ward` with its amount.
pub fn vouch_all(ward: AccountId, by: &[(AccountId, Balance)]) {
	for (guarantor, amount) in by {
		assert_ok!(Guarantor::vouch(RuntimeOrigin::signed(*guarantor), ward, *amount));
	}
}

/// `who`'s status.
pub fn status(who: AccountId) -> Option<MemberStatus> {
	Members::<Test>::get(who).map(|m| m.status)
}

/// An upholding vote.
/// Gives the arbiters `blocks` to decide from now on (tests that keep a claim in arbitration
/// while something else happens).
pub fn arbitration_period(blocks: u64) {
	let timing = crate::Timing { arbitration_period: blocks, ..Guarantor::timing() };
	assert_ok!(Guarantor::set_timing(RuntimeOrigin::root(), timing));
}

pub fn uphold(amount: Balance) -> Verdict<Balance> {
	Verdict::Uphold { amount, force_majeure: false }
}

/// Total issuance.
pub fn issuance() -> Balance {
	Balances::total_issuance()
}

/// Every panelist of claim `id`'s current level votes `verdict` (until the level decides),
/// and the appeal period passes: the decision is final and carried out.
pub fn judge(id: u32, verdict: Verdict<Balance>) {
	let panel = crate::Claims::<Test>::get(id).and_then(|c| c.panel().cloned()).expect("a panel");
	for seat in panel.iter() {
		if crate::Claims::<Test>::get(id).is_some_and(|c| c.phase.is_voting()) {
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(seat.who), id, verdict));
		}
	}
	run_to_block(System::block_number() + APPEAL_PERIOD);
	assert!(crate::Claims::<Test>::get(id).is_some_and(|c| c.phase.is_final()), "judged");
}

/// The guarantees that put `party` three levels deep: `party` is guaranteed by both of `one`
/// (15 each), each of `one` by both of `two` (20 each), and `two[i]` by both of `top[i]` (30
/// each).
pub fn three_deep(
	party: AccountId,
	one: [AccountId; 2],
	two: [AccountId; 2],
	top: [[AccountId; 2]; 2],
) -> Vec<(AccountId, AccountId, Balance)> {
	let mut guarantees = Vec::new();
	for (ward, guarantors) in two.iter().zip(top) {
		guarantees.extend(guarantors.iter().map(|g| (*g, *ward, 30)));
	}
	for ward in one {
		guarantees.extend(two.iter().map(|g| (*g, ward, 20)));
	}
	guarantees.extend(one.iter().map(|g| (*g, party, 15)));
	guarantees
}
