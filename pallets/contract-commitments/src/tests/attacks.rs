//! What a dishonest member might try against a commitment, and what the pallet does.

use super::*;
use poruka_primitives::ClaimOutcome;

#[test]
fn a_member_cannot_let_a_commitment_lapse_while_a_claim_about_it_is_open() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&2, contract(7), 60, 10));
		let claim = ContractCommitments::do_file_claim(contract(7), &1, &2, 60, b"").unwrap();
		// The respondent waits out the block, hoping to walk away with its coverage.
		System::set_block_number(11);
		assert_noop!(
			ContractCommitments::lapse(RuntimeOrigin::signed(2), contract(7)),
			Error::<Test>::ClaimOpen
		);
		assert_eq!(
			<ContractCommitments as poruka_primitives::Commitments<_, _>>::committed(&2),
			60
		);
		finalize(claim, ClaimOutcome::Rejected);
		assert_ok!(ContractCommitments::lapse(RuntimeOrigin::signed(2), contract(7)));
		assert_eq!(total(2), (0, 0));
	});
}

#[test]
fn a_member_cannot_commit_the_same_coverage_twice() {
	run(|| {
		// All of it to one contract, then the same to another, or to agreements' holdings.
		assert_ok!(ContractCommitments::do_commit(&2, contract(7), 100, 50));
		assert_noop!(
			ContractCommitments::do_commit(&2, contract(8), 1, 50),
			Error::<Test>::InsufficientCoverage
		);
		assert_noop!(
			ContractCommitments::do_commit(&2, contract(7), 1, 50),
			Error::<Test>::InsufficientCoverage
		);
	});
}

#[test]
fn a_claimant_without_the_bond_files_nothing_and_changes_nothing() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&2, contract(7), 60, 50));
		set_no_bond(1, true);
		assert!(ContractCommitments::do_file_claim(contract(7), &1, &2, 10, b"").is_err());
		assert_eq!(commitment(2, 7).map(|c| c.open_claims), Some(0));
		assert!(claims().is_empty());
	});
}

#[test]
fn claims_about_one_commitment_ask_for_no_more_than_it_holds_together() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&2, contract(7), 60, 50));
		// The contract files claim after claim for the whole commitment, hoping the respondent's
		// guarantors pay each one in full.
		assert_ok!(ContractCommitments::do_file_claim(contract(7), &1, &2, 60, b""));
		assert_noop!(
			ContractCommitments::do_file_claim(contract(7), &3, &2, 1, b""),
			Error::<Test>::ExceedsCommitment
		);
		assert_eq!(claims().len(), 1);
	});
}

#[test]
fn a_contract_releases_only_its_own_commitments() {
	run(|| {
		assert_ok!(ContractCommitments::do_commit(&2, contract(7), 60, 50));
		// Contract 8 tries to free member 2's coverage promised to contract 7.
		assert_noop!(
			ContractCommitments::do_release(contract(8), &2, 60),
			Error::<Test>::NoCommitment
		);
		assert_eq!(commitment(2, 7).map(|c| c.amount), Some(60));
	});
}
