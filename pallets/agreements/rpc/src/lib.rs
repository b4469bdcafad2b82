//! # Agreements JSON-RPC
//!
//! - `agreements_status(id, at?)`: an agreement read through the runtime's `AgreementsApi`;
//! - `agreements_of(account, before?, at?)`: the agreements an account is a party to.
//!
//! Their JSON is the runtime's views themselves (`pallet_agreements::queries`, derived with
//! `std`): SS58 accounts, decimal balances, phases, kinds and states as words, camelCase names.
//! Errors use the codes of [`poruka_rpc_support::ErrorCode`].

use std::fmt::Display;

use codec::Codec;
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_agreements_runtime_api::{AgreementQueryError, AgreementStatus, AgreementsOfView};
use poruka_rpc_support::{error, parse_account, resolve_block, runtime_error, ErrorCode, Reader};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

pub use pallet_agreements_runtime_api::AgreementsApi as AgreementsRuntimeApi;

/// The `agreements` namespace.
#[rpc(server, namespace = "agreements")]
pub trait AgreementsRpc<BlockHash, AccountId, Balance: Display, BlockNumber> {
	/// Agreement `id`: `id`, `proposer`, `proposedAt`, `deposit`, `phase` (with `acceptBy`
	/// while proposed, `compensated` once defaulted), `parties` and `obligations`, each with
	/// its `kind` and `state`.
	#[method(name = "status")]
	fn status(
		&self,
		id: u32,
		at: Option<BlockHash>,
	) -> RpcResult<AgreementStatus<AccountId, Balance, BlockNumber>>;

	/// The agreements `account` (SS58) is a party to and that are not pruned yet, newest
	/// first, at most 256, older than `before` if given: `account`, `agreements` (each `id` and
	/// whether it is `open`) and `more` (whether there are older ones: ask again with `before`
	/// the last id listed).
	#[method(name = "of")]
	fn of(
		&self,
		account: String,
		before: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<AgreementsOfJson<AccountId>>;
}

/// What `agreements_of` answers: the account and its agreements.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct AgreementsOfJson<A> {
	/// The account.
	pub account: A,
	/// `agreements` and `truncated`.
	#[serde(flatten)]
	pub view: AgreementsOfView,
}

/// The `agreements` RPC handler.
pub type Agreements<C, Block, AccountId, Balance, BlockNumber> =
	Reader<C, (Block, AccountId, Balance, BlockNumber)>;

impl<C, Block, AccountId, Balance, BlockNumber>
	AgreementsRpcServer<Block::Hash, AccountId, Balance, BlockNumber>
	for Agreements<C, Block, AccountId, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: AgreementsRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Serialize + Ss58Codec + Clone + Send + Sync + 'static,
	Balance: Codec + Serialize + Display + Clone + Send + Sync + 'static,
	BlockNumber: Codec + Serialize + Clone + Send + Sync + 'static,
{
	fn status(
		&self,
		id: u32,
		at: Option<Block::Hash>,
	) -> RpcResult<AgreementStatus<AccountId, Balance, BlockNumber>> {
		let at = resolve_block(&*self.client, at)?;
		let status = self.client.runtime_api().agreement_status(at, id).map_err(runtime_error)?;
		status.map_err(|e| match e {
			AgreementQueryError::Unknown => {
				error(ErrorCode::UnknownAgreement, format!("there is no agreement {id}"))
			}
			AgreementQueryError::Pruned => error(
				ErrorCode::Pruned,
				format!(
					"agreement {id} closed and was pruned from state after its retention period; \
					 its events stay in block history (query an archive node)"
				),
			),
		})
	}

	fn of(
		&self,
		account: String,
		before: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<AgreementsOfJson<AccountId>> {
		let who: AccountId = parse_account(&account)?;
		let at = resolve_block(&*self.client, at)?;
		let view = self
			.client
			.runtime_api()
			.agreements_of(at, who.clone(), before)
			.map_err(runtime_error)?;
		Ok(AgreementsOfJson { account: who, view })
	}
}

#[cfg(test)]
mod tests {
	use pallet_agreements_runtime_api::{
		AgreementPhase, ObligationKind, ObligationState, ObligationView, PartyView,
	};
	use serde_json::json;
	use sp_core::crypto::{AccountId32, Ss58Codec};

	use super::*;

	#[test]
	fn an_agreement_reads_as_words_strings_and_numbers() {
		let (a, b) = (AccountId32::new([1; 32]), AccountId32::new([2; 32]));
		let status = AgreementStatus::<AccountId32, u128, u32> {
			id: 2,
			proposer: a.clone(),
			proposed_at: 5,
			deposit: 1_400,
			phase: AgreementPhase::Defaulted { compensated: 70 },
			parties: vec![
				PartyView { who: a.clone(), accepted: true, cancelling: false },
				PartyView { who: b.clone(), accepted: true, cancelling: true },
			],
			obligations: vec![
				ObligationView {
					index: 0,
					from: a.clone(),
					to: b.clone(),
					kind: ObligationKind::Payment { amount: 100 },
					due: 20,
					after: vec![],
					state: ObligationState::Fulfilled,
				},
				ObligationView {
					index: 1,
					from: b.clone(),
					to: a.clone(),
					kind: ObligationKind::Delivery { value: 90, terms_hash: [0x11; 32] },
					due: 30,
					after: vec![0],
					state: ObligationState::Defaulted { claim: 3, compensated: 70 },
				},
			],
		};
		let (a, b) = (a.to_ss58check(), b.to_ss58check());
		assert_eq!(
			serde_json::to_value(status).expect("serializes"),
			json!({
				"id": 2,
				"proposer": a,
				"proposedAt": 5,
				"deposit": "1400",
				"phase": "defaulted",
				"compensated": "70",
				"parties": [
					{"account": a, "accepted": true, "cancelling": false},
					{"account": b, "accepted": true, "cancelling": true},
				],
				"obligations": [
					{"index": 0, "from": a, "to": b, "kind": "payment", "amount": "100", "due": 20, "after": [], "state": "fulfilled"},
					{"index": 1, "from": b, "to": a, "kind": "delivery", "amount": "90", "termsHash": format!("0x{}", "11".repeat(32)), "due": 30, "after": [0], "state": "defaulted", "claim": 3, "compensated": "70"},
				],
			})
		);
		let of = AgreementsOfJson {
			account: AccountId32::new([1; 32]),
			view: AgreementsOfView {
				agreements: vec![
					pallet_agreements_runtime_api::AgreementRef { id: 7, open: true },
					pallet_agreements_runtime_api::AgreementRef { id: 2, open: false },
				],
				more: true,
			},
		};
		assert_eq!(
			serde_json::to_value(of).expect("serializes"),
			json!({"account": a, "agreements": [{"id": 7, "open": true}, {"id": 2, "open": false}], "more": true})
		);
		let proposed = AgreementPhase::<u128, u32>::Proposed { accept_by: 9 };
		assert_eq!(
			serde_json::to_value(proposed).expect("serializes"),
			json!({"phase": "proposed", "acceptBy": 9})
		);
	}
}
