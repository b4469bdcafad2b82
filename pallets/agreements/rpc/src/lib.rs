//! # Agreements JSON-RPC
//!
//! `agreements_status(id, at?)`: an agreement read through the runtime's `AgreementsApi` and
//! rendered as JSON a person can read (SS58 accounts, decimal balances, phases and states as
//! words). Errors use the codes of [`pallet_guarantor_rpc::ErrorCode`].

use std::{fmt::Display, marker::PhantomData, sync::Arc};

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_agreements_runtime_api::{
	AgreementPhase, AgreementQueryError, AgreementStatus, ObligationKind, ObligationState,
	ObligationView,
};
use pallet_guarantor_rpc::{error, resolve_block, runtime_error, ErrorCode};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

pub use pallet_agreements_runtime_api::AgreementsApi as AgreementsRuntimeApi;

/// The `agreements` namespace.
#[rpc(server, namespace = "agreements")]
pub trait AgreementsRpc<BlockHash> {
	/// Agreement `id`: its parties, phase, and each obligation with where it stands.
	#[method(name = "status")]
	fn status(&self, id: u32, at: Option<BlockHash>) -> RpcResult<AgreementJson>;
}

/// A party of an agreement.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PartyJson {
	/// The party.
	pub account: String,
	/// Whether it accepted.
	pub accepted: bool,
	/// Whether it asked to cancel.
	pub cancelling: bool,
}

/// An obligation of an agreement.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ObligationJson {
	/// Its position (what `after`, `confirm` and `report_default` refer to).
	pub index: u32,
	/// Who owes it.
	pub from: String,
	/// Who receives it.
	pub to: String,
	/// `payment` or `delivery`.
	pub kind: &'static str,
	/// The amount paid, or the value delivered.
	pub amount: String,
	/// For a delivery, the hash of its terms.
	pub terms_hash: Option<String>,
	/// The block it is due by.
	pub due: u64,
	/// The obligations it waits for.
	pub after: Vec<u32>,
	/// `pending`, `fulfilled`, `unwound`, `unpaid`, `disputed` or `defaulted`.
	pub state: &'static str,
	/// For a disputed or defaulted obligation, the claim that decides it.
	pub claim: Option<u32>,
	/// For a defaulted obligation, what its receiver was compensated.
	pub compensated: Option<String>,
}

/// An agreement.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AgreementJson {
	/// Its id.
	pub id: u32,
	/// Who proposed it.
	pub proposer: String,
	/// The block it was proposed in.
	pub proposed_at: u64,
	/// What its proposer holds for its storage until it closes (`0` once closed).
	pub deposit: String,
	/// `proposed`, `active`, `completed`, `defaulted`, `cancelled` or `expired`.
	pub phase: &'static str,
	/// While proposed, the last block in which the parties may accept.
	pub accept_by: Option<u64>,
	/// When closed as defaulted, what its defaults' claims compensated in all.
	pub compensated: Option<String>,
	/// The parties.
	pub parties: Vec<PartyJson>,
	/// The obligations.
	pub obligations: Vec<ObligationJson>,
}

impl<A, B, N> From<&ObligationView<A, B, N>> for ObligationJson
where
	A: Ss58Codec,
	B: Display + Copy,
	N: Copy + Into<u64>,
{
	fn from(o: &ObligationView<A, B, N>) -> Self {
		let (kind, amount, terms_hash) = match o.kind {
			ObligationKind::Payment { amount } => ("payment", amount.to_string(), None),
			ObligationKind::Delivery { value, terms_hash } => {
				("delivery", value.to_string(), Some(sp_core::bytes::to_hex(&terms_hash, false)))
			}
		};
		let (state, claim, compensated) = match o.state {
			ObligationState::Pending => ("pending", None, None),
			ObligationState::Fulfilled => ("fulfilled", None, None),
			ObligationState::Unwound => ("unwound", None, None),
			ObligationState::Unpaid => ("unpaid", None, None),
			ObligationState::Disputed { claim } => ("disputed", Some(claim), None),
			ObligationState::Defaulted { claim, compensated } => {
				("defaulted", Some(claim), Some(compensated.to_string()))
			}
		};
		Self {
			index: o.index,
			from: o.from.to_ss58check(),
			to: o.to.to_ss58check(),
			kind,
			amount,
			terms_hash,
			due: o.due.into(),
			after: o.after.clone(),
			state,
			claim,
			compensated,
		}
	}
}

impl<A, B, N> From<&AgreementStatus<A, B, N>> for AgreementJson
where
	A: Ss58Codec,
	B: Display + Copy,
	N: Copy + Into<u64>,
{
	fn from(a: &AgreementStatus<A, B, N>) -> Self {
		let (phase, accept_by, compensated) = match a.phase {
			AgreementPhase::Proposed { accept_by } => ("proposed", Some(accept_by.into()), None),
			AgreementPhase::Active => ("active", None, None),
			AgreementPhase::Completed => ("completed", None, None),
			AgreementPhase::Defaulted { compensated } => {
				("defaulted", None, Some(compensated.to_string()))
			}
			AgreementPhase::Cancelled => ("cancelled", None, None),
			AgreementPhase::Expired => ("expired", None, None),
		};
		Self {
			id: a.id,
			proposer: a.proposer.to_ss58check(),
			proposed_at: a.proposed_at.into(),
			deposit: a.deposit.to_string(),
			phase,
			accept_by,
			compensated,
			parties: a
				.parties
				.iter()
				.map(|p| PartyJson {
					account: p.who.to_ss58check(),
					accepted: p.accepted,
					cancelling: p.cancelling,
				})
				.collect(),
			obligations: a.obligations.iter().map(Into::into).collect(),
		}
	}
}

/// The `agreements` RPC handler.
pub struct Agreements<C, Block, AccountId, Balance, BlockNumber> {
	client: Arc<C>,
	_marker: PhantomData<(Block, AccountId, Balance, BlockNumber)>,
}

impl<C, Block, AccountId, Balance, BlockNumber>
	Agreements<C, Block, AccountId, Balance, BlockNumber>
{
	/// A handler reading through `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

impl<C, Block, AccountId, Balance, BlockNumber> AgreementsRpcServer<Block::Hash>
	for Agreements<C, Block, AccountId, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AgreementsRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Ss58Codec + Send + Sync + 'static,
	Balance: Codec + Display + Copy + Send + Sync + 'static,
	BlockNumber: Codec + Copy + Into<u64> + Send + Sync + 'static,
{
	fn status(&self, id: u32, at: Option<Block::Hash>) -> RpcResult<AgreementJson> {
		let at = resolve_block(&*self.client, at)?;
		let status = self.client.runtime_api().agreement_status(at, id).map_err(runtime_error)?;
		match status {
			Ok(status) => Ok((&status).into()),
			Err(AgreementQueryError::Unknown) => {
				Err(error(ErrorCode::UnknownAgreement, format!("there is no agreement {id}")))
			}
			Err(AgreementQueryError::Pruned) => Err(error(
				ErrorCode::Pruned,
				format!(
					"agreement {id} closed and was pruned from state after its retention period; \
					 its events stay in block history (query an archive node)"
				),
			)),
		}
	}
}
