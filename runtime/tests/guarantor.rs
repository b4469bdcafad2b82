//! Runtime tests of the guarantor pallet: the `development` preset's cooperative, a claim's
//! whole life (filing, escalation by timeout, decision, payout), and a contested claim
//! climbing three levels with both sides seated, through the real runtime.

mod common;

use common::{check_invariants, dev_chain, id, run_to_block, signed};
use frame_support::traits::fungible::{Inspect, InspectHold};
use pallet_guarantor::{
	ClaimPhase, Claims, Debts, HoldReason, MemberStatus, Members, Side, Verdict,
};
use poruka_runtime::{
	genesis_config_presets::{DEV_TIMING, FOUNDER_DEPOSIT},
	Balance, Balances, Guarantor, Runtime, RuntimeHoldReason, System, UNIT,
};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};

fn held(reason: HoldReason, key: Sr25519Keyring) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Guarantor(reason), &id(key))
}

#[test]
fn the_dev_preset_has_founders_and_admitted_members() {
	dev_chain().execute_with(|| {
		for founder in [Alice, Bob, Charlie] {
			let m = Members::<Runtime>::get(id(founder)).expect("a founder");
			assert!(m.founder);
			assert_eq!(m.status, MemberStatus::Active);
			assert_eq!(held(HoldReason::Deposit, founder), FOUNDER_DEPOSIT);
		}
		assert_eq!(Members::<Runtime>::get(id(Dave)).unwrap().live_guarantors, 2);
		assert_eq!(Members::<Runtime>::get(id(Eve)).unwrap().live_guarantors, 3);
		for member in [Dave, Eve] {
			assert_eq!(Members::<Runtime>::get(id(member)).unwrap().status, MemberStatus::Active);
		}
		assert!(Members::<Runtime>::get(id(Ferdie)).is_none());
		assert_eq!(Guarantor::timing(), DEV_TIMING);
		check_invariants();
	});
}

