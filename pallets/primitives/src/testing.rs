//! For pallets' unit tests: a set of active members (accounts are `u64`) that tests change, to
//! stand where the runtime puts the guarantor pallet's membership.

use std::{cell::RefCell, collections::BTreeSet};

use frame_support::traits::Contains;

use crate::MakeActiveMember;

thread_local! {
	static ACTIVE: RefCell<BTreeSet<u64>> = const { RefCell::new(BTreeSet::new()) };
}

/// The active members of a test: `Contains` for a pallet's `ActiveMembers`, and
/// `MakeActiveMember` for its benchmarks.
pub struct TestActiveMembers;

impl TestActiveMembers {
	/// Makes exactly `members` active (each test's externality starts with this).
	pub fn reset(members: impl IntoIterator<Item = u64>) {
		ACTIVE.with(|a| *a.borrow_mut() = members.into_iter().collect());
	}
}

/// Makes `who` an active member or not.
pub fn set_active(who: u64, active: bool) {
	ACTIVE.with(|a| {
		if active {
			a.borrow_mut().insert(who);
		} else {
			a.borrow_mut().remove(&who);
		}
	});
}

impl Contains<u64> for TestActiveMembers {
	fn contains(who: &u64) -> bool {
		ACTIVE.with(|a| a.borrow().contains(who))
	}
}

impl MakeActiveMember<u64> for TestActiveMembers {
	fn make_active_member(who: &u64) {
		set_active(*who, true);
	}
}
