//! Signing a transaction for this runtime off chain (with `std`): what the end-to-end tests,
//! the fuzzer and other Rust tools use instead of each building the extension tuple itself.
//!
//! The transaction is immortal, pays no tip and skips the metadata hash check: what a test or
//! a load tool that knows the chain's genesis and the signer's nonce needs.

use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};

use crate::{
	AccountId, Hash, Nonce, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic,
	VERSION,
};

/// The transaction extensions of a transaction with `nonce`: immortal, no tip, no metadata
/// hash.
pub fn extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `call` signed by `pair` with `nonce`, for the chain whose genesis block is `genesis` and
/// whose runtime is this one (its spec and transaction versions are signed too).
pub fn sign(
	pair: &sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
	genesis: Hash,
) -> UncheckedExtrinsic {
	let who: AccountId = pair.public().into();
	let extension = extension(nonce);
	let implicit = (
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		genesis,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| pair.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(who),
		MultiSignature::Sr25519(signature),
		extension,
	)
}
