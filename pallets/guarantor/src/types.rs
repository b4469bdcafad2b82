//! The records the guarantor pallet keeps: members, guarantees, unbonding deposits, claims and
//! their panels, verdicts and payments.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

pub use poruka_primitives::{queue::Slot, AgreementId, ClaimId, ClaimSubject, NewestFirst};

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
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
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

/// How many member records are in each status: kept as they change, so that the cooperative's
/// size is known without reading every member (`guarantor_summary`).
#[derive(
	Clone,
	Copy,
	Default,
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct MemberCounts {
	/// Vouched for, not admitted yet.
	pub candidates: u32,
	/// Admitted (founders included).
	pub active: u32,
	/// Admitted once, short of guarantors now.
	pub suspended: u32,
	/// Left, their funds still unbonding or released.
	pub leaving: u32,
}

impl MemberCounts {
	/// The count of `status`.
	pub fn of(&mut self, status: MemberStatus) -> &mut u32 {
		match status {
			MemberStatus::Candidate => &mut self.candidates,
			MemberStatus::Active => &mut self.active,
			MemberStatus::Suspended => &mut self.suspended,
			MemberStatus::Leaving => &mut self.leaving,
		}
	}

	/// Every record, in any status.
	pub fn total(&self) -> u32 {
		self.candidates
			.saturating_add(self.active)
			.saturating_add(self.suspended)
			.saturating_add(self.leaving)
	}
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
	/// Panels this member sat on without voting before the deadline (less one for every vote
	/// it cast in time while not struck out).
	pub strikes: u32,
	/// The block from which its strikes have lapsed and anyone may clear them
	/// (`clear_strikes`); `None` without strikes.
	pub strikes_lapse_at: Option<BlockNumber>,
	/// Open claims against this member.
	pub open_claims: u32,
	/// Open claims this member filed.
	pub filed_claims: u32,
	/// Open claims this member filed whose respondent counter-claimed: its deposit is liable
	/// for them, as a respondent's is.
	pub countered_claims: u32,
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
			strikes_lapse_at: None,
			open_claims: 0,
			filed_claims: 0,
			countered_claims: 0,
			debt: Default::default(),
			since,
		}
	}

	/// Coverage: the deposit that is not unbonding plus the guarantees that count (live, and
	/// not depleted below `MinGuarantee`).
	pub fn coverage(&self) -> Balance {
		self.deposit.saturating_sub(self.unbonding).saturating_add(self.backing)
	}

	/// Whether an open claim holds this member's deposit: one against it, or one it filed
	/// whose respondent counter-claimed.
	pub fn deposit_frozen(&self) -> bool {
		self.open_claims > 0 || self.countered_claims > 0
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
	/// How long after its last strike a member's strikes lapse.
	pub strike_lapse: BlockNumber,
	/// How long a final claim stays readable in state before it is pruned (its events stay in
	/// block history).
	pub retention: BlockNumber,
	/// How long the arbiters (the council members uninvolved in a claim) have to decide a claim
	/// no panel is left to decide, before the default applies: the last majority verdict of a
	/// panel, or else the claim's dismissal.
	pub arbitration_period: BlockNumber,
}

/// Some of the rules' periods: each given (`Some`) replaces the one in force, the others stay.
pub type TimingChanges<BlockNumber> = Timing<Option<BlockNumber>>;

impl<BlockNumber: Copy> Timing<BlockNumber> {
	/// These periods with `changes` applied; `None` if `changes` gives none.
	pub fn changed_by(&self, changes: &TimingChanges<BlockNumber>) -> Option<Self> {
		let given = [
			changes.decision_period,
			changes.appeal_period,
			changes.unbonding_period,
			changes.revocation_notice,
			changes.strike_lapse,
			changes.retention,
			changes.arbitration_period,
		];
		if given.iter().all(Option::is_none) {
			return None;
		}
		Some(Timing {
			decision_period: changes.decision_period.unwrap_or(self.decision_period),
			appeal_period: changes.appeal_period.unwrap_or(self.appeal_period),
			unbonding_period: changes.unbonding_period.unwrap_or(self.unbonding_period),
			revocation_notice: changes.revocation_notice.unwrap_or(self.revocation_notice),
			strike_lapse: changes.strike_lapse.unwrap_or(self.strike_lapse),
			retention: changes.retention.unwrap_or(self.retention),
			arbitration_period: changes.arbitration_period.unwrap_or(self.arbitration_period),
		})
	}
}

