//! Committing coverage to a contract, releasing it, letting it lapse.

use super::*;
use poruka_primitives::Commitments;

#[test]
fn a_member_commits_free_coverage_until_a_block() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 60, 50));
		assert_eq!(
			commitment(1, 7),
			Some(Commitment { amount: 60, until: 50, open_claims: 0, claimed: 0 })
		);
		assert_eq!(total(1), (60, 1));
		assert_eq!(<ContractCommitments as Commitments<_, _>>::committed(&1), 60);
		assert_eq!(ContractCommitments::free_coverage(&1), 40);
		// More to the same contract adds up and runs to the later block.
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 10, 40));
		assert_eq!(
			commitment(1, 7),
			Some(Commitment { amount: 70, until: 50, open_claims: 0, claimed: 0 })
		);
		assert_eq!(total(1), (70, 1));
		assert_eq!(
			events(),
			vec![
				Event::Committed {
					member: 1,
					contract: contract(7),
					amount: 60,
					total: 60,
					until: 50
				},
				Event::Committed {
					member: 1,
					contract: contract(7),
					amount: 10,
					total: 70,
					until: 50
				},
			]
		);
	});
}

#[test]
fn only_coverage_nothing_else_holds_can_be_committed() {
	run(|| {
		set_agreements(1, 30);
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(7), 71, 50),
			Error::<Test>::InsufficientCoverage
		);
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 40, 50));
		// Another contract gets only what is left.
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(8), 31, 50),
			Error::<Test>::InsufficientCoverage
		);
		assert_ok!(ContractCommitments::do_commit(&1, contract(8), 30, 50));
		assert_eq!(ContractCommitments::free_coverage(&1), 0);
	});
}

#[test]
fn bad_commitments_are_refused() {
	run(|| {
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(7), 0, 50),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ContractCommitments::do_commit(&4, contract(7), 10, 50),
			Error::<Test>::NotActiveMember
		);
		// Now (block 1) or past, or beyond MaxCommitPeriod (100) ahead.
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(7), 10, 1),
			Error::<Test>::BadPeriod
		);
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(7), 10, 102),
			Error::<Test>::BadPeriod
		);
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 10, 101));
		// A member who is no longer active (suspended, leaving) commits nothing more.
		set_member(1, None);
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(7), 10, 101),
			Error::<Test>::NotActiveMember
		);
	});
}

#[test]
fn a_member_commits_to_at_most_max_contracts() {
	run(|| {
		for n in 1..=3 {
			assert_ok!(ContractCommitments::do_commit(&1, contract(n), 10, 50));
		}
		assert_noop!(
			ContractCommitments::do_commit(&1, contract(4), 10, 50),
			Error::<Test>::TooManyContracts
		);
		// More to one it is committed to is fine; once one is released, another fits.
		assert_ok!(ContractCommitments::do_commit(&1, contract(3), 10, 50));
		assert_ok!(ContractCommitments::do_release(contract(1), &1, 10));
		assert_ok!(ContractCommitments::do_commit(&1, contract(4), 10, 50));
		assert_eq!(total(1), (40, 3));
	});
}

#[test]
fn the_contract_releases_part_or_all_of_a_commitment() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 60, 50));
		assert_ok!(ContractCommitments::do_release(contract(7), &1, 20));
		assert_eq!(commitment(1, 7).map(|c| c.amount), Some(40));
		assert_eq!(total(1), (40, 1));
		assert_noop!(
			ContractCommitments::do_release(contract(7), &1, 41),
			Error::<Test>::ExceedsCommitment
		);
		assert_noop!(
			ContractCommitments::do_release(contract(7), &1, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ContractCommitments::do_release(contract(8), &1, 1),
			Error::<Test>::NoCommitment
		);
		assert_ok!(ContractCommitments::do_release(contract(7), &1, 40));
		assert_eq!(commitment(1, 7), None);
		assert_eq!(total(1), (0, 0));
		assert!(!Totals::<Test>::contains_key(1), "nothing is kept for a member with nothing");
		assert_eq!(
			events().last(),
			Some(&Event::Released { member: 1, contract: contract(7), amount: 40, remaining: 0 })
		);
	});
}

#[test]
fn a_commitment_lapses_only_after_its_block() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&1, contract(7), 60, 50));
		System::set_block_number(50);
		assert_noop!(
			ContractCommitments::lapse(RuntimeOrigin::signed(1), contract(7)),
			Error::<Test>::NotLapsed
		);
		System::set_block_number(51);
		assert_noop!(
			ContractCommitments::lapse(RuntimeOrigin::signed(2), contract(7)),
			Error::<Test>::NoCommitment
		);
		assert_ok!(ContractCommitments::lapse(RuntimeOrigin::signed(1), contract(7)));
		assert_eq!(commitment(1, 7), None);
		assert_eq!(total(1), (0, 0));
		assert_eq!(
			events().last(),
			Some(&Event::Lapsed { member: 1, contract: contract(7), amount: 60 })
		);
	});
}
