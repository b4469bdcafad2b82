//! `agreements_of`: the agreements an account is a party to, from the per-account index.

use super::*;
use crate::queries::{AgreementRef, MAX_LISTED};

fn listed(who: AccountId) -> Vec<(u32, bool)> {
	Agreements::agreements_of(&who, None).agreements.into_iter().map(|a| (a.id, a.open)).collect()
}

#[test]
fn a_proposal_is_listed_for_every_party_and_no_one_else() {
	run(|| {
		// The chain of three binds Alice, Bob and Carol; only Alice proposed and accepted.
		assert_ok!(Agreements::propose(RuntimeOrigin::signed(ALICE), chain_of_three(), 5));
		for who in [ALICE, BOB, CAROL] {
			assert_eq!(listed(who), vec![(0, true)]);
		}
		assert_eq!(listed(DAVE), vec![]);
		assert_eq!(listed(MALLORY), vec![]);
		// A second one, between Dave and Bob, newest first for Bob.
		assert_ok!(Agreements::propose(
			RuntimeOrigin::signed(DAVE),
			obligations(vec![payment(DAVE, BOB, 10, 10, &[])]),
			5
		));
		assert_eq!(listed(BOB), vec![(1, true), (0, true)]);
		assert_eq!(listed(DAVE), vec![(1, true)]);
		assert_eq!(listed(ALICE), vec![(0, true)]);
	});
}

#[test]
fn a_refused_proposal_indexes_nothing() {
	run(|| {
		// Mallory is no member: the proposal fails, and leaves no index entry behind.
		assert_noop!(
			Agreements::propose(
				RuntimeOrigin::signed(MALLORY),
				obligations(vec![payment(MALLORY, ALICE, 10, 10, &[])]),
				5
			),
			Error::<Test>::NotActiveMember
		);
		assert_eq!(listed(ALICE), vec![]);
		assert_eq!(crate::AgreementsByAccount::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_closed_agreement_stays_listed_as_closed_until_pruned() {
	run(|| {
		active_chain();
		for who in [ALICE, BOB, CAROL] {
			assert_ok!(Agreements::cancel(RuntimeOrigin::signed(who), 0));
		}
		assert_eq!(listed(BOB), vec![(0, false)]);
		run_to_block(System::block_number() + RETENTION);
		assert_eq!(listed(BOB), vec![]);
	});
}

#[test]
fn a_long_list_comes_in_pages_newest_first() {
	run(|| {
		set_deposit(0, 0);
		// Alice proposes MAX_LISTED + 10 payments to Bob: ids 0 ..= MAX_LISTED + 9.
		let total = MAX_LISTED + 10;
		for _ in 0..total {
			assert_ok!(Agreements::propose(
				RuntimeOrigin::signed(ALICE),
				obligations(vec![payment(ALICE, BOB, 1, 10, &[])]),
				5
			));
		}
		let first = Agreements::agreements_of(&BOB, None);
		assert!(first.more);
		let ids: Vec<u32> = first.agreements.iter().map(|a| a.id).collect();
		assert_eq!(ids, (10..total).rev().collect::<Vec<_>>());
		// The next page goes on after the last id listed, and says it is the last.
		let second = Agreements::agreements_of(&BOB, Some(10));
		assert!(!second.more);
		let ids: Vec<u32> = second.agreements.iter().map(|a| a.id).collect();
		assert_eq!(ids, (0..10).rev().collect::<Vec<_>>());
		// From any id, whether it is the account's or not: older ones only.
		assert_eq!(
			Agreements::agreements_of(&BOB, Some(2)).agreements,
			vec![AgreementRef { id: 1, open: true }, AgreementRef { id: 0, open: true }]
		);
		assert_eq!(Agreements::agreements_of(&BOB, Some(0)).agreements, vec![]);
		assert_eq!(Agreements::agreements_of(&CAROL, Some(5)).agreements, vec![]);
	});
}

#[test]
fn the_index_key_orders_ids_newest_first() {
	use crate::NewestFirst;
	use codec::Encode;
	for id in [0, 1, 255, 256, 70_000, u32::MAX - 1, u32::MAX] {
		assert_eq!(NewestFirst::new(id).id(), id);
	}
	// The stored bytes (unhashed) sort the other way round from the ids.
	let bytes = |id| NewestFirst::new(id).encode();
	assert!(bytes(1) < bytes(0));
	assert!(bytes(256) < bytes(255));
	assert!(bytes(70_000) < bytes(256));
	assert!(bytes(u32::MAX) < bytes(u32::MAX - 1));
}