/// A guarantee: money a guarantor holds behind its ward.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Guarantee<Balance, BlockNumber> {
	/// The amount held from the guarantor under `HoldReason::Guarantee`.
	pub amount: Balance,
	/// `None` while live; the block from which it may be released once revoked.
	pub release_at: Option<BlockNumber>,
	/// How many open claims this guarantee is liable for. While any is, it is frozen: it can
	/// be neither released nor removed.
	pub liable_claims: u32,
	/// Everything it ever paid toward claims. A claim's liability remembers this sum as it was
	/// when the claim reached the guarantee, so that money added later never pays for it.
	pub paid_out: Balance,
	/// The block it was given in. Only a guarantee given no later than a claim was filed seats
	/// its guarantor on that claim's panels: nobody vouches their way onto a panel.
	pub since: BlockNumber,
}

impl<Balance: Default + PartialOrd, BlockNumber> Guarantee<Balance, BlockNumber> {
	/// A new, live guarantee of `amount`, given at block `since`.
	pub fn new(amount: Balance, since: BlockNumber) -> Self {
		Self { amount, release_at: None, liable_claims: 0, paid_out: Default::default(), since }
	}

	/// Whether it has not been revoked.
	pub fn is_live(&self) -> bool {
		self.release_at.is_none()
	}

	/// Whether it counts toward the ward's coverage: live, and not depleted below `min` (the
	/// runtime's `MinGuarantee`) by payouts.
	pub fn counts(&self, min: &Balance) -> bool {
		self.is_live() && self.amount >= *min
	}
}

