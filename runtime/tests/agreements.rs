//! Runtime tests of the agreements pallet through the real guarantor pallet: coverage limits
//! what a member may promise, commitments keep guarantors from walking away, and a default
//! becomes a claim that is judged, compensated, and closes the agreement.

mod common;

use common::{check_invariants, dev_chain, id, run_to_block, signed};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
	BoundedVec,
};
use pallet_agreements::{
	AgreementPhase, Agreements as AgreementRecords, Committed, Obligation, ObligationKind,
	ObligationState, ObligationsOf,
};
use pallet_guarantor::{ClaimPhase, Claims, Debts, Members, Verdict};
use poruka_runtime::{
	genesis_config_presets::DEV_TIMING, Agreements, Balance, Balances, BlockNumber, Guarantor,
	Runtime, RuntimeHoldReason, System, UNIT,
};
use sp_keyring::Sr25519Keyring::{self, Bob, Dave, Eve, Ferdie};

fn escrow(key: Sr25519Keyring) -> Balance {
	let reason = RuntimeHoldReason::Agreements(pallet_agreements::HoldReason::Escrow);
	Balances::balance_on_hold(&reason, &id(key))
}

/// Ferdie delivers goods worth `value` to Dave by block `due`; Dave pays `value` once they
/// arrive.
fn goods_for_payment(value: Balance, due: BlockNumber) -> ObligationsOf<Runtime> {
	let obligations = vec![
		Obligation {
			from: id(Ferdie),
			to: id(Dave),
			kind: ObligationKind::Delivery { value, terms_hash: [1; 32] },
			due,
			after: BoundedVec::new(),
		},
		Obligation {
			from: id(Dave),
			to: id(Ferdie),
			kind: ObligationKind::Payment { amount: value },
			due: due + 10,
			after: BoundedVec::truncate_from(vec![0]),
		},
	];
	BoundedVec::truncate_from(obligations)
}

/// Eve and Bob vouch 40 POR each for Ferdie, who deposits 30: coverage 110 POR.
fn admit_ferdie() {
	assert_ok!(Guarantor::vouch(signed(Eve), id(Ferdie), 40 * UNIT));
	assert_ok!(Guarantor::vouch(signed(Bob), id(Ferdie), 40 * UNIT));
	assert_ok!(Guarantor::deposit(signed(Ferdie), 30 * UNIT));
}

#[test]
fn coverage_limits_what_a_member_may_promise() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_noop!(
			Agreements::propose(signed(Ferdie), goods_for_payment(111 * UNIT, 20), 5),
			pallet_agreements::Error::<Runtime>::InsufficientCoverage
		);
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(110 * UNIT, 20), 5));
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 110 * UNIT);
		// A non-member can neither propose nor accept.
		assert_noop!(
			Agreements::propose(signed(Sr25519Keyring::One), goods_for_payment(UNIT, 20), 5),
			pallet_agreements::Error::<Runtime>::NotActiveMember
		);
		check_invariants();
	});
}

#[test]
fn coverage_backing_open_commitments_cannot_walk_away() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(100 * UNIT, 40), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		// Eve revokes: Ferdie's coverage drops to 70, under his 100 committed.
		assert_ok!(Guarantor::revoke_guarantee(signed(Eve), id(Ferdie)));
		run_to_block(2 + DEV_TIMING.revocation_notice);
		assert_noop!(
			Guarantor::release_guarantee(signed(Eve), id(Eve), id(Ferdie)),
			pallet_guarantor::Error::<Runtime>::WouldUncoverCommitments
		);
		// Once Dave confirms the delivery, the commitment is gone and Eve's money is free.
		assert_ok!(Agreements::confirm(signed(Dave), 0, 0));
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 0);
		assert_ok!(Guarantor::release_guarantee(signed(Eve), id(Eve), id(Ferdie)));
		check_invariants();
	});
}

