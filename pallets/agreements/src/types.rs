//! The records the agreements pallet keeps: agreements, their obligations and where each
//! stands, and the tasks queued for future blocks.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

pub use poruka_primitives::{AgreementId, ClaimId, NewestFirst};

/// An obligation's position in its agreement's list (0-based).
pub type ObligationIndex = u32;

/// What an obligation asks for.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(
	feature = "std",
	serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")
)]
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub enum ObligationKind<Balance> {
	/// Pay `amount` of the native token. It is escrowed when the payer accepts and released to
	/// the receiver by the chain.
	Payment {
		/// How much.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		amount: Balance,
	},
	/// Deliver goods or a service off chain, valued at `value`: the receiver confirms it on
	/// chain, or reports a default that becomes a guarantor claim for `value`. It commits
	/// `value` of the obligor's coverage while it is open.
	Delivery {
		/// What it is worth, in the native token.
		#[cfg_attr(
			feature = "std",
			serde(rename = "amount", serialize_with = "poruka_primitives::as_string::serialize")
		)]
		value: Balance,
		/// A hash of the terms (what, where, what quality) kept off chain.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::hex::serialize")
		)]
		terms_hash: [u8; 32],
	},
}

impl<Balance: Copy> ObligationKind<Balance> {
	/// The amount paid or the value delivered.
	pub fn value(&self) -> Balance {
		match self {
			Self::Payment { amount } => *amount,
			Self::Delivery { value, .. } => *value,
		}
	}

	/// Whether it is a payment.
	pub fn is_payment(&self) -> bool {
		matches!(self, Self::Payment { .. })
	}
}

/// One obligation of an agreement: `from` owes `to` a payment or a delivery by `due`, once
/// the obligations in `after` are fulfilled.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	DebugNoBound,
)]
#[scale_info(skip_type_params(MaxDependencies))]
pub struct Obligation<AccountId, Balance, BlockNumber, MaxDependencies>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxDependencies: Get<u32>,
{
	/// Who owes it.
	pub from: AccountId,
	/// Who receives it.
	pub to: AccountId,
	/// A payment or a delivery.
	pub kind: ObligationKind<Balance>,
	/// The block by which it is due.
	pub due: BlockNumber,
	/// The obligations (earlier in the list) that must be fulfilled first. A payment with
	/// obligations here is paid on their fulfilment; one without is paid at `due` or when the
	/// receiver confirms it.
	pub after: BoundedVec<ObligationIndex, MaxDependencies>,
}

/// Where an obligation stands. All changes go through
/// [`crate::Pallet::set_obligation_state`].
///
/// ```text
///   Pending ── confirm / due / report window over ─────────────────────► Fulfilled
///    │  │                                                                   ▲
///    │  └── an obligation it waits for failed ──► Unwound ──┐               │
///    │                                              ▲       │ that failure  │
///    │                                              │       │ was rejected: │
///    │                          (payment) cannot be │       │ Pending again │
///    │                          escrowed again:  Unpaid ◄───┘               │
///    │                               │  └── confirm / report window over ───┤
///    └── report_default ──► Disputed ◄── report_default    claim rejected ──┘
///                              └── claim upheld ──► Defaulted
/// (An unpaid payment whose dependency fails again is unwound again.)
/// ```
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(
	feature = "std",
	serde(tag = "state", rename_all = "camelCase", rename_all_fields = "camelCase")
)]
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub enum ObligationState<Balance> {
	/// Open: a payment's escrow is held, a delivery's value is committed.
	Pending,
	/// Done: the delivery was confirmed (or not disputed in time), or the payment reached its
	/// receiver.
	Fulfilled,
	/// An obligation it waited for failed: a payment went back to its payer, a delivery was
	/// excused and its commitment freed. If that failure is rejected as a default, it becomes
	/// pending again.
	Unwound,
	/// A payment that was unwound, became due again when the default that unwound it was
	/// rejected, and could not be escrowed again: the receiver may report it as a default.
	Unpaid,
	/// Reported as a default: claim `claim` in the guarantor pallet decides it.
	Disputed {
		/// The claim.
		claim: ClaimId,
	},
	/// The claim was upheld: the obligor's deposit and guarantors paid `compensated`.
	Defaulted {
		/// The claim.
		claim: ClaimId,
		/// What reached the receiver.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		compensated: Balance,
	},
}

impl<Balance> ObligationState<Balance> {
	/// Whether nothing more will happen to the obligation (unless a dispute it waits for is
	/// rejected, which can make an unwound obligation pending again).
	pub fn is_settled(&self) -> bool {
		matches!(self, Self::Fulfilled | Self::Unwound | Self::Defaulted { .. })
	}

	/// Whether obligations that wait for this one cannot go ahead (for now).
	pub fn has_failed(&self) -> bool {
		matches!(
			self,
			Self::Unwound | Self::Unpaid | Self::Disputed { .. } | Self::Defaulted { .. }
		)
	}
}

