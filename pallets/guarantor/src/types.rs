//! The records the guarantor pallet keeps: members, guarantees, unbonding deposits, claims and
//! their panels, verdicts and payments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

pub use poruka_primitives::{AgreementId, ClaimId};

/// Where a member stands.
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
pub enum MemberStatus {
	/// Vouched for, but by fewer than `MinGuarantors` live guarantees: not admitted yet.
	Candidate,
	/// Admitted: may vouch, sit on panels, file claims and enter agreements.
	Active,
	/// Was admitted, but its live guarantees fell below `MinGuarantors`. May still deposit,
	/// answer claims and repay; is reinstated when enough guarantors vouch again.
	Suspended,
	/// Has left: its deposit unbonds and its guarantees are being released; the record goes
	/// when nothing is left.
	Leaving,
}

/// A member of the cooperative (or a candidate), with the counters the rules need.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct MemberRecord<Balance, BlockNumber> {
	/// Where the member stands.
	pub status: MemberStatus,
	/// Founders are roots of the guarantor tree: active without guarantors.
	pub founder: bool,
	/// The member's own insurance fund, held under `HoldReason::Deposit` (including the part
	/// that is unbonding, which stays liable until it is paid out).
	pub deposit: Balance,
	/// The part of `deposit` that is being withdrawn.
	pub unbonding: Balance,
	/// The sum of the live guarantees for this member.
	pub backing: Balance,
	/// How many live guarantees this member has.
	pub live_guarantors: u32,
	/// How many guarantees (live or being revoked) this member has.
	pub guarantors: u32,
	/// How many members this member guarantees.
	pub wards: u32,
	/// Panels this member sat on without voting before the deadline.
	pub strikes: u32,
	/// Open claims against this member.
	pub open_claims: u32,
	/// Open claims this member filed.
	pub filed_claims: u32,
	/// What this member owes, in all: to guarantors who paid for it and to claimants it could
	/// not compensate in full.
	pub debt: Balance,
	/// When the record was created.
	pub since: BlockNumber,
}

impl<Balance: Default + Copy + sp_runtime::Saturating, BlockNumber>
	MemberRecord<Balance, BlockNumber>
{
	/// A new record with nothing in it.
	pub fn new(status: MemberStatus, founder: bool, since: BlockNumber) -> Self {
		Self {
			status,
			founder,
			deposit: Default::default(),
			unbonding: Default::default(),
			backing: Default::default(),
			live_guarantors: 0,
			guarantors: 0,
			wards: 0,
			strikes: 0,
			open_claims: 0,
			filed_claims: 0,
			debt: Default::default(),
			since,
		}
	}

	/// Coverage: the deposit that is not unbonding plus the live guarantees.
	pub fn coverage(&self) -> Balance {
		self.deposit.saturating_sub(self.unbonding).saturating_add(self.backing)
	}
}

/// The periods of the rules, which the cooperative can tune without a runtime upgrade
/// (`set_timing`). A change applies to deadlines set after it.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Timing<BlockNumber> {
	/// How long a panel has to decide before the claim escalates.
	pub decision_period: BlockNumber,
	/// How long the parties have to appeal a decision before it becomes final.
	pub appeal_period: BlockNumber,
	/// How long a deposit withdrawal stays liable before it is paid out.
	pub unbonding_period: BlockNumber,
	/// How long a revoked guarantee stays liable before it can be released.
	pub revocation_notice: BlockNumber,
}

/// A guarantee: money a guarantor holds behind its ward.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Guarantee<Balance, BlockNumber> {
	/// The amount held from the guarantor under `HoldReason::Guarantee`.
	pub amount: Balance,
	/// `None` while live; the block from which it may be released once revoked.
	pub release_at: Option<BlockNumber>,
}

impl<Balance, BlockNumber> Guarantee<Balance, BlockNumber> {
	/// Whether the guarantee still counts toward the ward's coverage and membership.
	pub fn is_live(&self) -> bool {
		self.release_at.is_none()
	}
}

/// A part of a deposit being withdrawn.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct UnbondingChunk<Balance, BlockNumber> {
	/// How much.
	pub amount: Balance,
	/// From which block it may be paid out.
	pub release_at: BlockNumber,
}

/// A panelist's (or the arbiter's) verdict on a claim.
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
pub enum Verdict<Balance> {
	/// The respondent must compensate `amount` (at most the claimed amount). With
	/// `force_majeure`, the guarantors' funds absorb what they pay: the respondent owes them
	/// nothing for it.
	Uphold {
		/// The amount to compensate.
		amount: Balance,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
	/// The respondent owes nothing.
	Reject,
}

/// Which party's guarantor tree a panelist was drawn from.
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
pub enum Side {
	/// The respondent's tree: these guarantees pay if the claim is upheld.
	Respondent,
	/// The claimant's tree (a contested claim): they judge, their guarantees never pay.
	Claimant,
}

/// A member sitting on a claim's panel at some level.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Panelist<AccountId, Balance> {
	/// The panelist.
	pub who: AccountId,
	/// The member whose guarantor put the panelist on this panel: the respondent or claimant
	/// at level 1, a panelist of the level below above that.
	pub ward: AccountId,
	/// Which party's tree the panelist comes from.
	pub side: Side,
	/// The panelist's vote, once cast.
	pub vote: Option<Verdict<Balance>>,
}

/// The panel of one level.
pub type PanelOf<AccountId, Balance, MaxPanel> = BoundedVec<Panelist<AccountId, Balance>, MaxPanel>;