/// A part of a deposit being withdrawn.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize"))
)]
pub struct UnbondingChunk<Balance, BlockNumber> {
	/// How much.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
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
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(
	feature = "std",
	serde(tag = "verdict", rename_all = "camelCase", rename_all_fields = "camelCase")
)]
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub enum Verdict<Balance> {
	/// The respondent must compensate `amount` (at most the claimed amount). With
	/// `force_majeure`, the guarantors' funds absorb what they pay: the respondent owes them
	/// nothing for it.
	Uphold {
		/// The amount to compensate.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		amount: Balance,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
	/// The respondent owes nothing (and, if it counter-claimed, neither does the claimant).
	Reject,
	/// The claimant is at fault: it must compensate the respondent `amount` (at most the
	/// counter-claim). Only on a claim the respondent contested with a counter-claim.
	CounterUphold {
		/// The amount to compensate.
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		amount: Balance,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
}

impl<Balance: Copy> Verdict<Balance> {
	/// The side found at fault and the amount it owes; `None` for a rejection.
	pub fn at_fault(&self) -> Option<(Side, Balance, bool)> {
		match *self {
			Self::Uphold { amount, force_majeure } => {
				Some((Side::Respondent, amount, force_majeure))
			}
			Self::CounterUphold { amount, force_majeure } => {
				Some((Side::Claimant, amount, force_majeure))
			}
			Self::Reject => None,
		}
	}
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
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Side {
	/// The respondent's tree: its guarantees pay if the claim is upheld.
	Respondent,
	/// The claimant's tree (a contested claim): its guarantees pay if the respondent's
	/// counter-claim is upheld.
	Claimant,
}

/// A member sitting on a claim's panel at some level.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct Panelist<AccountId, Balance> {
	/// The panelist.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// The member whose guarantor put the panelist on this panel: the respondent or claimant
	/// at level 1, a panelist of the level below above that.
	#[cfg_attr(feature = "std", serde(rename = "guarantees"))]
	pub ward: AccountId,
	/// Which party's tree the panelist comes from.
	pub side: Side,
	/// The panelist's vote, once cast.
	pub vote: Option<Verdict<Balance>>,
}

/// The panel of one level.
pub type Panel<AccountId, Balance, MaxPanel> = BoundedVec<Panelist<AccountId, Balance>, MaxPanel>;

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
///   │  Paid / Rejected / CounterPaid ◄─┴──── Arbitration
///   │                        (resolve)
///   └─ escalate (new level)
/// ```
/// `contest` restarts the current voting level with both sides seated; `acknowledge` pays
/// from the respondent's own funds and ends the claim only when that covers it all.
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
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub enum ClaimPhase<Balance> {
	/// The current level's panel is voting (the claim was filed, or escalated by a timeout or
	/// a deadlock).
	Open,
	/// The current level's panel is voting on an appeal against the level below's decision.
	Appealed,
	/// The current level decided; either party may appeal until the deadline.
	Decided {
		/// The level's decision.
		#[cfg_attr(feature = "std", serde(skip))]
		verdict: Verdict<Balance>,
	},
	/// No panel is left to decide: the arbiter resolves it.
	Arbitration,
	/// Final: upheld (the respondent was at fault), and the compensation was paid.
	Paid {
		/// The upheld amount.
		#[cfg_attr(
			feature = "std",
			serde(rename = "upheld", serialize_with = "poruka_primitives::as_string::serialize")
		)]
		amount: Balance,
		/// What reached the claimant (the rest is the respondent's shortfall).
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		compensated: Balance,
		/// Whether it was force majeure.
		force_majeure: bool,
	},
	/// Final: rejected.
	Rejected,
	/// Final: the respondent's counter-claim was upheld (the claimant was at fault), and the
	/// claimant's side paid the respondent.
	CounterPaid {
		/// The upheld amount.
		#[cfg_attr(
			feature = "std",
			serde(rename = "upheld", serialize_with = "poruka_primitives::as_string::serialize")
		)]
		amount: Balance,
		/// What reached the respondent (the rest is the claimant's shortfall).
		#[cfg_attr(
			feature = "std",
			serde(serialize_with = "poruka_primitives::as_string::serialize")
		)]
		compensated: Balance,
		/// Whether it was force majeure.
		force_majeure: bool,
	},
	/// Final: the arbiters did not decide in time and no panel had reached a majority. Nobody
	/// was found at fault: nothing was paid, every bond went back to who put it up, and every
	/// frozen fund was released.
	Dismissed,
}

impl<Balance> ClaimPhase<Balance> {
	/// Whether the claim is over.
	pub fn is_final(&self) -> bool {
		matches!(
			self,
			Self::Paid { .. } | Self::Rejected | Self::CounterPaid { .. } | Self::Dismissed
		)
	}

	/// Whether a panel is voting.
	pub fn is_voting(&self) -> bool {
		matches!(self, Self::Open | Self::Appealed)
	}
}

/// One step of a claim's life after its filing: the phase it entered, at which level, in
/// which block. A claim keeps its steps as long as its record (`ClaimSteps`), so that its
/// timeline can be told from state: a node keeps a block's events only as long as it keeps
/// that block's state.
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "Balance: core::fmt::Display, BlockNumber: serde::Serialize"))
)]
pub struct ClaimStep<Balance, BlockNumber> {
	/// The block it happened in.
	pub at: BlockNumber,
	/// The claim's level after it (0: no panel ever sat).
	pub level: u32,
	/// The phase it entered (a decision's verdict: [`ClaimStep::verdict`]).
	#[cfg_attr(feature = "std", serde(flatten))]
	pub phase: ClaimPhase<Balance>,
}

