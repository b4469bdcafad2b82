//! # Guarantor JSON-RPC
//!
//! The `guarantor_*` methods: a claim's status, a member, the claims of an account, the
//! cooperative's summary, the guarantor tree above a member and the wards below it, read
//! through the runtime's `GuarantorApi` at the best block or at a given block hash, and
//! rendered as JSON a person can read (see [`json`]). What came with `GuarantorApi` version 4
//! (runtime 111: `before`, the summary, the wards) is refused in words at an older block.
//!
//! Bad input gets a JSON-RPC error with a stable code ([`ErrorCode`], shared with the
//! `agreements_*` methods in `poruka-rpc-support`) and a message saying what was wrong; it
//! never affects the node.

pub mod json;

use std::fmt::Display;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

pub use pallet_guarantor_runtime_api::GuarantorApi as GuarantorRuntimeApi;
use pallet_guarantor_runtime_api::{CooperativeSummary, QueryError, MAX_TREE_DEPTH};
pub use poruka_rpc_support::ErrorCode;
use poruka_rpc_support::{error, parse_account, resolve_block, runtime_error, Reader};

use json::{ClaimStatusJson, ClaimsOfJson, MemberJson, TreeJson, WardsJson};

/// The `guarantor` namespace.
#[rpc(server, namespace = "guarantor")]
pub trait GuarantorRpc<BlockHash, AccountId, Balance: Display, BlockNumber> {
	/// The status of claim `claim_id`: parties, amount, evidence, agreement, contest and
	/// counter-claim, acknowledgement, phase, level, panels with votes, deadline, verdict,
	/// bonds, payments and, while open, the guarantees liable for it.
	#[method(name = "claimStatus")]
	fn claim_status(
		&self,
		claim_id: u32,
		at: Option<BlockHash>,
	) -> RpcResult<ClaimStatusJson<AccountId, Balance, BlockNumber>>;

	/// Member `account` (an SS58 address): status, guarantors and wards (whether each counts,
	/// how many claims hold it), deposit, coverage, committed coverage, debts, credits,
	/// strikes. `status` is `none` for a non-member.
	#[method(name = "member")]
	fn member(
		&self,
		account: String,
		at: Option<BlockHash>,
	) -> RpcResult<MemberJson<AccountId, Balance, BlockNumber>>;

	/// The claims `account` is or was claimant, respondent, panelist or arbiter of, newest
	/// first: at most 256, older than claim `before` if given (`truncated` says there are
	/// older ones). `before` comes after `at` so that calls written before it still mean what
	/// they meant.
	#[method(name = "claimsOf")]
	fn claims_of(
		&self,
		account: String,
		at: Option<BlockHash>,
		before: Option<u32>,
	) -> RpcResult<ClaimsOfJson<AccountId>>;

	/// The cooperative at a glance: members by status, open claims, claims ever filed (from
	/// counters the runtime keeps: as fast with 500,000 members as with 5).
	#[method(name = "summary")]
	fn summary(&self, at: Option<BlockHash>) -> RpcResult<CooperativeSummary>;

	/// The guarantor tree above member `account`, `depth` levels up (at most 8).
	#[method(name = "tree")]
	fn tree(
		&self,
		account: String,
		depth: u32,
		at: Option<BlockHash>,
	) -> RpcResult<TreeJson<AccountId, Balance, BlockNumber>>;

