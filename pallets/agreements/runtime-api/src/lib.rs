//! # Agreements runtime API
//!
//! How clients read an agreement as a whole: its parties, phase and each obligation with where
//! it stands. The node's `agreements_status` JSON-RPC method calls it; polkadot.js apps lists
//! it under *Developer → Runtime calls*.
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;

pub use pallet_agreements::{
	queries::{AgreementStatus, ObligationView, PartyView},
	AgreementId, AgreementPhase, ObligationKind, ObligationState,
};

sp_api::decl_runtime_apis! {
	/// Read-only views of the agreements pallet.
	pub trait AgreementsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Agreement `id`: parties, phase and obligations; `None` if there is none.
		fn agreement_status(id: AgreementId) -> Option<AgreementStatus<AccountId, Balance, BlockNumber>>;
	}
}