impl<Balance: Clone, BlockNumber> ClaimStep<Balance, BlockNumber> {
	/// The verdict a `Decided` step reached.
	pub fn verdict(&self) -> Option<Verdict<Balance>> {
		match &self.phase {
			ClaimPhase::Decided { verdict } => Some(verdict.clone()),
			_ => None,
		}
	}
}

/// What a bond was put up for, which decides who gets it when the claim is final.
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum BondKind {
	/// The claimant's claim bond: returned if the claim is upheld, else the respondent's.
	Claim,
	/// The respondent's counter-claim bond: returned if the counter-claim is upheld, else the
	/// claimant's.
	CounterClaim,
	/// An appeal bond: returned if the final outcome goes the appellant's way (upheld for the
	/// claimant, not upheld for the respondent), else the other party's.
	Appeal,
}

/// A bond held from a party for the claim.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct Bond<AccountId, Balance> {
	/// Who put it up.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// How much is held under `HoldReason::ClaimBond`.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub amount: Balance,
	/// What it was put up for.
	pub kind: BondKind,
}

/// The respondent's contest: the dispute is two-sided from `at_level` on.
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
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(feature = "std", serde(bound(serialize = "Balance: core::fmt::Display")))]
pub struct Contest<Balance> {
	/// The level the claim was at when contested (0 for a claim no panel ever sat on). The
	/// claimant's guarantors sit from this level on.
	pub at_level: u32,
	/// The respondent's own loss from the same deal, which it claims from the claimant.
	#[cfg_attr(
		feature = "std",
		serde(serialize_with = "poruka_primitives::as_string::option::serialize")
	)]
	pub counter_claim: Option<Balance>,
}

/// A guarantee that is liable for an open claim, fixed when the claim reached it.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct Liability<AccountId, Balance> {
	/// The guarantor.
	pub guarantor: AccountId,
	/// The member it guarantees.
	#[cfg_attr(feature = "std", serde(rename = "guarantees"))]
	pub ward: AccountId,
	/// The guarantee's amount when the claim reached it: the most it pays for the claim.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub amount: Balance,
	/// What the guarantee had paid toward claims by then: whatever it pays for other claims
	/// afterwards comes out of `amount` too.
	#[cfg_attr(feature = "std", serde(skip))]
	pub paid_out: Balance,
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
	/// What the claim concerns, if anything: an agreement, or a smart contract's promise.
	pub subject: Option<ClaimSubject>,
	/// When it was filed.
	pub filed_at: BlockNumber,
	/// The respondent's contest, if it contested (the claimant's guarantors then judge too).
	pub contest: Option<Contest<Balance>>,
	/// What the respondent paid the claimant itself by acknowledging the claim (from its
	/// deposit and, if it chose, its free balance). Guarantors pay only for the rest, and only
	/// on a verdict.
	pub acknowledged: Balance,
	/// Where it is in its life.
	pub phase: ClaimPhase<Balance>,
	/// Where the current phase's timeout sits in the deadline queue: its block and place
	/// (`None` once final).
	pub deadline: Option<Slot<BlockNumber>>,
	/// The panels: `levels[k - 1]` sat at level `k`; the last is the current one.
	pub levels: BoundedVec<Panel<AccountId, Balance, MaxPanel>, MaxLevels>,
	/// The bonds held for this claim: the claim bond first, then counter-claim and appeal
	/// bonds.
	pub bonds: BoundedVec<Bond<AccountId, Balance>, MaxBonds>,
}

