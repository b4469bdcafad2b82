//! Paying upheld claims: deposit first, guarantees pro rata, debts, bonds, repayment.

use super::*;
use crate::{
	compensation::pro_rata, ClaimPayments, ClaimPhase, Claims, Credits, Debts, Error, Event,
	Guarantees, Payment, PaymentSource, Unbonding,
};
use frame_support::assert_noop;
use poruka_primitives::ClaimOutcome;

#[test]
fn pro_rata_is_exact_and_capped() {
	assert_eq!(pro_rata::<u64>(70, &[40, 40]), vec![35, 35]);
	assert_eq!(pro_rata::<u64>(10, &[40, 30]), vec![6, 4]);
	assert_eq!(pro_rata::<u64>(100, &[40, 30]), vec![40, 30]);
	assert_eq!(pro_rata::<u64>(0, &[40, 30]), vec![0, 0]);
	assert_eq!(pro_rata::<u64>(5, &[]), Vec::<u64>::new());
	// 10 over three equal stakes: 3, 3, 3 and the remainder to the first.
	assert_eq!(pro_rata::<u64>(10, &[5, 5, 5]), vec![4, 3, 3]);
	// Always sums to the need when the stakes can cover it, never over a stake.
	for need in 0..=60u64 {
		let stakes = [1u64, 7, 13, 40];
		let shares = pro_rata(need, &stakes);
		assert_eq!(shares.iter().sum::<u64>(), need.min(61));
		assert!(shares.iter().zip(stakes).all(|(s, st)| *s <= st));
	}
}

/// 4 is guaranteed by 1 (40) and 2 (40) and deposits 30; 5 (by 1 and 3) files.
fn ferdie() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 40), (1, 5, 20), (3, 5, 20)])
}

#[test]
fn the_deposit_pays_first_then_the_guarantees_pro_rata_and_debts_follow() {
	ferdie().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 30));
		let total = issuance();
		let before = free(5);
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			100,
			Default::default(),
			Some(9)
		));
		judge(0, uphold(100));

		assert_eq!(free(5), before + 100);
		assert_eq!(held(HoldReason::Deposit, 4), 0);
		// 1 guarantees 5 too (20): only its guarantee for 4 paid.
		assert_eq!(held(HoldReason::Guarantee, 1), 5 + 20);
		assert_eq!(held(HoldReason::Guarantee, 2), 5);
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().amount, 5);
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().paid_out, 35);
		assert_eq!(Debts::<Test>::get(4, 1), Some(35));
		assert_eq!(Credits::<Test>::get(2, 4), Some(35));
		assert_eq!(Members::<Test>::get(4).unwrap().debt, 70);
		// Both guarantees are left below MinGuarantee: they no longer count.
		assert_eq!(Guarantor::coverage(&4), 0);
		assert_eq!(status(4), Some(MemberStatus::Suspended));
		assert_eq!(issuance(), total);
		let payments = vec![
			Payment { payer: 4, source: PaymentSource::Deposit, amount: 30 },
			Payment { payer: 1, source: PaymentSource::Guarantee { level: 1 }, amount: 35 },
			Payment { payer: 2, source: PaymentSource::Guarantee { level: 1 }, amount: 35 },
		];
		assert_eq!(ClaimPayments::<Test>::get(0).unwrap().into_inner(), payments);
		assert!(guarantor_events().contains(&Event::CompensationPaid {
			claim: 0,
			at_fault: crate::Side::Respondent,
			claimant: 5,
			respondent: 4,
			amount: 100,
			compensated: 100,
			shortfall: 0,
			force_majeure: false,
			payments,
		}));
		assert!(guarantor_events().contains(&Event::DebtRecorded {
			debtor: 4,
			creditor: 2,
			amount: 35
		}));
	});
}

#[test]
fn force_majeure_leaves_no_debt() {
	ferdie().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			60,
			Default::default(),
			None
		));
		let fm = Verdict::Uphold { amount: 60, force_majeure: true };
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, fm));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, fm));
		run_to_block(1 + APPEAL_PERIOD);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 60, compensated: 60, force_majeure: true }
		);
		assert_eq!(Debts::<Test>::iter().count(), 0);
		assert_eq!(Members::<Test>::get(4).unwrap().debt, 0);
	});
}

