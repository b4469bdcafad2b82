//! # Poruka RPC support
//!
//! What the `guarantor_*` and `agreements_*` JSON-RPC methods share, kept in one place:
//!
//! - [`ErrorCode`]: the error codes clients may match on, and [`error`] to make one;
//! - [`resolve_block`]: the block to read at (the best block, or a hash the node knows);
//! - [`parse_account`]: an SS58 address from a parameter;
//! - [`runtime_error`]: a runtime API call that failed;
//! - [`Reader`]: the handler each RPC crate implements its server trait on.
//!
//! The JSON itself is derived on the runtime views (with `std`), balances rendered by
//! `poruka_primitives::as_string`.

use std::{marker::PhantomData, sync::Arc};

use jsonrpsee::{core::RpcResult, types::ErrorObjectOwned};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

/// The error codes of the `guarantor_*` and `agreements_*` methods. They are part of the API:
/// clients may match on them (docs/rpc.md lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum ErrorCode {
	/// There is no claim with that id.
	UnknownClaim = 8001,
	/// The account is not a valid SS58 address.
	InvalidAccount = 8002,
	/// The depth asked for is over the bound.
	DepthTooLarge = 8003,
	/// The node does not know the block hash.
	UnknownBlock = 8004,
	/// The account is not a member (for the tree).
	NotMember = 8005,
	/// There is no agreement with that id (`agreements_status`).
	UnknownAgreement = 8006,
	/// The claim or agreement existed, became final, and was pruned from state after its
	/// retention period: its events stay in block history (an archive node has them).
	Pruned = 8007,
	/// The runtime could not answer (e.g. its API is missing at that block).
	RuntimeError = 8010,
}

/// A JSON-RPC error with `code` and `message`.
pub fn error(code: ErrorCode, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code as i32, message.into(), None::<()>)
}

/// The JSON-RPC error for a runtime API call that failed.
pub fn runtime_error(e: sp_api::ApiError) -> ErrorObjectOwned {
	error(ErrorCode::RuntimeError, format!("the runtime could not answer: {e}"))
}

/// The block to read at: `at` if the node knows it, else the best block.
pub fn resolve_block<Block: BlockT, C: HeaderBackend<Block>>(
	client: &C,
	at: Option<Block::Hash>,
) -> RpcResult<Block::Hash> {
	let Some(hash) = at else { return Ok(client.info().best_hash) };
	match client.header(hash) {
		Ok(Some(_)) => Ok(hash),
		Ok(None) => Err(error(ErrorCode::UnknownBlock, format!("unknown block {hash:?}"))),
		Err(e) => Err(error(ErrorCode::RuntimeError, format!("reading block {hash:?}: {e}"))),
	}
}

/// Parses an SS58 address (surrounding white space ignored).
pub fn parse_account<AccountId: Ss58Codec>(account: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(account.trim()).map_err(|e| {
		error(ErrorCode::InvalidAccount, format!("{account:?} is not an SS58 address: {e}"))
	})
}

/// An RPC handler that reads through `client`. `Types` names the block and runtime types
/// its methods are generic over (a tuple), so one struct serves every namespace.
pub struct Reader<C, Types> {
	/// The client it reads through.
	pub client: Arc<C>,
	_types: PhantomData<fn() -> Types>,
}

impl<C, Types> Reader<C, Types> {
	/// A handler reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _types: PhantomData }
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::AccountId32;
	use sp_keyring::Sr25519Keyring;

	#[test]
	fn an_address_parses_and_a_bad_one_is_invalid_account() {
		let alice: AccountId32 = Sr25519Keyring::Alice.to_account_id();
		let parsed: AccountId32 =
			parse_account(&format!(" {} ", alice.to_ss58check())).expect("a valid address");
		assert_eq!(parsed, alice);
		let e = parse_account::<AccountId32>("5NotAnAddress").expect_err("not an address");
		assert_eq!(e.code(), ErrorCode::InvalidAccount as i32);
		assert!(e.message().contains("5NotAnAddress"), "{}", e.message());
	}

	#[test]
	fn error_codes_are_stable() {
		let codes = [
			(ErrorCode::UnknownClaim, 8001),
			(ErrorCode::InvalidAccount, 8002),
			(ErrorCode::DepthTooLarge, 8003),
			(ErrorCode::UnknownBlock, 8004),
			(ErrorCode::NotMember, 8005),
			(ErrorCode::UnknownAgreement, 8006),
			(ErrorCode::Pruned, 8007),
			(ErrorCode::RuntimeError, 8010),
		];
		for (code, number) in codes {
			assert_eq!(error(code, "m").code(), number, "{code:?}");
		}
	}
}
