//! # Agreements runtime API
//!
//! How clients read an agreement as a whole: its parties, phase and each obligation with where
//! it stands. The node's `agreements_status` JSON-RPC method calls it; polkadot.js apps lists
//! it under *Developer → Runtime calls*.
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;

pub use pallet_agreements::{
	queries::{AgreementQueryError, AgreementStatus, ObligationView, PartyView},
	AgreementId, AgreementPhase, ObligationKind, ObligationState,
};

sp_api::decl_runtime_apis! {
	/// Read-only views of the agreements pallet.
	///
	/// Version 2: a missing agreement is told apart from a pruned one, and the status shows the
	/// proposer's storage deposit.
	#[api_version(2)]
	pub trait AgreementsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Agreement `id`: parties, deposit, phase and obligations; `Unknown` if there never
		/// was one, `Pruned` if it closed and its retention ended.
		fn agreement_status(id: AgreementId) -> Result<AgreementStatus<AccountId, Balance, BlockNumber>, AgreementQueryError>;
	}
}