#[test]
fn what_no_fund_covers_is_a_shortfall_owed_to_the_claimant() {
	ferdie().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			150,
			Default::default(),
			None
		));
		judge(0, uphold(150));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 150, compensated: 80, force_majeure: false }
		);
		assert_eq!(Debts::<Test>::get(4, 5), Some(70));
		assert_eq!(Members::<Test>::get(4).unwrap().debt, 150);
		// Both guarantees were used up: 4 has no guarantors left.
		assert_eq!(status(4), Some(MemberStatus::Suspended));
		assert_eq!(Guarantees::<Test>::iter_prefix(4).count(), 0);
		assert_eq!(
			outcomes(),
			vec![(
				0,
				None,
				ClaimOutcome::Upheld { amount: 150, compensated: 80, force_majeure: false }
			)]
		);
	});
}

#[test]
fn a_rejected_claim_costs_the_claimant_its_bond() {
	ferdie().build_and_execute(|| {
		let (claimant, respondent) = (free(5), free(4));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			60,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, Verdict::Reject));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, Verdict::Reject));
		run_to_block(1 + APPEAL_PERIOD);
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Rejected);
		assert_eq!(free(5), claimant - CLAIM_BOND);
		assert_eq!(free(4), respondent + CLAIM_BOND);
		assert!(guarantor_events().contains(&Event::ClaimRejected { claim: 0 }));
		assert!(guarantor_events().contains(&Event::BondForfeited {
			claim: 0,
			from: 5,
			to: 4,
			amount: CLAIM_BOND
		}));
		assert_eq!(outcomes(), vec![(0, None, ClaimOutcome::Rejected)]);
		assert_eq!(Members::<Test>::get(5).unwrap().filed_claims, 0);
	});
}

#[test]
fn a_payout_from_a_withdrawal_in_progress_trims_it() {
	ferdie().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 50));
		assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(4), 20));
		assert_ok!(Guarantor::withdraw_deposit(RuntimeOrigin::signed(4), 20));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			35,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		// 15 is left of the deposit: the newest withdrawal shrinks to nothing, the older to 15.
		let m = Members::<Test>::get(4).unwrap();
		assert_eq!((m.deposit, m.unbonding), (15, 15));
		let chunks: Vec<_> = Unbonding::<Test>::get(4).iter().map(|c| c.amount).collect();
		assert_eq!(chunks, vec![15]);
	});
}

#[test]
fn debts_are_repaid() {
	ferdie().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			60,
			Default::default(),
			None
		));
		judge(0, uphold(60));
		assert_eq!(Debts::<Test>::get(4, 1), Some(30));
		assert_noop!(Guarantor::repay(RuntimeOrigin::signed(4), 3, 10), Error::<Test>::NoDebt);
		assert_noop!(Guarantor::repay(RuntimeOrigin::signed(4), 1, 0), Error::<Test>::ZeroAmount);
		let before = free(1);
		assert_ok!(Guarantor::repay(RuntimeOrigin::signed(4), 1, 10));
		System::assert_last_event(
			Event::DebtRepaid { debtor: 4, creditor: 1, amount: 10, remaining: 20 }.into(),
		);
		assert_eq!(free(1), before + 10);
		// More than owed repays just what is owed.
		assert_ok!(Guarantor::repay(RuntimeOrigin::signed(4), 1, 500));
		assert_eq!(Debts::<Test>::get(4, 1), None);
		assert_eq!(Credits::<Test>::get(1, 4), None);
		assert_eq!(free(1), before + 30);
		assert_eq!(Members::<Test>::get(4).unwrap().debt, 30);
		// Paying needs the money.
		let spare = free(4);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(4), 20, spare - 5));
		assert_noop!(
			Guarantor::repay(RuntimeOrigin::signed(4), 2, 30),
			Error::<Test>::InsufficientBalance
		);
		// Nor can a debtor walk away from what it owes.
		assert_noop!(Guarantor::leave(RuntimeOrigin::signed(4)), Error::<Test>::HasDebt);
	});
}
