//! # Poruka primitives
//!
//! The vocabulary Poruka's pallets share, so each couples to the others only through traits:
//!
//! - the guarantor pallet *provides* [`Coverage`] (who is an active member, and how much their
//!   deposit and guarantors stand behind them) and [`ClaimFiler`] (file a claim against a
//!   member);
//! - it *asks* for [`Commitments`] (how much of a member's coverage is already promised
//!   elsewhere, so that coverage backing open promises cannot walk away) and tells a
//!   [`ClaimOutcomeHandler`] how each claim ended.
//!
//! The agreements pallet is one user of these traits; any other caller (a smart-contract
//! pallet, say) can use them the same way.
//!
//! It also holds the one mechanism both pallets share: [`queue`], the per-block queue of
//! deadlines and tasks that never refuses an entry, [`as_string`], how the views clients
//! read render balances in JSON, and [`synthetic`], the accounts of a cooperative generated
//! at genesis for measuring the chain at scale. The pallets that admit only active members (the node
//! registry, the validator set) take membership as a `Contains` and, for their benchmarks,
//! [`MakeActiveMember`]; [`testing`] stands in for both in their unit tests.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "std")]
pub mod as_string;
pub mod index;
pub mod queue;
pub mod synthetic;
#[cfg(feature = "std")]
pub mod testing;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use sp_core::H160;
use sp_runtime::{DispatchError, Weight};

pub use index::{newest_first_page, NewestFirst};

/// What benchmarks of a pallet that admits only active members need from the runtime.
pub trait MakeActiveMember<AccountId> {
	/// Makes `who` an active member (a founder, say), however the runtime counts membership.
	fn make_active_member(who: &AccountId);
}

/// Identifies a claim («рекламация») in the guarantor pallet.
pub type ClaimId = u32;

/// Identifies an agreement: what a claim may refer to.
pub type AgreementId = u32;

/// What a claim concerns, if anything: an agreement of the agreements pallet, or a smart
/// contract whose promise the claimant says the respondent broke.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum ClaimSubject {
	/// An agreement (its id in the agreements pallet).
	Agreement(AgreementId),
	/// A smart contract (its 20-byte address).
	Contract(H160),
}

impl ClaimSubject {
	/// The agreement, if the claim concerns one.
	pub fn agreement(&self) -> Option<AgreementId> {
		match self {
			Self::Agreement(id) => Some(*id),
			Self::Contract(_) => None,
		}
	}

	/// The contract, if the claim concerns one.
	pub fn contract(&self) -> Option<H160> {
		match self {
			Self::Contract(address) => Some(*address),
			Self::Agreement(_) => None,
		}
	}
}

/// Coverage: what a member can be trusted with in one transaction.
pub trait Coverage<AccountId, Balance> {
	/// Whether `who` is an active member: admitted, not suspended, not leaving.
	fn is_active_member(who: &AccountId) -> bool;

	/// Whether `who` is a member in any status (a candidate, active, suspended or leaving).
	fn is_member(who: &AccountId) -> bool;

	/// The member's coverage: the part of its own deposit that is not being withdrawn, plus its
	/// guarantees that count (live, and not depleted below the minimum guarantee by payouts).
	/// Zero for non-members.
	fn coverage(who: &AccountId) -> Balance;
}

/// Commitments: how much of a member's coverage other pallets have promised away.
///
/// The guarantor pallet does not release a revoked guarantee or a withdrawn deposit while the
/// member's commitments would exceed what would remain, and lets no member leave while it has
/// any.
pub trait Commitments<AccountId, Balance> {
	/// The coverage of `who` that backs open commitments.
	fn committed(who: &AccountId) -> Balance;
}

impl<AccountId, Balance: Default> Commitments<AccountId, Balance> for () {
	fn committed(_: &AccountId) -> Balance {
		Balance::default()
	}
}

/// Two pallets' commitments: what both promised away.
impl<AccountId, Balance, A, B> Commitments<AccountId, Balance> for (A, B)
where
	Balance: sp_runtime::Saturating,
	A: Commitments<AccountId, Balance>,
	B: Commitments<AccountId, Balance>,
{
	fn committed(who: &AccountId) -> Balance {
		A::committed(who).saturating_add(B::committed(who))
	}
}

/// Filing a claim against a member, as a pallet does on a member's behalf.
pub trait ClaimFiler<AccountId, Balance> {
	/// Files a claim by `claimant` against `respondent` for `amount`, with `evidence` (a hash or
	/// URI) and what it concerns (an agreement, a contract). The claimant's claim bond is held
	/// exactly as for a claim filed by hand, but the claimant may be a member in any status (a
	/// receiver whose guarantors left it can still report a default). Returns the new claim's
	/// id.
	fn file_claim(
		claimant: &AccountId,
		respondent: &AccountId,
		amount: Balance,
		evidence: &[u8],
		subject: Option<ClaimSubject>,
	) -> Result<ClaimId, DispatchError>;