impl<AccountId, Balance, BlockNumber, MaxEvidence, MaxLevels, MaxPanel, MaxBonds>
	Claim<AccountId, Balance, BlockNumber, MaxEvidence, MaxLevels, MaxPanel, MaxBonds>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + Copy + PartialEq + Eq + core::fmt::Debug,
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

	/// The block at which the current phase times out, if it does.
	pub fn deadline_block(&self) -> Option<BlockNumber> {
		self.deadline.as_ref().map(|slot| slot.block.clone())
	}

	/// The current level's panel, if any.
	pub fn panel(&self) -> Option<&Panel<AccountId, Balance, MaxPanel>> {
		self.levels.last()
	}

	/// Whether `who` is the claimant or the respondent.
	pub fn is_party(&self, who: &AccountId) -> bool {
		*who == self.claimant || *who == self.respondent
	}

	/// The party on `side`.
	pub fn party(&self, side: Side) -> &AccountId {
		match side {
			Side::Respondent => &self.respondent,
			Side::Claimant => &self.claimant,
		}
	}

	/// Whether `who` sat on the panel of any level below `level` (1-based).
	pub fn sat_below(&self, who: &AccountId, level: u32) -> bool {
		self.levels
			.iter()
			.take(level.saturating_sub(1) as usize)
			.any(|panel| panel.iter().any(|p| p.who == *who))
	}

	/// Whether `who` sat on any level's panel.
	pub fn has_sat(&self, who: &AccountId) -> bool {
		self.sat_below(who, self.level().saturating_add(1))
	}

	/// Whether the respondent contested it.
	pub fn is_contested(&self) -> bool {
		self.contest.is_some()
	}

	/// The respondent's counter-claim, if any.
	pub fn counter_claim(&self) -> Option<Balance> {
		self.contest.and_then(|c| c.counter_claim)
	}

	/// Whether `side`'s guarantees can be made to pay: the respondent's always, the
	/// claimant's once the respondent counter-claimed.
	pub fn side_liable(&self, side: Side) -> bool {
		side == Side::Respondent || self.counter_claim().is_some()
	}

	/// How far up its own tree `side` is at claim level `level`: 1 at the level where it was
	/// first seated (level 1 for the respondent, the contest's level for the claimant).
	pub fn depth(&self, side: Side, level: u32) -> u32 {
		match (side, self.contest) {
			(Side::Respondent, _) => level.max(1),
			(Side::Claimant, Some(contest)) => {
				level.saturating_sub(contest.at_level.max(1)).saturating_add(1)
			}
			(Side::Claimant, None) => 0,
		}
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
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(tag = "source", rename_all = "camelCase"))]
pub enum PaymentSource {
	/// The respondent's own deposit.
	Deposit,
	/// A guarantee, at the given depth of the paying party's tree (1: a guarantee for the
	/// party itself; k > 1: a guarantee that seated a panelist of that side k - 1 levels
	/// above it).
	Guarantee {
		/// The depth whose funds paid.
		level: u32,
	},
	/// The respondent's free balance, paid when it acknowledged the claim.
	FreeBalance,
}

/// One payment toward a claimant's compensation.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct Payment<AccountId, Balance> {
	/// Who paid (the party at fault for its deposit or free balance, else a guarantor).
	pub payer: AccountId,
	/// From which fund.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub source: PaymentSource,
	/// How much.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
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

/// A council member judging a claim in arbitration, and its vote.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct Arbiter<AccountId, Balance> {
	/// The council member.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// Its vote, once cast.
	pub vote: Option<Verdict<Balance>>,
}

/// A claim in arbitration: the council members uninvolved in it (not a party, never on one of
/// its panels) when it got there, what they decided, and the default that applies if they do
/// not decide by the deadline.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(MaxArbiters))]
pub struct Arbitration<AccountId, Balance, MaxArbiters>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxArbiters: Get<u32>,
{
	/// The arbiters, in the council's order.
	pub arbiters: BoundedVec<Arbiter<AccountId, Balance>, MaxArbiters>,
	/// The last verdict a panel of the claim reached by majority, which stands if the arbiters
	/// do not decide; `None`: the claim is then dismissed.
	pub standing: Option<Verdict<Balance>>,
	/// The verdict a strict majority of the arbiters reached, applied at the next block.
	pub decision: Option<Verdict<Balance>>,
}
