//! Runtime tests of the guarantor pallet: the `development` preset's cooperative, and a claim's
//! whole life (filing, escalation by timeout, decision, payout) through the real runtime.

mod common;

use common::{check_invariants, dev_chain, id, run_to_block, signed};
use frame_support::traits::fungible::{Inspect, InspectHold};
use pallet_guarantor::{ClaimPhase, Claims, Debts, HoldReason, MemberStatus, Members, Verdict};
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
