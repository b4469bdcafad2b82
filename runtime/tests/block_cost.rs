//! What a block charges: a signed transfer is charged the measured no-op extrinsic, the
//! transfer's own benchmark and the sender's account once, and at least 5,000 of them fit a
//! block's normal class (issue 14; they were charged 0.76 ms each, 1,973 a block, before).

mod common;

use common::*;
use frame_support::{dispatch::DispatchClass, weights::Weight};
use pallet_balances::WeightInfo as _;
use poruka_runtime::{
	signing, weights, BalancesCall, Runtime, RuntimeCall, TransactionPayment, UNIT,
};
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::traits::TransactionExtension;

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
		dest: Bob.to_account_id().into(),
		value: UNIT,
	})
}

/// What the chain charges a signed transfer: the class's base, the call and the extensions.
fn charged() -> Weight {
	let call = transfer();
	let info = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(&call);
	let extension = signing::extension(0).weight(&call);
	let base = <Runtime as frame_system::Config>::BlockWeights::get()
		.get(DispatchClass::Normal)
		.base_extrinsic;
	base + info.call_weight + extension
}

#[test]
fn a_transfer_is_charged_the_measured_base_its_benchmark_and_the_senders_account() {
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	let expected = weights::ExtrinsicBaseWeight::get()
		+ weights::pallet_balances::WeightInfo::<Runtime>::transfer_keep_alive()
		+ db.reads_writes(1, 1);
	assert_eq!(charged(), expected);
	// The node's database is ParityDB, measured here: no longer RocksDB's 25 µs and 100 µs.
	assert!(db.write < 50 * 1_000_000, "a write is charged {} ps", db.write);
}

#[test]
fn at_least_five_thousand_transfers_fit_a_block() {
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	let normal = limits.get(DispatchClass::Normal).max_total.expect("normal has a limit");
	let room = normal.ref_time() - limits.base_block.ref_time();
	let fit = room / charged().ref_time();
	assert!(fit >= 5_000, "only {fit} transfers fit a block");
	// What `payment_queryInfo` tells a client is the same weight, less the class's base
	// (which the fee adds as its base fee).
	dev_chain().execute_with(|| {
		let xt = signing::sign(&Alice.pair(), transfer(), 0, Default::default());
		let len = codec::Encode::encode(&xt).len() as u32;
		let info = TransactionPayment::query_info(xt, len);
		assert_eq!(info.weight + weights::ExtrinsicBaseWeight::get(), charged());
	});
}
