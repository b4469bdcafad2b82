//! Validators by council: the local testnet seats its four validators at genesis, the council
//! seats a fifth once its keys are set and unseats one, Aura and GRANDPA follow at session
//! boundaries, and a validator that leaves the cooperative is dropped.

mod common;

use codec::Encode;
use common::*;
use frame_support::{assert_noop, assert_ok};
use poruka_runtime::{
	Grandpa, Guarantor, Runtime, RuntimeCall, RuntimeEvent, Session, SessionKeys, System,
	ValidatorSet,
};
use sp_core::{proof_of_possession::ProofOfPossessionGenerator, Pair};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::DispatchError;

/// The session keys of a dev seed, and the proof that `who` holds them.
fn keys_of(seed: Sr25519Keyring) -> (SessionKeys, Vec<u8>) {
	let mut aura = sp_core::sr25519::Pair::from_string(&format!("//{seed:?}"), None).unwrap();
	let mut grandpa = sp_core::ed25519::Pair::from_string(&format!("//{seed:?}"), None).unwrap();
	let owner = id(seed).encode();
	let proof =
		(aura.generate_proof_of_possession(&owner), grandpa.generate_proof_of_possession(&owner))
			.encode();
	(SessionKeys { aura: aura.public().into(), grandpa: grandpa.public().into() }, proof)
}

fn sorted(keys: &[Sr25519Keyring]) -> Vec<poruka_runtime::AccountId> {
	let mut accounts: Vec<_> = keys.iter().map(|k| id(*k)).collect();
	accounts.sort();
	accounts
}

fn seat(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who: id(who) })
}

fn unseat(who: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator { who: id(who) })
}

fn aura_keys() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

/// Runs to the first block of session `n` (10-block sessions).
fn run_to_session(n: u32) {
	run_to_block(n * 10);
	assert_eq!(Session::current_index(), n);
}

#[test]
fn the_council_seats_a_fifth_validator_and_unseats_one_aura_and_grandpa_follow() {
	local_chain().execute_with(|| {
		pallet_validator_set::Period::<Runtime>::put(10);
		let four = sorted(&[Alice, Bob, Charlie, Dave]);
		assert_eq!(Session::validators(), four);
		assert_eq!(aura_keys().len(), 4);
		assert_eq!(Grandpa::grandpa_authorities().len(), 4);

		// Only a member sets session keys; a stranger's keys are refused.
		let (keys, proof) = keys_of(Ferdie);
		assert_noop!(
			Session::set_keys(signed(Ferdie), keys, proof),
			pallet_session::Error::<Runtime>::NoAssociatedValidatorId
		);
		// Eve proves she holds her keys; keys with someone else's proof are refused.
		let (keys, proof) = keys_of(Eve);
		let (_, wrong) = keys_of(Bob);
		assert_noop!(
			Session::set_keys(signed(Eve), keys.clone(), wrong),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		assert_ok!(Session::set_keys(signed(Eve), keys.clone(), proof));

		// One member cannot seat itself or anyone: only the council.
		assert_noop!(ValidatorSet::add_validator(signed(Eve), id(Eve)), DispatchError::BadOrigin);
		council_motion(seat(Eve));
		// A change during session 0 is planned at the boundary into 1 and applies from 2.
		run_to_session(1);
		assert_eq!(Session::validators(), four);
		run_to_session(2);
		assert_eq!(Session::validators(), sorted(&[Alice, Bob, Charlie, Dave, Eve]));
		assert!(aura_keys().contains(&keys.aura));
		assert_eq!(aura_keys().len(), 5);
		// GRANDPA enacts the change at the end of the session's first block.
		<Grandpa as frame_support::traits::OnFinalize<u32>>::on_finalize(System::block_number());
		assert_eq!(Grandpa::grandpa_authorities().len(), 5);
		assert!(Grandpa::grandpa_authorities().iter().any(|(key, _)| *key == keys.grandpa));

		council_motion(unseat(Dave));
		run_to_session(4);
		assert_eq!(Session::validators(), sorted(&[Alice, Bob, Charlie, Eve]));
		assert_eq!(aura_keys().len(), 4);
		check_invariants();
	});
}

#[test]
fn a_validator_that_leaves_the_cooperative_loses_its_seat_at_the_next_boundary() {
	local_chain().execute_with(|| {
		pallet_validator_set::Period::<Runtime>::put(10);
		let (keys, proof) = keys_of(Eve);
		assert_ok!(Session::set_keys(signed(Eve), keys, proof));
		council_motion(seat(Eve));
		run_to_session(2);
		assert!(Session::validators().contains(&id(Eve)));
		// Eve leaves the cooperative while a validator: she is dropped at the next boundary and
		// validates no longer from the session after.
		assert_ok!(Guarantor::leave(signed(Eve)));
		run_to_session(3);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::ValidatorSet(pallet_validator_set::Event::ValidatorDropped {
				who: id(Eve)
			})));
		run_to_session(4);
		assert!(!Session::validators().contains(&id(Eve)));
		assert_eq!(aura_keys().len(), 4);
		check_invariants();
	});
}

#[test]
fn the_council_cannot_unseat_the_last_validator() {
	dev_chain().execute_with(|| {
		assert_eq!(Session::validators(), vec![id(Alice)]);
		assert_noop!(
			ValidatorSet::remove_validator(poruka_runtime::RuntimeOrigin::root(), id(Alice)),
			pallet_validator_set::Error::<Runtime>::LastValidator
		);
	});
}
