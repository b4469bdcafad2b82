//! Unit tests, one module per concept; every test ends by checking the pallet's invariants.

mod defaults;
mod execution;
mod lifecycle;
mod migration;
mod queries;
mod retention;
mod schedule;
mod weights;

pub use crate::{
	mock::*, AgreementPhase, Agreements as AgreementsStore, Committed, Error, Event, FulfilledBy,
	ObligationState,
};
use frame_support::traits::fungible::Inspect;
pub use frame_support::{assert_noop, assert_ok};

/// `who`'s free balance.
pub fn free(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// What `who` holds in escrow.
pub fn escrow(who: AccountId) -> Balance {
	Agreements::escrow_of(&who)
}

/// What `who`'s deliveries commit.
pub fn committed(who: AccountId) -> Balance {
	Committed::<Test>::get(who)
}

/// The phase of agreement `id`.
pub fn phase(id: u32) -> AgreementPhase<Balance, u64> {
	AgreementsStore::<Test>::get(id).expect("the agreement exists").phase
}

/// The state of obligation `index` of agreement `id`.
pub fn state(id: u32, index: usize) -> ObligationState<Balance> {
	AgreementsStore::<Test>::get(id).expect("the agreement exists").obligations[index].state
}

/// Total issuance.
pub fn issuance() -> Balance {
	Balances::total_issuance()
}

/// The chain of three: Alice delivers to Bob (value 100, due 10); Bob, once he has it,
/// delivers to Carol (value 120, due 15); Carol pays Alice 150 once both deliveries are done.
/// Proposed by Alice, acceptable until block 5.
pub fn chain_of_three() -> crate::ObligationsOf<Test> {
	obligations(vec![
		delivery(ALICE, BOB, 100, 10, &[]),
		delivery(BOB, CAROL, 120, 15, &[0]),
		payment(CAROL, ALICE, 150, 20, &[0, 1]),
	])
}

/// Proposes [`chain_of_three`] as Alice and has Bob and Carol accept it: agreement 0, active.
pub fn active_chain() -> u32 {
	assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
	assert_ok!(Agreements::accept(RuntimeOrigin::signed(BOB), 0));
	assert_ok!(Agreements::accept(RuntimeOrigin::signed(CAROL), 0));
	assert_eq!(phase(0), AgreementPhase::Active);
	0
}