/// An obligation with where it stands.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxDependencies))]
pub struct ObligationRecord<AccountId, Balance, BlockNumber, MaxDependencies>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxDependencies: Get<u32>,
{
	/// What was agreed.
	pub obligation: Obligation<AccountId, Balance, BlockNumber, MaxDependencies>,
	/// Where it stands.
	pub state: ObligationState<Balance>,
	/// For a delivery (or an unpaid payment) of an active agreement: the end of its report
	/// window, from which its receiver's silence counts as fulfilment.
	pub report_by: Option<BlockNumber>,
}

/// Where an agreement is in its life. All changes go through [`crate::Pallet::transition`].
///
/// ```text
///   propose ──► Proposed ── every party accepted ──► Active ── every obligation settled ──► Completed
///                  │ accept_by passed                  │                                 or Defaulted
///                  ▼                                   │ every party cancelled
///               Expired     Cancelled ◄── a party ─────┘ (nothing fulfilled yet)
///                                         declined (Proposed)
/// ```
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(
	feature = "std",
	serde(tag = "phase", rename_all = "camelCase", rename_all_fields = "camelCase")
)]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize"))
)]
pub enum AgreementPhase<Balance, BlockNumber> {
	/// Waiting for every party to accept by `accept_by`.
	Proposed {
		/// The last block in which a party may accept.
		accept_by: BlockNumber,
	},
	/// Every party accepted: the agreement executes.
	Active,
	/// Every obligation was fulfilled (or unwound without a default).
	Completed,
	/// Closed with at least one obligation defaulted; its claims compensated `compensated` in
	/// all.
	Defaulted {
		/// What the defaulted obligations' receivers got from the obligors' funds.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		compensated: Balance,
	},
	/// Cancelled by the parties before anything was fulfilled.
	Cancelled,
	/// Not every party accepted in time.
	Expired,
}

impl<Balance, BlockNumber> AgreementPhase<Balance, BlockNumber> {
	/// Whether the agreement is over (and will be pruned once its retention ends).
	pub fn is_closed(&self) -> bool {
		matches!(self, Self::Completed | Self::Defaulted { .. } | Self::Cancelled | Self::Expired)
	}
}

/// An agreement between members.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxParties, MaxObligations, MaxDependencies))]
pub struct Agreement<AccountId, Balance, BlockNumber, MaxParties, MaxObligations, MaxDependencies>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxParties: Get<u32>,
	MaxObligations: Get<u32>,
	MaxDependencies: Get<u32>,
{
	/// Who proposed it.
	pub proposer: AccountId,
	/// Everyone who owes or receives an obligation, in first-appearance order.
	pub parties: BoundedVec<AccountId, MaxParties>,
	/// Bit `i` set: `parties[i]` accepted.
	pub accepted: u32,
	/// Bit `i` set: `parties[i]` asked to cancel.
	pub cancelling: u32,
	/// The obligations and where each stands.
	pub obligations: BoundedVec<
		ObligationRecord<AccountId, Balance, BlockNumber, MaxDependencies>,
		MaxObligations,
	>,
	/// Where the agreement is.
	pub phase: AgreementPhase<Balance, BlockNumber>,
	/// When it was proposed.
	pub proposed_at: BlockNumber,
	/// What the proposer holds for the storage the agreement takes, until it closes.
	pub deposit: Balance,
}

impl<AccountId, Balance, BlockNumber, MaxParties, MaxObligations, MaxDependencies>
	Agreement<AccountId, Balance, BlockNumber, MaxParties, MaxObligations, MaxDependencies>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxParties: Get<u32>,
	MaxObligations: Get<u32>,
	MaxDependencies: Get<u32>,
{
	/// `who`'s position among the parties.
	pub fn party_index(&self, who: &AccountId) -> Option<usize> {
		self.parties.iter().position(|p| p == who)
	}

	/// A bit mask with one bit per party.
	pub fn all_parties(&self) -> u32 {
		match self.parties.len() {
			n if n >= 32 => u32::MAX,
			n => (1u32 << n) - 1,
		}
	}

	/// Whether every obligation is settled.
	pub fn is_settled(&self) -> bool {
		self.obligations.iter().all(|o| o.state.is_settled())
	}
}

/// Work queued for a future block.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum ScheduledTask {
	/// The proposal's `accept_by` passed: it expires unless every party accepted.
	Expire,
	/// A payment without dependencies is due: release it.
	PaymentDue {
		/// The payment.
		obligation: ObligationIndex,
	},
	/// A delivery's (or an unpaid payment's) report window is over: if its receiver neither
	/// confirmed nor reported it, and what it waits for is fulfilled, it counts as fulfilled.
	ReportWindowOver {
		/// The delivery.
		obligation: ObligationIndex,
	},
}

/// How an obligation came to be fulfilled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum FulfilledBy {
	/// The receiver confirmed it.
	Confirmation,
	/// A payment without dependencies reached its due block.
	Due,
	/// Its dependencies were fulfilled (pay on delivery).
	Dependencies,
	/// The report window of a delivery (or of an unpaid payment) passed without a default
	/// being reported.
	Silence,
	/// The guarantors rejected the default reported against it.
	ClaimRejected,
	/// The claim for the default reported against it was dismissed: no panel or arbiter found
	/// the obligor at fault in time.
	ClaimDismissed,
}
