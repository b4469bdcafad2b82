//! Unit tests, one module per concept; every test ends by checking the pallet's invariants.

mod attacks;
mod claims;
mod commitments;

pub use crate::{mock::*, Commitment, Error, Event, MemberCommitments, Total, Totals, H160};
pub use frame_support::{assert_noop, assert_ok};

/// The contract at address `[n; 20]`.
pub fn contract(n: u8) -> H160 {
	H160::repeat_byte(n)
}

/// `member`'s commitment to contract `n`.
pub fn commitment(member: AccountId, n: u8) -> Option<Commitment<Balance, u64>> {
	MemberCommitments::<Test>::get(member, contract(n))
}

/// What `member` has committed in all, to how many contracts.
pub fn total(member: AccountId) -> (Balance, u32) {
	let Total { amount, contracts } = Totals::<Test>::get(member);
	(amount, contracts)
}
