//! # Guarantor JSON-RPC
//!
//! The `guarantor_*` methods: a claim's status, a member, the claims of an account and the
//! guarantor tree, read through the runtime's `GuarantorApi` at the best block or at a given
//! block hash, and rendered as JSON a person can read (see [`json`]).
//!
//! Bad input gets a JSON-RPC error with a stable code ([`ErrorCode`]) and a message saying
//! what was wrong; it never affects the node.

pub mod json;

use std::{fmt::Display, marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

pub use pallet_guarantor_runtime_api::GuarantorApi as GuarantorRuntimeApi;
use pallet_guarantor_runtime_api::{QueryError, MAX_TREE_DEPTH};

use json::{ClaimStatusJson, ClaimsOfJson, MemberJson, TreeJson};

/// The `guarantor` namespace.
#[rpc(server, namespace = "guarantor")]
pub trait GuarantorRpc<BlockHash> {
	/// The status of claim `claim_id`: parties, amount, evidence, agreement, contest and
	/// counter-claim, acknowledgement, phase, level, panels with votes, deadline, verdict,
	/// bonds, payments and, while open, the guarantees liable for it.
	#[method(name = "claimStatus")]
	fn claim_status(&self, claim_id: u32, at: Option<BlockHash>) -> RpcResult<ClaimStatusJson>;

	/// Member `account` (an SS58 address): status, guarantors and wards (whether each counts,
	/// how many claims hold it), deposit, coverage, committed coverage, debts, credits,
	/// strikes. `status` is `none` for a non-member.
	#[method(name = "member")]
	fn member(&self, account: String, at: Option<BlockHash>) -> RpcResult<MemberJson>;

	/// The claims `account` is or was claimant, respondent or panelist of, newest first.
	#[method(name = "claimsOf")]
	fn claims_of(&self, account: String, at: Option<BlockHash>) -> RpcResult<ClaimsOfJson>;

	/// The guarantor tree above member `account`, `depth` levels up (at most 8).
	#[method(name = "tree")]
	fn tree(&self, account: String, depth: u32, at: Option<BlockHash>) -> RpcResult<TreeJson>;
}

/// The error codes of the `guarantor_*` and `agreements_*` methods. They are part of the API: clients may match
/// on them.
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

/// The JSON-RPC error for a query the runtime refused.
pub fn query_error(e: QueryError) -> ErrorObjectOwned {
	match e {
		QueryError::UnknownClaim => error(ErrorCode::UnknownClaim, "no such claim"),
		QueryError::Pruned => error(
			ErrorCode::Pruned,
			"the claim is final and was pruned from state after its retention period; \
			 its events stay in block history (query an archive node)",
		),
		QueryError::NotMember => error(ErrorCode::NotMember, "the account is not a member"),
		QueryError::DepthTooLarge { max } => {
			error(ErrorCode::DepthTooLarge, format!("depth must be at most {max}"))
		}
	}
}

/// The `guarantor` RPC handler.
pub struct Guarantor<C, Block, AccountId, Balance, BlockNumber> {
	client: Arc<C>,
	_marker: PhantomData<(Block, AccountId, Balance, BlockNumber)>,
}

impl<C, Block, AccountId, Balance, BlockNumber>
	Guarantor<C, Block, AccountId, Balance, BlockNumber>
{
	/// A handler reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
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

/// Parses an SS58 address.
pub fn parse_account<AccountId: Ss58Codec>(account: &str) -> RpcResult<AccountId> {
	AccountId::from_ss58check(account.trim()).map_err(|e| {
		error(ErrorCode::InvalidAccount, format!("{account:?} is not an SS58 address: {e}"))
	})
}

/// The JSON-RPC error for a runtime API call that failed.
pub fn runtime_error(e: sp_api::ApiError) -> ErrorObjectOwned {
	error(ErrorCode::RuntimeError, format!("the runtime could not answer: {e}"))
}

impl<C, Block, AccountId, Balance, BlockNumber> GuarantorRpcServer<Block::Hash>
	for Guarantor<C, Block, AccountId, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GuarantorRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Ss58Codec + Clone + Send + Sync + 'static,
	Balance: Codec + Display + Default + Copy + sp_runtime::Saturating + Send + Sync + 'static,
	BlockNumber: Codec + Copy + Into<u64> + Send + Sync + 'static,
{
	fn claim_status(&self, claim_id: u32, at: Option<Block::Hash>) -> RpcResult<ClaimStatusJson> {
		let at = resolve_block(&*self.client, at)?;
		let status = self.client.runtime_api().claim_status(at, claim_id).map_err(runtime_error)?;
		Ok(ClaimStatusJson::from(&status.map_err(|e| match e {
			QueryError::UnknownClaim => {
				error(ErrorCode::UnknownClaim, format!("there is no claim {claim_id}"))
			}
			QueryError::Pruned => error(
				ErrorCode::Pruned,
				format!(
					"claim {claim_id} is final and was pruned from state after its retention \
					 period; its events stay in block history (query an archive node)"
				),
			),
			other => query_error(other),
		})?))
	}

	fn member(&self, account: String, at: Option<Block::Hash>) -> RpcResult<MemberJson> {
		let who: AccountId = parse_account(&account)?;
		let at = resolve_block(&*self.client, at)?;
		let info = self.client.runtime_api().member(at, who.clone()).map_err(runtime_error)?;
		Ok(MemberJson::new(&who, info.as_ref()))
	}

	fn claims_of(&self, account: String, at: Option<Block::Hash>) -> RpcResult<ClaimsOfJson> {
		let who: AccountId = parse_account(&account)?;
		let at = resolve_block(&*self.client, at)?;
		let view = self.client.runtime_api().claims_of(at, who.clone()).map_err(runtime_error)?;
		Ok(ClaimsOfJson::new(&who, &view))
	}

	fn tree(&self, account: String, depth: u32, at: Option<Block::Hash>) -> RpcResult<TreeJson> {
		let who: AccountId = parse_account(&account)?;
		if depth > MAX_TREE_DEPTH {
			return Err(query_error(QueryError::DepthTooLarge { max: MAX_TREE_DEPTH }));
		}
		let at = resolve_block(&*self.client, at)?;
		let tree = self
			.client
			.runtime_api()
			.guarantor_tree(at, who.clone(), depth)
			.map_err(runtime_error)?
			.map_err(|e| match e {
				QueryError::NotMember => {
					error(ErrorCode::NotMember, format!("{account} is not a member"))
				}
				other => query_error(other),
			})?;
		Ok(TreeJson::new(&who, depth, &tree))
	}
}