	/// Whether `claimant` could file a claim now: a member in any status, able to post the
	/// claim bond.
	fn can_file(claimant: &AccountId) -> bool;

	/// The most weight [`ClaimFiler::file_claim`] takes, for the caller's own weight.
	fn file_claim_weight() -> Weight;

	/// The weight filing `claim` took, once filed (at most [`ClaimFiler::file_claim_weight`]):
	/// what the caller charges in the end, refunding the rest.
	fn filed_claim_weight(claim: ClaimId) -> Weight;
}

/// How a claim ended, once final.
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
pub enum ClaimOutcome<Balance> {
	/// The claim was upheld for `amount`; `compensated` of it reached the claimant from the
	/// respondent's deposit and guarantors (the rest is the respondent's shortfall).
	Upheld {
		/// The amount the panel (or arbiter, or the respondent's acknowledgement) upheld.
		amount: Balance,
		/// What the claimant actually received.
		compensated: Balance,
		/// Whether the panel found force majeure (the guarantors' fund absorbs the cost; the
		/// respondent owes no debt for it).
		force_majeure: bool,
	},
	/// The claim was rejected: nothing was owed.
	Rejected,
	/// The respondent's counter-claim was upheld: the claimant was at fault and owed the
	/// respondent `amount`, of which `compensated` reached it. The claim itself failed.
	CounterUpheld {
		/// The amount the panel (or arbiter) upheld against the claimant.
		amount: Balance,
		/// What the respondent actually received.
		compensated: Balance,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
	/// The claim was dismissed in arbitration: no panel or arbiter reached a verdict, nobody
	/// was found at fault and nothing was paid.
	Dismissed,
}

/// Learns how claims end, without polling.
pub trait ClaimOutcomeHandler<Balance> {
	/// Called once, when claim `claim` (concerning `subject`, if anything) becomes final and
	/// has been executed. Each handler acts only on the subjects it owns.
	fn on_claim_final(
		claim: ClaimId,
		subject: Option<ClaimSubject>,
		outcome: ClaimOutcome<Balance>,
	);

	/// The most weight [`ClaimOutcomeHandler::on_claim_final`] takes: the guarantor pallet adds
	/// it to the weight of everything that can make a claim final.
	fn on_claim_final_weight() -> Weight {
		Weight::zero()
	}
}

impl<Balance> ClaimOutcomeHandler<Balance> for () {
	fn on_claim_final(_: ClaimId, _: Option<ClaimSubject>, _: ClaimOutcome<Balance>) {}
}

/// Two handlers: each learns of every claim and acts on the subjects it owns.
impl<Balance: Copy, A, B> ClaimOutcomeHandler<Balance> for (A, B)
where
	A: ClaimOutcomeHandler<Balance>,
	B: ClaimOutcomeHandler<Balance>,
{
	fn on_claim_final(
		claim: ClaimId,
		subject: Option<ClaimSubject>,
		outcome: ClaimOutcome<Balance>,
	) {
		A::on_claim_final(claim, subject, outcome);
		B::on_claim_final(claim, subject, outcome);
	}

	fn on_claim_final_weight() -> Weight {
		A::on_claim_final_weight().saturating_add(B::on_claim_final_weight())
	}
}

/// Where a claim stands, as another pallet (or a contract) reads it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ClaimSummary<AccountId, Balance> {
	/// Who filed it.
	pub claimant: AccountId,
	/// Against whom.
	pub respondent: AccountId,
	/// The amount claimed.
	pub amount: Balance,
	/// What it concerns.
	pub subject: Option<ClaimSubject>,
	/// The level of the guarantor tree that judges it now (1: the respondent's guarantors).
	pub level: u32,
	/// Where it is in its life.
	pub stage: ClaimStage<Balance>,
}

/// A claim's stage, for [`ClaimSummary`].
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum ClaimStage<Balance> {
	/// Before a panel: awaiting the respondent and its guarantors' votes.
	Open,
	/// Appealed to the next level's panel.
	Appealed,
	/// A panel decided; the verdict (as the outcome it would be, nothing paid yet) stands
	/// unless appealed in time.
	Decided(ClaimOutcome<Balance>),
	/// Before the council's arbiters.
	Arbitration,
	/// Final and executed.
	Final(ClaimOutcome<Balance>),
}

/// Reading claims, for pallets (and contracts) that act on them.
pub trait ClaimView<AccountId, Balance> {
	/// Claim `claim`, while the chain keeps it (final claims are pruned after their retention).
	fn claim_summary(claim: ClaimId) -> Option<ClaimSummary<AccountId, Balance>>;

	/// The most weight [`ClaimView::claim_summary`] takes.
	fn claim_summary_weight() -> Weight;
}