/// Where a claim is in its life. All transitions are in `claims.rs`
/// ([`crate::Pallet::transition`]).
///
/// ```text
///            file_claim
///                │
///                ▼        timeout / deadlock: escalate
///   ┌──────► Open ─────────────────────────────┐
///   │            │ majority                     │
///   │            ▼                              │
///   │        Decided ── appeal ──► Appealed ────┤
///   │            │ appeal period over  │        │ no panel / top level
///   │            ▼                     │        ▼
///   │     Paid / Rejected ◄────────────┴──── Arbitration
///   │                        (resolve)
///   └─ escalate (new level)
/// ```
/// `acknowledge` by the respondent goes straight to `Paid` from any open phase.
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
pub enum ClaimPhase<Balance> {
	/// The current level's panel is voting (the claim was filed, or escalated by a timeout or
	/// a deadlock).
	Open,
	/// The current level's panel is voting on an appeal against the level below's decision.
	Appealed,
	/// The current level decided; either party may appeal until the deadline.
	Decided {
		/// The level's decision.
		verdict: Verdict<Balance>,
	},
	/// No panel is left to decide: the arbiter resolves it.
	Arbitration,
	/// Final: upheld, and the compensation was paid.
	Paid {
		/// The upheld amount.
		amount: Balance,
		/// What reached the claimant (the rest is the respondent's shortfall).
		compensated: Balance,
		/// Whether it was force majeure.
		force_majeure: bool,
	},
	/// Final: rejected.
	Rejected,
}

impl<Balance> ClaimPhase<Balance> {
	/// Whether the claim is over.
	pub fn is_final(&self) -> bool {
		matches!(self, Self::Paid { .. } | Self::Rejected)
	}

	/// Whether a panel is voting.
	pub fn is_voting(&self) -> bool {
		matches!(self, Self::Open | Self::Appealed)
	}
}

/// A bond held from a party for the claim: the claim bond (the claimant's, first) and the
/// appeal bonds.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Bond<AccountId, Balance> {
	/// Who put it up.
	pub who: AccountId,
	/// How much is held under `HoldReason::ClaimBond`.
	pub amount: Balance,
}

/// A claim («рекламация») against a member.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxEvidence, MaxLevels, MaxPanel, MaxBonds))]
pub struct Claim<AccountId, Balance, BlockNumber, MaxEvidence, MaxLevels, MaxPanel, MaxBonds>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxEvidence: Get<u32>,
	MaxLevels: Get<u32>,
	MaxPanel: Get<u32>,
	MaxBonds: Get<u32>,
{
	/// Who filed it.
	pub claimant: AccountId,
	/// Against whom.
	pub respondent: AccountId,
	/// The amount claimed.
	pub amount: Balance,
	/// A hash or URI of the evidence.
	pub evidence: BoundedVec<u8, MaxEvidence>,
	/// The agreement the claim concerns, if any.
	pub agreement: Option<AgreementId>,
	/// When it was filed.
	pub filed_at: BlockNumber,
	/// Whether the respondent contested it (the claimant's guarantors then judge too).
	pub contested: bool,
	/// Where it is in its life.
	pub phase: ClaimPhase<Balance>,
	/// The block at which the current phase times out (`None` in arbitration and when final).
	pub deadline: Option<BlockNumber>,
	/// The panels: `levels[k - 1]` sat at level `k`; the last is the current one.
	pub levels: BoundedVec<PanelOf<AccountId, Balance, MaxPanel>, MaxLevels>,
	/// The bonds held for this claim: the claim bond first, then appeal bonds.
	pub bonds: BoundedVec<Bond<AccountId, Balance>, MaxBonds>,
}

impl<AccountId, Balance, BlockNumber, MaxEvidence, MaxLevels, MaxPanel, MaxBonds>
	Claim<AccountId, Balance, BlockNumber, MaxEvidence, MaxLevels, MaxPanel, MaxBonds>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxEvidence: Get<u32>,
	MaxLevels: Get<u32>,
	MaxPanel: Get<u32>,
	MaxBonds: Get<u32>,
{
	/// The current level (1-based; 0 only if no panel was ever formed).
	pub fn level(&self) -> u32 {
		self.levels.len() as u32
	}

	/// The current level's panel, if any.
	pub fn panel(&self) -> Option<&PanelOf<AccountId, Balance, MaxPanel>> {
		self.levels.last()
	}

	/// Whether `who` is the claimant or the respondent.
	pub fn is_party(&self, who: &AccountId) -> bool {
		*who == self.claimant || *who == self.respondent
	}

	/// Whether `who` sat on any level's panel.
	pub fn has_sat(&self, who: &AccountId) -> bool {
		self.levels.iter().any(|panel| panel.iter().any(|p| p.who == *who))
	}
}

/// Where a compensation payment came from.
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
pub enum PaymentSource {
	/// The respondent's own deposit.
	Deposit,
	/// A guarantee, at the given escalation level (1: a guarantee for the respondent; k > 1: a
	/// guarantee for a level-(k-1) panelist).
	Guarantee {
		/// The level whose funds paid.
		level: u32,
	},
}

/// One payment toward a claimant's compensation.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Payment<AccountId, Balance> {
	/// Who paid (the respondent for its deposit, else a guarantor).
	pub payer: AccountId,
	/// From which fund.
	pub source: PaymentSource,
	/// How much.
	pub amount: Balance,
}

/// Why a claim moved to a higher level.
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
pub enum EscalationReason {
	/// The panel did not decide before its deadline.
	Timeout,
	/// Every panelist voted but no majority formed.
	Deadlock,
	/// A party appealed the decision.
	Appeal,
}
