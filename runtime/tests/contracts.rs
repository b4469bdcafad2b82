//! General smart contracts (`pallet-revive`) in the runtime: EVM bytecode deploys and runs,
//! the deployer pays for the contract's state, and only a mapped account uses contracts.

mod common;

use common::{dev_chain, id, signed};
use frame_support::{assert_ok, weights::Weight};
use pallet_revive::{AddressMapper, ExecConfig, StorageDeposit, TransactionLimits, H160, U256};
use poruka_runtime::{Balances, Revive, Runtime, RuntimeEvent, RuntimeOrigin, System, UNIT};
use sp_core::{crypto::Pair as _, sr25519};
use sp_keyring::Sr25519Keyring::{Alice, Bob, One};

/// A contract hand-assembled in EVM bytecode whose code answers every call with the 32-byte
/// word 42. Init code: `CODECOPY` the 10 bytes of code after it into memory and `RETURN` them;
/// code: `MSTORE` 42 at 0 and `RETURN` 32 bytes.
const ANSWER_42: [u8; 22] = [
	0x60, 0x0a, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, 0x0a, 0x60, 0x00, 0xf3, // init
	0x60, 0x2a, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3, // code
];

fn weight_limit() -> Weight {
	Weight::from_parts(100_000_000_000, 10 * 1024 * 1024)
}

/// Deploys `code` from `origin` through the `instantiate_with_code` call; the new contract's
/// address from its `Instantiated` event.
fn deploy(origin: RuntimeOrigin, code: Vec<u8>) -> H160 {
	assert_ok!(Revive::instantiate_with_code(
		origin,
		0,
		weight_limit(),
		100 * UNIT,
		code,
		vec![],
		None
	));
	System::events()
		.into_iter()
		.find_map(|record| match record.event {
			RuntimeEvent::Revive(pallet_revive::Event::Instantiated { contract, .. }) => {
				Some(contract)
			}
			_ => None,
		})
		.expect("the contract was instantiated")
}

#[test]
fn an_evm_contract_deploys_and_answers_and_its_deployer_pays_for_its_state() {
	dev_chain().execute_with(|| {
		let alice_before = Balances::free_balance(id(Alice));
		let contract = deploy(signed(Alice), ANSWER_42.to_vec());
		let paid = alice_before - Balances::free_balance(id(Alice));
		assert!(paid > 0, "Alice paid the contract's storage deposit");

		let result = Revive::bare_call(
			signed(Bob),
			contract,
			U256::zero(),
			TransactionLimits::WeightAndDeposit {
				weight_limit: weight_limit(),
				deposit_limit: UNIT,
			},
			vec![],
			&ExecConfig::new_substrate_tx(),
		);
		let output = result.result.expect("the call succeeds");
		assert!(!output.did_revert());
		let mut word = [0u8; 32];
		word[31] = 42;
		assert_eq!(output.data, word.to_vec(), "the contract answers 42");
		assert_eq!(result.storage_deposit, StorageDeposit::Charge(0), "a read keeps no state");
		assert_eq!(
			<Runtime as pallet_revive::Config>::AddressMapper::to_account_id(&contract),
			<Runtime as pallet_revive::Config>::AddressMapper::to_fallback_account_id(&contract),
			"a contract's account is its address's fallback account"
		);
	});
}

#[test]
fn an_account_not_mapped_must_map_itself_before_it_uses_contracts() {
	dev_chain().execute_with(|| {
		// The funded dev accounts are mapped at genesis; a fresh key, funded by Alice, is not.
		assert!(<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&id(One)));
		let fresh = sr25519::Pair::from_string("//Poruka//newcomer", None).expect("a derivation");
		let fresh: poruka_runtime::AccountId = fresh.public().into();
		assert!(!<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&fresh));
		assert_ok!(Balances::transfer_allow_death(
			signed(Alice),
			fresh.clone().into(),
			1_000 * UNIT
		));

		let origin = RuntimeOrigin::signed(fresh.clone());
		let refused = Revive::instantiate_with_code(
			origin.clone(),
			0,
			weight_limit(),
			100 * UNIT,
			ANSWER_42.to_vec(),
			vec![],
			None,
		);
		assert_eq!(
			refused.map_err(|e| e.error),
			Err(pallet_revive::Error::<Runtime>::AccountUnmapped.into())
		);

		assert_ok!(Revive::map_account(origin.clone()));
		assert!(<Runtime as pallet_revive::Config>::AddressMapper::is_mapped(&fresh));
		deploy(origin, ANSWER_42.to_vec());
	});
}