#[test]
fn a_claim_climbs_the_tree_and_is_paid_from_deposit_and_guarantees() {
	dev_chain().execute_with(|| {
		// Eve (a member) and Bob (a founder) vouch for Ferdie, who deposits 30 POR.
		assert!(Guarantor::vouch(signed(Eve), id(Ferdie), 40 * UNIT).is_ok());
		assert!(Guarantor::vouch(signed(Bob), id(Ferdie), 40 * UNIT).is_ok());
		assert!(Guarantor::deposit(signed(Ferdie), 30 * UNIT).is_ok());
		let ferdie = Members::<Runtime>::get(id(Ferdie)).unwrap();
		assert_eq!(ferdie.status, MemberStatus::Active);
		assert_eq!(ferdie.coverage(), 110 * UNIT);

		let issuance = Balances::total_issuance();
		let dave_before = Balances::balance(&id(Dave));
		assert!(Guarantor::file_claim(
			signed(Dave),
			id(Ferdie),
			100 * UNIT,
			b"goods not delivered".to_vec().try_into().unwrap(),
			None,
		)
		.is_ok());
		let claim = Claims::<Runtime>::get(0).unwrap();
		let mut panel: Vec<_> = claim.panel().unwrap().iter().map(|p| p.who.clone()).collect();
		panel.sort();
		let mut expected = vec![id(Bob), id(Eve)];
		expected.sort();
		assert_eq!(panel, expected);

		// Nobody votes: after the decision period it climbs to Eve's other guarantors.
		run_to_block(1 + DEV_TIMING.decision_period);
		let claim = Claims::<Runtime>::get(0).unwrap();
		assert_eq!(claim.level(), 2);
		let mut panel: Vec<_> = claim.panel().unwrap().iter().map(|p| p.who.clone()).collect();
		panel.sort();
		let mut expected = vec![id(Alice), id(Charlie)];
		expected.sort();
		assert_eq!(panel, expected);
		assert_eq!(Members::<Runtime>::get(id(Eve)).unwrap().strikes, 1);
		assert_eq!(Members::<Runtime>::get(id(Bob)).unwrap().strikes, 1);

		let uphold = Verdict::Uphold { amount: 100 * UNIT, force_majeure: false };
		assert!(Guarantor::vote(signed(Alice), 0, uphold).is_ok());
		assert!(Guarantor::vote(signed(Charlie), 0, uphold).is_ok());
		let decided_at = System::block_number();
		run_to_block(decided_at + DEV_TIMING.appeal_period);

		assert_eq!(
			Claims::<Runtime>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 100 * UNIT, compensated: 100 * UNIT, force_majeure: false }
		);
		assert_eq!(Balances::balance(&id(Dave)), dave_before + 100 * UNIT);
		assert_eq!(held(HoldReason::Deposit, Ferdie), 0);
		assert_eq!(Debts::<Runtime>::get(id(Ferdie), id(Eve)), Some(35 * UNIT));
		assert_eq!(Debts::<Runtime>::get(id(Ferdie), id(Bob)), Some(35 * UNIT));
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

/// A fresh account of the runtime, funded.
fn member_account(seed: u8) -> poruka_runtime::AccountId {
	let who = poruka_runtime::AccountId::from([seed; 32]);
	assert!(Balances::force_set_balance(
		poruka_runtime::RuntimeOrigin::root(),
		who.clone().into(),
		10_000 * UNIT
	)
	.is_ok());
	who
}

fn vouch(guarantor: &poruka_runtime::AccountId, ward: &poruka_runtime::AccountId, amount: Balance) {
	assert!(Guarantor::vouch(
		poruka_runtime::RuntimeOrigin::signed(guarantor.clone()),
		ward.clone(),
		amount
	)
	.is_ok());
}

/// Two trees three levels deep: the respondent's (its guarantors R1, theirs R2, theirs the
/// founders Alice and Bob) and the claimant's (C1, C2, then Charlie and Eve). The claimant
/// files 120 POR, the respondent contests with a counter-claim of 120 POR, and nobody votes
/// until level 3. Returns the claim, the parties and the accounts of each side's levels.
struct TwoTrees {
	claimant: poruka_runtime::AccountId,
	respondent: poruka_runtime::AccountId,
	sides: [Vec<Vec<poruka_runtime::AccountId>>; 2],
}

fn contested_to_level_three() -> TwoTrees {
	let mut sides = [Vec::new(), Vec::new()];
	let mut parties = Vec::new();
	for (side, (seed, top)) in
		[(10u8, [id(Alice), id(Bob)]), (20u8, [id(Charlie), id(Eve)])].into_iter().enumerate()
	{
		let two = [member_account(seed + 2), member_account(seed + 3)];
		let one = [member_account(seed + 4), member_account(seed + 5)];
		let party = member_account(seed + 6);
		for ward in &two {
			for guarantor in &top {
				vouch(guarantor, ward, 50 * UNIT);
			}
		}
		for ward in &one {
			for guarantor in &two {
				vouch(guarantor, ward, 30 * UNIT);
			}
		}
		for guarantor in &one {
			vouch(guarantor, &party, 20 * UNIT);
		}
		sides[side] = vec![one.to_vec(), two.to_vec(), top.to_vec()];
		parties.push(party);
	}
	let (respondent, claimant) = (parties[0].clone(), parties[1].clone());
	assert!(Guarantor::file_claim(
		poruka_runtime::RuntimeOrigin::signed(claimant.clone()),
		respondent.clone(),
		120 * UNIT,
		b"the harvest was not delivered".to_vec().try_into().unwrap(),
		None,
	)
	.is_ok());
	assert!(Guarantor::contest(
		poruka_runtime::RuntimeOrigin::signed(respondent.clone()),
		0,
		Some(120 * UNIT)
	)
	.is_ok());
	let trees = TwoTrees { claimant, respondent, sides };

	// Each level seats both sides' guarantors of the level below; silence climbs.
	for level in 1..=3u32 {
		let claim = Claims::<Runtime>::get(0).unwrap();
		assert_eq!(claim.level(), level);
		let seated = |side: Side| -> Vec<_> {
			let mut who: Vec<_> = claim
				.panel()
				.unwrap()
				.iter()
				.filter(|p| p.side == side)
				.map(|p| p.who.clone())
				.collect();
			who.sort();
			who
		};
		for (index, side) in [Side::Respondent, Side::Claimant].into_iter().enumerate() {
			let mut expected = trees.sides[index][level as usize - 1].clone();
			expected.sort();
			assert_eq!(seated(side), expected, "level {level}, {side:?} side");
		}
		if level < 3 {
			run_to_block(System::block_number() + DEV_TIMING.decision_period);
		}
	}
	trees
}

/// Every depth `depth` payment of claim 0, by payer.
fn paid_at(depth: u32) -> Vec<(poruka_runtime::AccountId, Balance)> {
	let mut paid: Vec<_> = pallet_guarantor::ClaimPayments::<Runtime>::get(0)
		.unwrap()
		.iter()
		.filter(|p| p.source == pallet_guarantor::PaymentSource::Guarantee { level: depth })
		.map(|p| (p.payer.clone(), p.amount))
		.collect();
	paid.sort();
	paid
}

fn decide_at_level_three(verdict: Verdict<Balance>) {
	let panel = Claims::<Runtime>::get(0).unwrap().panel().unwrap().clone();
	for seat in panel.iter() {
		if Claims::<Runtime>::get(0).unwrap().phase.is_voting() {
			assert!(Guarantor::vote(
				poruka_runtime::RuntimeOrigin::signed(seat.who.clone()),
				0,
				verdict
			)
			.is_ok());
		}
	}
	run_to_block(System::block_number() + DEV_TIMING.appeal_period);
}

#[test]
fn a_contested_claim_climbs_three_levels_seating_both_sides_and_the_respondents_chain_pays() {
	dev_chain().execute_with(|| {
		let trees = contested_to_level_three();
		let issuance = Balances::total_issuance();
		let before = Balances::balance(&trees.claimant);
		decide_at_level_three(Verdict::Uphold { amount: 120 * UNIT, force_majeure: false });
		assert_eq!(
			Claims::<Runtime>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 120 * UNIT, compensated: 120 * UNIT, force_majeure: false }
		);
		// 40 from the respondent's own guarantors, 60 from depth 2, 20 from the founders.
		let [respondent_side, _] = &trees.sides;
		let each = |accounts: &Vec<poruka_runtime::AccountId>, amount| {
			let mut paid: Vec<_> = accounts.iter().map(|a| (a.clone(), amount)).collect();
			paid.sort();
			paid
		};
		assert_eq!(paid_at(1), each(&respondent_side[0], 20 * UNIT));
		assert_eq!(paid_at(2), each(&respondent_side[1], 30 * UNIT));
		assert_eq!(paid_at(3), each(&respondent_side[2], 10 * UNIT));
		// The claimant got 120, its claim bond back, and the counter-claim bond.
		assert_eq!(Balances::balance(&trees.claimant), before + 125 * UNIT + 5 * UNIT);
		assert_eq!(Debts::<Runtime>::get(&trees.respondent, id(Alice)), Some(10 * UNIT));
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

#[test]
fn a_contested_claim_climbs_three_levels_and_the_claimants_chain_pays_the_counter_claim() {
	dev_chain().execute_with(|| {
		let trees = contested_to_level_three();
		let issuance = Balances::total_issuance();
		let before = Balances::balance(&trees.respondent);
		decide_at_level_three(Verdict::CounterUphold { amount: 120 * UNIT, force_majeure: false });
		assert_eq!(
			Claims::<Runtime>::get(0).unwrap().phase,
			ClaimPhase::CounterPaid {
				amount: 120 * UNIT,
				compensated: 120 * UNIT,
				force_majeure: false
			}
		);
		let [_, claimant_side] = &trees.sides;
		let each = |accounts: &Vec<poruka_runtime::AccountId>, amount| {
			let mut paid: Vec<_> = accounts.iter().map(|a| (a.clone(), amount)).collect();
			paid.sort();
			paid
		};
		assert_eq!(paid_at(1), each(&claimant_side[0], 20 * UNIT));
		assert_eq!(paid_at(2), each(&claimant_side[1], 30 * UNIT));
		assert_eq!(paid_at(3), each(&claimant_side[2], 10 * UNIT));
		// The respondent got 120, its counter-claim bond back, and the claim bond.
		assert_eq!(Balances::balance(&trees.respondent), before + 125 * UNIT + 5 * UNIT);
		assert_eq!(Debts::<Runtime>::get(&trees.claimant, id(Eve)), Some(10 * UNIT));
		// The respondent's guarantees paid nothing and are free again.
		for guarantor in &trees.sides[0][0] {
			let g =
				pallet_guarantor::Guarantees::<Runtime>::get(&trees.respondent, guarantor).unwrap();
			assert_eq!((g.amount, g.liable_claims), (20 * UNIT, 0));
		}
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

#[test]
fn a_flood_of_claims_due_at_one_block_refuses_no_honest_action_and_is_worked_through() {
	dev_chain().execute_with(|| {
		let evidence = || -> frame_support::BoundedVec<u8, _> { b"x".to_vec().try_into().unwrap() };
		// The attacker (Dave) files 100 claims against Eve in one block, all due at the same
		// block; each holds his bond.
		for _ in 0..100 {
			assert!(Guarantor::file_claim(signed(Dave), id(Eve), UNIT, evidence(), None).is_ok());
		}
		// Honest members act beside them: Charlie files against Dave, whose guarantors decide,
		// and Dave appeals; nothing is refused.
		assert!(Guarantor::file_claim(signed(Charlie), id(Dave), UNIT, evidence(), None).is_ok());
		let honest = 100;
		let uphold = Verdict::Uphold { amount: UNIT, force_majeure: false };
		assert!(Guarantor::vote(signed(Alice), honest, uphold).is_ok());
		assert!(Guarantor::vote(signed(Bob), honest, uphold).is_ok());
		assert!(Guarantor::appeal(signed(Dave), honest).is_ok());
		// The hook works through the flood at most `DeadlineWeight` ÷ (the weight of one due
		// claim) a block: every claim is escalated within that many blocks of its deadline.
		let per_block = <Runtime as pallet_guarantor::Config>::DeadlineWeight::get().ref_time()
			/ pallet_guarantor::Pallet::<Runtime>::deadline_weight().ref_time();
		assert!(per_block >= 1);
		let due = 1 + DEV_TIMING.decision_period;
		let bound = (100u64.div_ceil(per_block)) as u32;
		run_to_block(due + bound);
		// Eve's guarantors are founders: past level 1 only the arbiters are left, and every
		// council member is involved (Dave and Eve are the parties, Alice, Bob and Charlie sat
		// on the panel), so the default applies the block after: dismissed.
		for id in 0..100 {
			let phase = Claims::<Runtime>::get(id).unwrap().phase;
			assert!(
				matches!(phase, ClaimPhase::Arbitration | ClaimPhase::Dismissed),
				"claim {id} waited more than {bound} blocks: {phase:?}"
			);
		}
		check_invariants();
	});
}

/// Bytes a storage entry takes: its key (the 32-byte pallet and item prefix, then the hashed
/// keys) and its largest value.
const PREFIX: usize = 32;

#[test]
fn claim_bonds_and_agreement_deposits_pay_for_the_state_they_take() {
	use codec::MaxEncodedLen;
	use frame_support::traits::Get;
	type Guarantors = <Runtime as pallet_guarantor::Config>::MaxGuarantors;
	type PanelSize = <Runtime as pallet_guarantor::Config>::MaxPanelSize;
	type Obligations = <Runtime as pallet_agreements::Config>::MaxObligations;
	let price = |bytes: usize| poruka_runtime::DEPOSIT_PER_BYTE * bytes as Balance;
	let twox_u32 = 8 + 4;
	let queue_entry = PREFIX + 2 * twox_u32 + 4;
	// A claim at level 1, at its largest: its record, the respondent's liable guarantees, an
	// index entry for each party and panelist, its steps, its deadline and, once final, its
	// pruning.
	let claim = PREFIX + twox_u32 + pallet_guarantor::ClaimOf::<Runtime>::max_encoded_len();
	let liabilities = PREFIX
		+ twox_u32
		+ 8 + 5
		+ pallet_guarantor::LiabilityOf::<Runtime>::max_encoded_len()
			* <Guarantors as Get<u32>>::get() as usize;
	let index = (PREFIX + 16 + 32 + twox_u32) * (2 + <PanelSize as Get<u32>>::get() as usize);
	// Its steps at level 1: the contest's restart, the decision, arbitration, the outcome.
	let steps = PREFIX + twox_u32 + 1 + 4 * pallet_guarantor::StepOf::<Runtime>::max_encoded_len();
	let claim_bytes = claim + liabilities + index + steps + 2 * queue_entry;
	let bond: Balance = <Runtime as pallet_guarantor::Config>::ClaimBond::get();
	assert!(bond >= price(claim_bytes), "{claim_bytes} bytes cost {}", price(claim_bytes));

	// An agreement of `o` obligations: its record, a task queued for each obligation and its
	// expiry, its pruning, and an index entry for each of its parties (at most two new ones an
	// obligation).
	let max = <Obligations as Get<u32>>::get() as usize;
	let max_parties = <<Runtime as pallet_agreements::Config>::MaxParties as Get<u32>>::get();
	let obligation = pallet_agreements::ObligationRecordsOf::<Runtime>::max_encoded_len() / max;
	let largest = pallet_agreements::AgreementOf::<Runtime>::max_encoded_len();
	let index_entry = PREFIX + 16 + 32 + 4;
	for o in [1, 2, 4, max] {
		let parties = (2 * o).min(max_parties as usize);
		let bytes = PREFIX + twox_u32 + largest - (max - o) * obligation
			+ (o + 2) * queue_entry
			+ parties * index_entry;
		let deposit = pallet_agreements::Pallet::<Runtime>::storage_deposit(o as u32);
		assert!(deposit >= price(bytes), "{o} obligations: {bytes} bytes cost {}", price(bytes));
	}
}