	/// The wards below member `account`, and theirs, `depth` levels down (at most 8; at most
	/// 128 members).
	#[method(name = "wards")]
	fn wards(
		&self,
		account: String,
		depth: u32,
		at: Option<BlockHash>,
	) -> RpcResult<WardsJson<AccountId, Balance, BlockNumber>>;
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

/// Refuses a tree walk deeper than [`MAX_TREE_DEPTH`] before asking the runtime.
fn check_depth(depth: u32) -> RpcResult<()> {
	if depth > MAX_TREE_DEPTH {
		return Err(query_error(QueryError::DepthTooLarge { max: MAX_TREE_DEPTH }));
	}
	Ok(())
}

/// The runtime's answer to a tree walk from `account` (up or down), its errors in words.
fn walked<R>(
	account: &str,
	answer: Result<Result<R, QueryError>, sp_api::ApiError>,
) -> RpcResult<R> {
	answer.map_err(runtime_error)?.map_err(|e| match e {
		QueryError::NotMember => error(ErrorCode::NotMember, format!("{account} is not a member")),
		other => query_error(other),
	})
}

/// The error for a query the runtime at the block asked for cannot answer: `what` came with
/// runtime API version 4 (runtime 111).
fn needs_version_4(what: &str) -> ErrorObjectOwned {
	error(
		ErrorCode::RuntimeError,
		format!("the runtime at that block cannot answer: {what} needs GuarantorApi version 4 (runtime 111)"),
	)
}

/// The `guarantor` RPC handler.
pub type Guarantor<C, Block, AccountId, Balance, BlockNumber> =
	Reader<C, (Block, AccountId, Balance, BlockNumber)>;

/// What the guarantor methods ask of the runtime beyond its API.
trait ApiVersion<Hash> {
	/// The version of `GuarantorApi` the runtime at block `at` implements (0: none).
	fn api_version(&self, at: Hash) -> RpcResult<u32>;
}

impl<C, Block, AccountId, Balance, BlockNumber> ApiVersion<Block::Hash>
	for Guarantor<C, Block, AccountId, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block>,
	C::Api: GuarantorRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec,
	Balance: Codec,
	BlockNumber: Codec,
{
	fn api_version(&self, at: Block::Hash) -> RpcResult<u32> {
		Ok(self
			.client
			.runtime_api()
			.api_version::<dyn GuarantorRuntimeApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?
			.unwrap_or_default())
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	GuarantorRpcServer<Block::Hash, AccountId, Balance, BlockNumber>
	for Guarantor<C, Block, AccountId, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: GuarantorRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Ss58Codec + Serialize + Clone + Send + Sync + 'static,
	Balance: Codec + Serialize + Display + Clone + Send + Sync + 'static,
	BlockNumber: Codec + Serialize + Clone + Send + Sync + 'static,
{
	fn claim_status(
		&self,
		claim_id: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<ClaimStatusJson<AccountId, Balance, BlockNumber>> {
		let at = resolve_block(&*self.client, at)?;
		let status = self.client.runtime_api().claim_status(at, claim_id).map_err(runtime_error)?;
		let status = status.map_err(|e| match e {
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
		})?;
		let mut json = ClaimStatusJson::from(status);
		if self.api_version(at)? >= 5 {
			let steps =
				self.client.runtime_api().claim_steps(at, claim_id).map_err(runtime_error)?;
			json.steps = Some(steps.into_iter().map(Into::into).collect());
		}
		if self.api_version(at)? >= 6 {
			let subject =
				self.client.runtime_api().claim_subject(at, claim_id).map_err(runtime_error)?;
			json.contract = subject.and_then(|s| s.contract());
		}
		Ok(json)
	}

	fn member(
		&self,
		account: String,
		at: Option<Block::Hash>,
	) -> RpcResult<MemberJson<AccountId, Balance, BlockNumber>> {
		let who: AccountId = parse_account(&account)?;
		let at = resolve_block(&*self.client, at)?;
		let info = self.client.runtime_api().member(at, who.clone()).map_err(runtime_error)?;
		Ok(MemberJson::new(who, info))
	}

	fn claims_of(
		&self,
		account: String,
		at: Option<Block::Hash>,
		before: Option<u32>,
	) -> RpcResult<ClaimsOfJson<AccountId>> {
		let who: AccountId = parse_account(&account)?;
		let at = resolve_block(&*self.client, at)?;
		let api = self.client.runtime_api();
		let view = if self.api_version(at)? >= 4 {
			api.claims_of(at, who.clone(), before)
		} else if before.is_none() {
			// A block from before runtime API version 4: its one page (an arbitrary 256 of an
			// account with more).
			#[allow(deprecated)]
			api.claims_of_before_version_4(at, who.clone())
		} else {
			return Err(needs_version_4("`before`"));
		}
		.map_err(runtime_error)?;
		Ok(ClaimsOfJson { account: who, view })
	}

	fn summary(&self, at: Option<Block::Hash>) -> RpcResult<CooperativeSummary> {
		let at = resolve_block(&*self.client, at)?;
		if self.api_version(at)? < 4 {
			return Err(needs_version_4("the summary"));
		}
		self.client.runtime_api().summary(at).map_err(runtime_error)
	}

	fn tree(
		&self,
		account: String,
		depth: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<TreeJson<AccountId, Balance, BlockNumber>> {
		let who: AccountId = parse_account(&account)?;
		check_depth(depth)?;
		let at = resolve_block(&*self.client, at)?;
		let tree = self.client.runtime_api().guarantor_tree(at, who.clone(), depth);
		Ok(TreeJson { root: who, depth, tree: walked(&account, tree)? })
	}

	fn wards(
		&self,
		account: String,
		depth: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<WardsJson<AccountId, Balance, BlockNumber>> {
		let who: AccountId = parse_account(&account)?;
		check_depth(depth)?;
		let at = resolve_block(&*self.client, at)?;
		if self.api_version(at)? < 4 {
			return Err(needs_version_4("the wards walk"));
		}
		let tree = self.client.runtime_api().ward_tree(at, who.clone(), depth);
		Ok(WardsJson { root: who, depth, tree: walked(&account, tree)? })
	}
}
