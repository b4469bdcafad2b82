//! Two-sided disputes: the respondent contests (with a counter-claim or not), both sides'
//! guarantors sit at every level from then on, and a verdict may find either side at fault.

use super::*;
use crate::{
	BondKind, ClaimPhase, Claims, Contest, Debts, Error, Event, Guarantees, Liabilities, Liability,
	Payment, PaymentSource, Side,
};
use frame_support::assert_noop;
use poruka_primitives::ClaimOutcome;

/// The respondent 4 is guaranteed by 1 and 6 (40 each); the claimant 5 by 2 and 3 (30 each);
/// 6 by 1 and 2.
fn two_trees() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[
		(1, 6, 20),
		(2, 6, 20),
		(1, 4, 40),
		(6, 4, 40),
		(2, 5, 30),
		(3, 5, 30),
	])
}

fn counter(amount: Balance) -> Verdict<Balance> {
	Verdict::CounterUphold { amount, force_majeure: false }
}

#[test]
fn a_counter_claim_holds_a_bond_and_makes_the_claimants_guarantees_liable() {
	two_trees().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			50,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(60)));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.contest, Some(Contest { at_level: 1, counter_claim: Some(60) }));
		assert_eq!(claim.bonds[1].kind, BondKind::CounterClaim);
		assert_eq!(held(HoldReason::ClaimBond, 4), CLAIM_BOND);
		assert_eq!(Members::<Test>::get(5).unwrap().countered_claims, 1);
		let liable = |guarantor, amount| Liability { guarantor, ward: 5, amount, paid_out: 0 };
		assert_eq!(
			Liabilities::<Test>::get(0, (Side::Claimant, 1)).unwrap().into_inner(),
			vec![liable(2, 30), liable(3, 30)]
		);
		// One seat for each side (MaxPanelSize 3), the largest stakes; the odd one to neither.
		let panel: Vec<_> = claim.panel().unwrap().iter().map(|p| (p.who, p.side)).collect();
		assert_eq!(panel, vec![(1, Side::Respondent), (2, Side::Claimant)]);
		assert!(guarantor_events().contains(&Event::ClaimContested {
			claim: 0,
			counter_claim: Some(60),
			panel: vec![1, 2],
			deadline: Some(1 + DECISION_PERIOD),
		}));
		// A counter-verdict is bounded by the counter-claim.
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(1), 0, counter(61)),
			Error::<Test>::InvalidAmount
		);
	});
}

#[test]
fn a_claimant_found_at_fault_compensates_the_respondent_from_its_own_chain() {
	two_trees().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(5), 10));
		let total = issuance();
		let (respondent, claimant) = (free(4), free(5));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			50,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(60)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, counter(60)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, counter(60)));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Decided { verdict: counter(60) }
		);
		run_to_block(1 + APPEAL_PERIOD);
		// 10 from the claimant's deposit, 50 from its guarantors (25 each); the respondent's
		// guarantees are untouched.
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::CounterPaid { amount: 60, compensated: 60, force_majeure: false }
		);
		let payments = vec![
			Payment { payer: 5, source: PaymentSource::Deposit, amount: 10 },
			Payment { payer: 2, source: PaymentSource::Guarantee { level: 1 }, amount: 25 },
			Payment { payer: 3, source: PaymentSource::Guarantee { level: 1 }, amount: 25 },
		];
		assert!(guarantor_events().contains(&Event::CompensationPaid {
			claim: 0,
			at_fault: Side::Claimant,
			claimant: 5,
			respondent: 4,
			amount: 60,
			compensated: 60,
			shortfall: 0,
			force_majeure: false,
			payments,
		}));
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().amount, 40);
		assert_eq!(Guarantees::<Test>::get(5, 2).unwrap().amount, 5);
		assert_eq!(Debts::<Test>::get(5, 2), Some(25));
		assert_eq!(Debts::<Test>::get(5, 3), Some(25));
		// The respondent gets 60, its counter-claim bond back and the claim bond.
		assert_eq!(free(4), respondent + 60 + CLAIM_BOND);
		assert_eq!(free(5), claimant - CLAIM_BOND);
		assert_eq!(held(HoldReason::ClaimBond, 4), 0);
		assert_eq!(issuance(), total);
		assert_eq!(
			outcomes(),
			vec![(
				0,
				None,
				ClaimOutcome::CounterUpheld { amount: 60, compensated: 60, force_majeure: false }
			)]
		);
		let claimant = Members::<Test>::get(5).unwrap();
		assert_eq!((claimant.countered_claims, claimant.filed_claims), (0, 0));
	});
}