#[test]
fn a_default_becomes_a_claim_that_is_judged_compensated_and_closes_the_agreement() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		let issuance = Balances::total_issuance();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(100 * UNIT, 10), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		assert_eq!(escrow(Dave), 100 * UNIT);

		// The delivery's due block passes; Dave reports the default.
		run_to_block(11);
		let dave_free = Balances::balance(&id(Dave));
		assert_ok!(Agreements::report_default(signed(Dave), 0, 0));
		// A claim by Dave against Ferdie, citing the agreement; Dave's escrow is back, minus
		// the claim bond now held.
		let claim = Claims::<Runtime>::get(0).expect("the default filed a claim");
		assert_eq!((claim.claimant.clone(), claim.respondent.clone()), (id(Dave), id(Ferdie)));
		assert_eq!(
			(claim.amount, claim.subject),
			(100 * UNIT, Some(poruka_primitives::ClaimSubject::Agreement(0)))
		);
		assert_eq!(escrow(Dave), 0);
		let bond: Balance = <Runtime as pallet_guarantor::Config>::ClaimBond::get();
		assert_eq!(Balances::balance(&id(Dave)), dave_free + 100 * UNIT - bond);

		// Ferdie's guarantors uphold it.
		let uphold = Verdict::Uphold { amount: 100 * UNIT, force_majeure: false };
		assert_ok!(Guarantor::vote(signed(Eve), 0, uphold));
		assert_ok!(Guarantor::vote(signed(Bob), 0, uphold));
		run_to_block(System::block_number() + DEV_TIMING.appeal_period);
		assert!(matches!(Claims::<Runtime>::get(0).unwrap().phase, ClaimPhase::Paid { .. }));

		// 30 from Ferdie's deposit, 35 from each guarantee; Ferdie owes each guarantor.
		let agreement = AgreementRecords::<Runtime>::get(0).unwrap();
		assert_eq!(agreement.phase, AgreementPhase::Defaulted { compensated: 100 * UNIT });
		assert_eq!(
			agreement.obligations[0].state,
			ObligationState::Defaulted { claim: 0, compensated: 100 * UNIT }
		);
		assert_eq!(agreement.obligations[1].state, ObligationState::Unwound);
		assert_eq!(Balances::balance(&id(Dave)), dave_free + 200 * UNIT);
		assert_eq!(Debts::<Runtime>::get(id(Ferdie), id(Eve)), Some(35 * UNIT));
		assert_eq!(Debts::<Runtime>::get(id(Ferdie), id(Bob)), Some(35 * UNIT));
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 0);
		assert_eq!(Members::<Runtime>::get(id(Ferdie)).unwrap().deposit, 0);
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

#[test]
fn a_default_the_panel_rejects_lets_the_payment_go_ahead() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(50 * UNIT, 10), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		run_to_block(11);
		let ferdie_free = Balances::balance(&id(Ferdie));
		assert_ok!(Agreements::report_default(signed(Dave), 0, 0));
		assert_ok!(Guarantor::vote(signed(Eve), 0, Verdict::Reject));
		assert_ok!(Guarantor::vote(signed(Bob), 0, Verdict::Reject));
		run_to_block(System::block_number() + DEV_TIMING.appeal_period);
		assert_eq!(Claims::<Runtime>::get(0).unwrap().phase, ClaimPhase::Rejected);
		// The delivery counts as made: Dave's payment was escrowed again and paid, Ferdie also
		// got Dave's claim bond, and the closed agreement returned his proposal's deposit.
		let bond: Balance = <Runtime as pallet_guarantor::Config>::ClaimBond::get();
		let deposit = pallet_agreements::Pallet::<Runtime>::storage_deposit(2);
		assert_eq!(deposit, 1_400 * poruka_runtime::MILLI_UNIT);
		assert_eq!(AgreementRecords::<Runtime>::get(0).unwrap().phase, AgreementPhase::Completed);
		assert_eq!(Balances::balance(&id(Ferdie)), ferdie_free + 50 * UNIT + bond + deposit);
		assert_eq!(escrow(Dave), 0);
		check_invariants();
	});
}

