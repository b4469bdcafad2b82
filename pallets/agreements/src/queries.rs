//! Read-only views for clients: what the `AgreementsApi` runtime API returns (and the
//! `agreements_status` and `agreements_of` JSON-RPC methods render).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::{
	AgreementId, AgreementPhase, Agreements, AgreementsByAccount, BalanceOf, Config,
	ObligationIndex, ObligationKind, ObligationState, Pallet,
};

/// A party and where it stands.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PartyView<AccountId> {
	/// The party.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// Whether it accepted.
	pub accepted: bool,
	/// Whether it asked to cancel.
	pub cancelling: bool,
}

/// An obligation and where it stands.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct ObligationView<AccountId, Balance, BlockNumber> {
	/// Its position in the agreement.
	pub index: ObligationIndex,
	/// Who owes it.
	pub from: AccountId,
	/// Who receives it.
	pub to: AccountId,
	/// A payment or a delivery.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub kind: ObligationKind<Balance>,
	/// When it is due.
	pub due: BlockNumber,
	/// The obligations it waits for.
	pub after: Vec<ObligationIndex>,
	/// Where it stands.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub state: ObligationState<Balance>,
}

/// An agreement as a client sees it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct AgreementStatus<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: AgreementId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// When.
	pub proposed_at: BlockNumber,
	/// What its proposer holds for its storage (nothing once it closed).
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub deposit: Balance,
	/// Where it is in its life.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub phase: AgreementPhase<Balance, BlockNumber>,
	/// The parties.
	pub parties: Vec<PartyView<AccountId>>,
	/// The obligations.
	pub obligations: Vec<ObligationView<AccountId, Balance, BlockNumber>>,
}

/// An agreement status of this runtime.
pub type AgreementStatusOf<T> =
	AgreementStatus<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Why there is no agreement to show.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum AgreementQueryError {
	/// There never was an agreement with that id.
	Unknown,
	/// The agreement existed, closed, and was pruned from state after its retention period:
	/// its events in block history are the record.
	Pruned,
}

/// The most agreements [`Pallet::agreements_of`] lists.
pub const MAX_LISTED: u32 = 256;

/// One agreement an account is a party to.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AgreementRef {
	/// The agreement's id.
	pub id: AgreementId,
	/// Whether it is still open (proposed or active).
	pub open: bool,
}

/// The agreements an account is a party to and that are not pruned yet, newest first.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AgreementsOfView {
	/// The agreements, newest first (at most [`MAX_LISTED`]).
	pub agreements: Vec<AgreementRef>,
	/// Whether there are older ones: ask again with `before` the last id listed.
	pub more: bool,
}

impl<T: Config> Pallet<T> {
	/// The agreements `who` is a party to, newest first, from the per-account index: at most
	/// [`MAX_LISTED`], older than `before` if given (to go on from the last one listed).
	pub fn agreements_of(who: &T::AccountId, before: Option<AgreementId>) -> AgreementsOfView {
		let (ids, more) = poruka_primitives::newest_first_page::<_, AgreementsByAccount<T>>(
			who,
			before,
			MAX_LISTED as usize,
		);
		let agreements = ids
			.into_iter()
			.filter_map(|id| {
				let Some(agreement) = Agreements::<T>::get(id) else {
					// Pruning takes the entries out with the agreement (`try_state` checks it).
					frame_support::defensive!("the per-account index names a pruned agreement");
					return None;
				};
				Some(AgreementRef { id, open: !agreement.phase.is_closed() })
			})
			.collect();
		AgreementsOfView { agreements, more }
	}

	/// The status of agreement `id`.
	pub fn agreement_status(id: AgreementId) -> Result<AgreementStatusOf<T>, AgreementQueryError> {
		let Some(agreement) = Agreements::<T>::get(id) else {
			// Ids are handed out in order and only closed agreements are ever removed.
			let existed = id < crate::NextAgreementId::<T>::get();
			return Err(if existed {
				AgreementQueryError::Pruned
			} else {
				AgreementQueryError::Unknown
			});
		};
		let parties = agreement
			.parties
			.iter()
			.enumerate()
			.map(|(i, who)| PartyView {
				who: who.clone(),
				accepted: agreement.accepted & (1u32 << i) != 0,
				cancelling: agreement.cancelling & (1u32 << i) != 0,
			})
			.collect();
		let obligations = agreement
			.obligations
			.iter()
			.enumerate()
			.map(|(index, record)| ObligationView {
				index: index as ObligationIndex,
				from: record.obligation.from.clone(),
				to: record.obligation.to.clone(),
				kind: record.obligation.kind,
				due: record.obligation.due,
				after: record.obligation.after.to_vec(),
				state: record.state,
			})
			.collect();
		Ok(AgreementStatus {
			id,
			proposer: agreement.proposer,
			proposed_at: agreement.proposed_at,
			deposit: agreement.deposit,
			phase: agreement.phase,
			parties,
			obligations,
		})
	}
}
