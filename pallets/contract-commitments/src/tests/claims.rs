//! Claims about contracts: filed for a broken promise, settled by their outcome.

use super::*;
use poruka_primitives::{ClaimOutcome, ClaimSubject};

/// Member 2 committed 60 to contract 7 until block 50.
fn committed() {
	assert_ok!(ContractCommitments::do_commit(&2, contract(7), 60, 50));
}

#[test]
fn a_contract_files_a_claim_against_a_member_committed_to_it() {
	run(|| {
		committed();
		let claim =
			ContractCommitments::do_file_claim(contract(7), &1, &2, 40, b"unpaid share").unwrap();
		assert_eq!(
			claims(),
			vec![(1, 2, 40, b"unpaid share".to_vec(), Some(ClaimSubject::Contract(contract(7))))]
		);
		assert_eq!(commitment(2, 7).map(|c| c.open_claims), Some(1));
		assert_eq!(crate::ContractClaims::<Test>::get(claim), Some((2, contract(7), 40)));
		assert_eq!(
			events().last(),
			Some(&Event::ClaimFiled {
				claim,
				contract: contract(7),
				claimant: 1,
				respondent: 2,
				amount: 40
			})
		);
	});
}

#[test]
fn a_claim_is_refused_beyond_the_commitment_or_without_one() {
	run(|| {
		committed();
		assert_noop!(
			ContractCommitments::do_file_claim(contract(7), &1, &2, 61, b""),
			Error::<Test>::ExceedsCommitment
		);
		assert_noop!(
			ContractCommitments::do_file_claim(contract(8), &1, &2, 10, b""),
			Error::<Test>::NoCommitment
		);
		assert_noop!(
			ContractCommitments::do_file_claim(contract(7), &1, &3, 10, b""),
			Error::<Test>::NoCommitment
		);
		assert_noop!(
			ContractCommitments::do_file_claim(contract(7), &1, &2, 0, b""),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ContractCommitments::do_file_claim(contract(7), &4, &2, 10, b""),
			Error::<Test>::NotActiveMember
		);
		assert!(claims().is_empty());
	});
}

#[test]
fn an_upheld_claim_settles_that_much_of_the_commitment() {
	run(|| {
		committed();
		let claim = ContractCommitments::do_file_claim(contract(7), &1, &2, 40, b"").unwrap();
		let outcome = ClaimOutcome::Upheld { amount: 40, compensated: 35, force_majeure: false };
		finalize(claim, outcome);
		assert_eq!(
			commitment(2, 7),
			Some(Commitment { amount: 20, until: 50, open_claims: 0, claimed: 0 })
		);
		assert_eq!(total(2), (20, 1));
		assert_eq!(crate::ContractClaims::<Test>::get(claim), None);
		assert_eq!(
			events().last(),
			Some(&Event::ClaimSettled {
				claim,
				contract: contract(7),
				respondent: 2,
				outcome,
				settled: 40,
				remaining: 20
			})
		);
	});
}

#[test]
fn a_rejected_claim_leaves_the_commitment_standing() {
	run(|| {
		committed();
		let claim = ContractCommitments::do_file_claim(contract(7), &1, &2, 40, b"").unwrap();
		finalize(claim, ClaimOutcome::Rejected);
		assert_eq!(
			commitment(2, 7),
			Some(Commitment { amount: 60, until: 50, open_claims: 0, claimed: 0 })
		);
		assert_eq!(total(2), (60, 1));
	});
}

#[test]
fn what_open_claims_ask_for_stays_committed_until_they_end() {
	run(|| {
		committed();
		let claim = ContractCommitments::do_file_claim(contract(7), &1, &2, 40, b"").unwrap();
		assert_eq!(
			commitment(2, 7),
			Some(Commitment { amount: 60, until: 50, open_claims: 1, claimed: 40 })
		);
		// The contract may release only what the claim does not hold.
		assert_noop!(
			ContractCommitments::do_release(contract(7), &2, 21),
			Error::<Test>::ExceedsCommitment
		);
		assert_ok!(ContractCommitments::do_release(contract(7), &2, 20));
		finalize(claim, ClaimOutcome::Upheld { amount: 40, compensated: 40, force_majeure: false });
		assert_eq!(commitment(2, 7), None);
		assert!(!Totals::<Test>::contains_key(2));
	});
}

#[test]
fn other_claims_are_not_this_pallets() {
	run(|| {
		committed();
		<ContractCommitments as poruka_primitives::ClaimOutcomeHandler<Balance>>::on_claim_final(
			0,
			Some(ClaimSubject::Agreement(3)),
			ClaimOutcome::Rejected,
		);
		<ContractCommitments as poruka_primitives::ClaimOutcomeHandler<Balance>>::on_claim_final(
			1,
			None,
			ClaimOutcome::Dismissed,
		);
		assert_eq!(commitment(2, 7).map(|c| c.amount), Some(60));
		assert_eq!(events().len(), 1, "only the commitment");
	});
}