#[test]
fn commitments_stand_when_a_payout_drains_the_obligors_guarantees() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(100 * UNIT, 40), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		// Another claim against Ferdie, for 100, upheld: his deposit and 35 of each guarantee
		// pay it, leaving both guarantees at 5 POR, below the minimum.
		assert_ok!(Guarantor::file_claim(
			signed(Sr25519Keyring::Charlie),
			id(Ferdie),
			100 * UNIT,
			BoundedVec::truncate_from(b"another deal".to_vec()),
			None,
		));
		let uphold = Verdict::Uphold { amount: 100 * UNIT, force_majeure: false };
		assert_ok!(Guarantor::vote(signed(Eve), 0, uphold));
		assert_ok!(Guarantor::vote(signed(Bob), 0, uphold));
		run_to_block(System::block_number() + DEV_TIMING.appeal_period);
		let ferdie = Members::<Runtime>::get(id(Ferdie)).unwrap();
		assert_eq!(ferdie.coverage(), 0);
		assert_eq!(ferdie.status, pallet_guarantor::MemberStatus::Suspended);
		// His commitment stands: he still owes the delivery, the agreement goes on, and he can
		// promise nothing new.
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 100 * UNIT);
		assert_eq!(AgreementRecords::<Runtime>::get(0).unwrap().phase, AgreementPhase::Active);
		assert_noop!(
			Agreements::propose(signed(Ferdie), goods_for_payment(UNIT, 40), 5),
			pallet_agreements::Error::<Runtime>::NotActiveMember
		);
		// Nothing backing it can walk away: Eve revokes, and may not release.
		assert_ok!(Guarantor::revoke_guarantee(signed(Eve), id(Ferdie)));
		run_to_block(System::block_number() + DEV_TIMING.revocation_notice);
		assert_noop!(
			Guarantor::release_guarantee(signed(Eve), id(Eve), id(Ferdie)),
			pallet_guarantor::Error::<Runtime>::WouldUncoverCommitments
		);
		// Ferdie delivers: the commitment is freed, Dave's payment released, Eve may go.
		assert_ok!(Agreements::confirm(signed(Dave), 0, 0));
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 0);
		assert_eq!(AgreementRecords::<Runtime>::get(0).unwrap().phase, AgreementPhase::Completed);
		assert_ok!(Guarantor::release_guarantee(signed(Eve), id(Eve), id(Ferdie)));
		check_invariants();
	});
}

#[test]
fn commitments_stand_when_the_obligors_guarantors_are_struck_out() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(100 * UNIT, 200), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		// Eve and Bob sit silent on three claims against Ferdie: struck out (MaxStrikes 3).
		let strikes: u32 = <Runtime as pallet_guarantor::Config>::MaxStrikes::get();
		for _ in 0..strikes {
			assert_ok!(Guarantor::file_claim(
				signed(Sr25519Keyring::Charlie),
				id(Ferdie),
				UNIT,
				BoundedVec::new(),
				None,
			));
			run_to_block(System::block_number() + DEV_TIMING.decision_period);
		}
		assert_eq!(Members::<Runtime>::get(id(Eve)).unwrap().strikes, strikes);
		// Ferdie is no longer a member in good standing, but his coverage is still there, and
		// so is his commitment: his guarantors' money still pays.
		let ferdie = Members::<Runtime>::get(id(Ferdie)).unwrap();
		assert_eq!(ferdie.status, pallet_guarantor::MemberStatus::Suspended);
		assert_eq!(ferdie.coverage(), 110 * UNIT);
		assert_eq!(Committed::<Runtime>::get(id(Ferdie)), 100 * UNIT);
		assert_eq!(AgreementRecords::<Runtime>::get(0).unwrap().phase, AgreementPhase::Active);
		// He still delivers and is paid.
		assert_ok!(Agreements::confirm(signed(Dave), 0, 0));
		assert_eq!(AgreementRecords::<Runtime>::get(0).unwrap().phase, AgreementPhase::Completed);
		check_invariants();
	});
}

#[test]
fn a_suspended_receiver_reports_a_default_through_the_real_guarantor_pallet() {
	dev_chain().execute_with(|| {
		admit_ferdie();
		assert_ok!(Agreements::propose(signed(Ferdie), goods_for_payment(50 * UNIT, 10), 5));
		assert_ok!(Agreements::accept(signed(Dave), 0));
		// Dave's guarantors walk away from him.
		assert_ok!(Guarantor::revoke_guarantee(signed(Sr25519Keyring::Alice), id(Dave)));
		assert_eq!(
			Members::<Runtime>::get(id(Dave)).unwrap().status,
			pallet_guarantor::MemberStatus::Suspended
		);
		run_to_block(11);
		assert_ok!(Agreements::report_default(signed(Dave), 0, 0));
		let claim = Claims::<Runtime>::get(0).expect("the default filed a claim");
		assert_eq!((claim.claimant, claim.respondent), (id(Dave), id(Ferdie)));
		check_invariants();
	});
}