#[test]
fn a_rejected_claim_and_counter_claim_cost_each_side_its_bond() {
	two_trees().build_and_execute(|| {
		let (respondent, claimant) = (free(4), free(5));
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			50,
			Default::default(),
			None
		));
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(60)));
		judge(0, Verdict::Reject);
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Rejected);
		// Each bond went to the other side: even.
		assert_eq!(free(4), respondent);
		assert_eq!(free(5), claimant);
		assert_eq!(Guarantees::<Test>::get(5, 2).unwrap().liable_claims, 0);
	});
}

/// Both sides three levels deep. Respondent 14 ← 12, 13 ← 10, 11 ← founders 1, 2, 3.
/// Claimant 24 ← 22, 23 ← 20, 21 ← founders 1, 2, 3.
fn deep_trees() -> ExtBuilder {
	ExtBuilder::default()
		.guarantees(&three_deep(14, [12, 13], [10, 11], [[1, 2], [2, 3]]))
		.guarantees(&three_deep(24, [22, 23], [20, 21], [[1, 3], [2, 3]]))
}

fn seats(id: u32) -> Vec<(AccountId, Side)> {
	Claims::<Test>::get(id).unwrap().panel().unwrap().iter().map(|p| (p.who, p.side)).collect()
}

#[test]
fn contested_at_level_two_both_sides_sit_at_every_level_above() {
	deep_trees().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(24),
			14,
			60,
			Default::default(),
			None
		));
		assert_eq!(seats(0), vec![(12, Side::Respondent), (13, Side::Respondent)]);
		run_to_block(1 + DECISION_PERIOD);
		assert_eq!(seats(0), vec![(10, Side::Respondent), (11, Side::Respondent)]);
		// Contested at level 2: the claimant's own guarantors join; its counter-claim makes
		// them liable.
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(14), 0, Some(40)));
		assert_eq!(seats(0), vec![(10, Side::Respondent), (22, Side::Claimant)]);
		assert_eq!(Claims::<Test>::get(0).unwrap().contest.unwrap().at_level, 2);
		// Silence again: level 3 draws on both sides' panelists' guarantors — the founders for
		// the respondent's side, 20 and 21 (22's guarantors) for the claimant's.
		run_to_block(1 + 2 * DECISION_PERIOD);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.level(), 3);
		let panel = seats(0);
		assert!(panel.iter().any(|(_, side)| *side == Side::Respondent));
		assert!(panel.iter().any(|(_, side)| *side == Side::Claimant));
		// As many of each: one (⌊MaxPanelSize/2⌋).
		assert_eq!(panel, vec![(1, Side::Respondent), (20, Side::Claimant)]);
		// The claimant's side is two deep now: its panelists' seating guarantees are liable at
		// depth 2.
		let depth_two = Liabilities::<Test>::get(0, (Side::Claimant, 2)).unwrap();
		for entry in depth_two.iter() {
			assert_eq!(entry.ward, 22);
		}
		assert_eq!(claim.depth(Side::Claimant, 3), 2);
		// The counter-claim is upheld at level 3: paid down the claimant's chain.
		for (who, _) in panel {
			if Claims::<Test>::get(0).unwrap().phase.is_voting() {
				assert_ok!(Guarantor::vote(RuntimeOrigin::signed(who), 0, counter(40)));
			}
		}
		run_to_block(System::block_number() + APPEAL_PERIOD);
		let payments = crate::ClaimPayments::<Test>::get(0).unwrap();
		// 30 from the claimant's own guarantors, 10 from depth 2.
		let depth = |level| -> Balance {
			payments
				.iter()
				.filter(|p| p.source == PaymentSource::Guarantee { level })
				.map(|p| p.amount)
				.sum()
		};
		assert_eq!((depth(1), depth(2)), (30, 10));
		assert!(payments.iter().all(|p| p.payer != 12 && p.payer != 13));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::CounterPaid { amount: 40, compensated: 40, force_majeure: false }
		);
	});
}

#[test]
fn a_respondent_may_contest_in_arbitration_and_the_arbiter_may_find_the_claimant_at_fault() {
	two_trees().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(5), 10));
		// Against the founder 1, with no guarantors: straight to the arbiter.
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			1,
			50,
			Default::default(),
			None
		));
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::root(), 0, counter(10)),
			Error::<Test>::NoCounterClaim
		);
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(1), 0, Some(20)));
		System::assert_has_event(
			Event::ClaimContested {
				claim: 0,
				counter_claim: Some(20),
				panel: vec![],
				// The arbitration's deadline, unchanged by the contest.
				deadline: Some(1 + ARBITRATION_PERIOD),
			}
			.into(),
		);
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, counter(20)));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::CounterPaid { amount: 20, compensated: 20, force_majeure: false }
		);
		assert_eq!(held(HoldReason::Deposit, 5), 0);
	});
}
