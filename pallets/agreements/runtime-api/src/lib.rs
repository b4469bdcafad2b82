//! # Agreements runtime API
//!
//! How clients read an agreement as a whole: its parties, phase and each obligation with where
//! it stands. The node's `agreements_status` JSON-RPC method calls it; polkadot.js apps lists
//! it under *Developer → Runtime calls*. `agreements_of` lists an account's agreements.
#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;

pub use pallet_agreements::{
	queries::{
		AgreementQueryError, AgreementRef, AgreementStatus, AgreementsOfView, ObligationView,
		PartyView, MAX_LISTED,
	},
	AgreementId, AgreementPhase, ObligationKind, ObligationState,
};

sp_api::decl_runtime_apis! {
	/// Read-only views of the agreements pallet.
	///
	/// Version 2: a missing agreement is told apart from a pruned one, and the status shows the
	/// proposer's storage deposit. Version 3: `agreements_of`.
	#[api_version(3)]
	pub trait AgreementsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// Agreement `id`: parties, deposit, phase and obligations; `Unknown` if there never
		/// was one, `Pruned` if it closed and its retention ended.
		fn agreement_status(id: AgreementId) -> Result<AgreementStatus<AccountId, Balance, BlockNumber>, AgreementQueryError>;

		/// The agreements `who` is a party to and that are not pruned yet, newest first: at
		/// most `MAX_LISTED`, older than `before` if given; `more` says whether there are
		/// older ones.
		#[api_version(3)]
		fn agreements_of(who: AccountId, before: Option<AgreementId>) -> AgreementsOfView;
	}
}
