//! The JSON the `guarantor_*` methods return: what a person reads. Accounts are SS58
//! addresses, balances decimal strings of the smallest unit (no floats, no hex), phases and
//! roles words, block numbers numbers. Field names are camelCase.

use core::fmt::Display;

use pallet_guarantor_runtime_api::{
	BondKind, ClaimPhase, ClaimRef, ClaimRole, ClaimStatus, ClaimsOfView, DebtView, GuaranteeView,
	GuarantorTree, LiableView, MemberInfo, MemberStatus, Panelist, Payment, PaymentSource, Side,
	TreeNode, Verdict,
};
use serde::Serialize;
use sp_core::crypto::Ss58Codec;

fn account<A: Ss58Codec>(a: &A) -> String {
	a.to_ss58check()
}

fn balance<B: Display>(b: &B) -> String {
	b.to_string()
}

/// A verdict: `{"verdict": "uphold", "amount": "…", "forceMajeure": false}`,
/// `{"verdict": "reject"}`, or `{"verdict": "counterUphold", "amount": "…", "forceMajeure":
/// false}` (the claimant is at fault, on a counter-claim).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase", tag = "verdict")]
pub enum VerdictJson {
	/// The respondent must compensate `amount`.
	#[serde(rename_all = "camelCase")]
	Uphold {
		/// The amount to compensate.
		amount: String,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
	/// The respondent owes nothing.
	Reject,
	/// The claimant must compensate the respondent `amount`.
	#[serde(rename_all = "camelCase")]
	CounterUphold {
		/// The amount to compensate.
		amount: String,
		/// Whether the failure was force majeure.
		force_majeure: bool,
	},
}

fn side_word(side: Side) -> &'static str {
	match side {
		Side::Respondent => "respondent",
		Side::Claimant => "claimant",
	}
}

impl<B: Display> From<&Verdict<B>> for VerdictJson {
	fn from(v: &Verdict<B>) -> Self {
		match v {
			Verdict::Uphold { amount, force_majeure } => {
				Self::Uphold { amount: balance(amount), force_majeure: *force_majeure }
			}
			Verdict::Reject => Self::Reject,
			Verdict::CounterUphold { amount, force_majeure } => {
				Self::CounterUphold { amount: balance(amount), force_majeure: *force_majeure }
			}
		}
	}
}

/// A panelist and its vote.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PanelistJson {
	/// The panelist.
	pub account: String,
	/// The member whose guarantor it is (the respondent or claimant at level 1).
	pub guarantees: String,
	/// `respondent` or `claimant`: whose tree it comes from.
	pub side: &'static str,
	/// Its vote, `null` until cast.
	pub vote: Option<VerdictJson>,
}

impl<A: Ss58Codec, B: Display> From<&Panelist<A, B>> for PanelistJson {
	fn from(p: &Panelist<A, B>) -> Self {
		Self {
			account: account(&p.who),
			guarantees: account(&p.ward),
			side: side_word(p.side),
			vote: p.vote.as_ref().map(Into::into),
		}
	}
}

/// A payment toward a party's compensation.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PaymentJson {
	/// Who paid.
	pub payer: String,
	/// `deposit` or `freeBalance` (the party at fault's own) or `guarantee`.
	pub source: &'static str,
	/// For a guarantee, the depth of the paying side's tree whose funds paid (1: the party's
	/// own guarantors).
	pub level: Option<u32>,
	/// How much.
	pub amount: String,
}

impl<A: Ss58Codec, B: Display> From<&Payment<A, B>> for PaymentJson {
	fn from(p: &Payment<A, B>) -> Self {
		let (source, level) = match p.source {
			PaymentSource::Deposit => ("deposit", None),
			PaymentSource::Guarantee { level } => ("guarantee", Some(level)),
			PaymentSource::FreeBalance => ("freeBalance", None),
		};
		Self { payer: account(&p.payer), source, level, amount: balance(&p.amount) }
	}
}

/// An account and an amount (a bond, a debt).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AmountJson {
	/// The account.
	pub account: String,
	/// The amount.
	pub amount: String,
}

/// A bond held for a claim.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BondJson {
	/// Who put it up.
	pub account: String,
	/// How much.
	pub amount: String,
	/// `claim`, `counterClaim` or `appeal`.
	pub kind: &'static str,
}

/// A guarantee liable for an open claim.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LiableJson {
	/// `respondent` or `claimant`: the side whose guarantee it is.
	pub side: &'static str,
	/// The depth of that side's tree (1: the party's own guarantors).
	pub depth: u32,
	/// The guarantor.
	pub guarantor: String,
	/// The member it guarantees.
	pub guarantees: String,
	/// The most it pays for the claim (its amount when the claim reached it).
	pub amount: String,
}

impl<A: Ss58Codec, B: Display> From<&DebtView<A, B>> for AmountJson {
	fn from(d: &DebtView<A, B>) -> Self {
		Self { account: account(&d.who), amount: balance(&d.amount) }
	}
}

/// A claim's status.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimStatusJson {
	/// The claim's id.
	pub id: u32,
	/// Who filed it.
	pub claimant: String,
	/// Against whom.
	pub respondent: String,
	/// The amount claimed.
	pub amount: String,
	/// The evidence as text, if it is printable UTF-8 (a URI, say).
	pub evidence: Option<String>,
	/// The evidence's bytes, 0x-prefixed hex.
	pub evidence_hex: String,
	/// The agreement it concerns.
	pub agreement: Option<u32>,
	/// The block it was filed in.
	pub filed_at: u64,
	/// Whether the respondent contested it.
	pub contested: bool,
	/// The level it was contested at (0: before any panel sat).
	pub contested_at_level: Option<u32>,
	/// The respondent's counter-claim against the claimant, if any.
	pub counter_claim: Option<String>,
	/// What the respondent paid itself by acknowledging the claim.
	pub acknowledged: String,
	/// `open`, `appealed`, `decided`, `arbitration`, `paid`, `rejected` or `counterPaid`.
	pub phase: &'static str,
	/// Whether the claim is over (`paid`, `rejected` or `counterPaid`).
	pub r#final: bool,
	/// Once paid, who was found at fault: `respondent` (`paid`) or `claimant`
	/// (`counterPaid`).
	pub at_fault: Option<&'static str>,
	/// The current level (1: the respondent's guarantors).
	pub level: u32,
	/// The current level's panel with each panelist's vote.
	pub panel: Vec<PanelistJson>,
	/// Every level's panel, level 1 first (the last is `panel`).
	pub panels: Vec<Vec<PanelistJson>>,
	/// The block at which the current phase times out: the panel's decision deadline, or the
	/// end of the appeal period. `null` in arbitration and when final.
	pub deadline: Option<u64>,
	/// The verdict in force: the current decision, or the final one.
	pub verdict: Option<VerdictJson>,
	/// What reached the party harmed, once paid.
	pub compensated: Option<String>,
	/// What no fund could cover (the party at fault owes it to the other), once paid.
	pub shortfall: Option<String>,
	/// The bonds held for the claim: the claim bond first, then counter-claim and appeal
	/// bonds.
	pub bonds: Vec<BondJson>,
	/// What was paid, from whom.
	pub payments: Vec<PaymentJson>,
	/// While open: the guarantees liable for it (frozen until it is final).
	pub liable: Vec<LiableJson>,
}

impl<A, B, N> From<&ClaimStatus<A, B, N>> for ClaimStatusJson
where
	A: Ss58Codec,
	B: Display + Copy + sp_runtime::Saturating,
	N: Copy + Into<u64>,
{
	fn from(c: &ClaimStatus<A, B, N>) -> Self {
		let phase = match c.phase {
			ClaimPhase::Open => "open",
			ClaimPhase::Appealed => "appealed",
			ClaimPhase::Decided { .. } => "decided",
			ClaimPhase::Arbitration => "arbitration",
			ClaimPhase::Paid { .. } => "paid",
			ClaimPhase::Rejected => "rejected",
			ClaimPhase::CounterPaid { .. } => "counterPaid",
		};
		let (compensated, shortfall, at_fault) = match c.phase {
			ClaimPhase::Paid { amount, compensated, .. } => (
				Some(balance(&compensated)),
				Some(balance(&amount.saturating_sub(compensated))),
				Some(side_word(Side::Respondent)),
			),
			ClaimPhase::CounterPaid { amount, compensated, .. } => (
				Some(balance(&compensated)),
				Some(balance(&amount.saturating_sub(compensated))),
				Some(side_word(Side::Claimant)),
			),
			_ => (None, None, None),
		};
		let liable = c
			.liable
			.iter()
			.flat_map(|LiableView { side, depth, guarantees }| {
				guarantees.iter().map(move |l| LiableJson {
					side: side_word(*side),
					depth: *depth,
					guarantor: account(&l.guarantor),
					guarantees: account(&l.ward),
					amount: balance(&l.amount),
				})
			})
			.collect();
		let panels: Vec<Vec<PanelistJson>> =
			c.panels.iter().map(|panel| panel.iter().map(Into::into).collect()).collect();
		Self {
			id: c.id,
			claimant: account(&c.claimant),
			respondent: account(&c.respondent),
			amount: balance(&c.amount),
			evidence: String::from_utf8(c.evidence.clone())
				.ok()
				.filter(|text| !text.chars().any(char::is_control)),
			evidence_hex: sp_core::bytes::to_hex(&c.evidence, false),
			agreement: c.agreement,
			filed_at: c.filed_at.into(),
			contested: c.contest.is_some(),
			contested_at_level: c.contest.map(|contest| contest.at_level),
			counter_claim: c.contest.and_then(|contest| contest.counter_claim).map(|b| balance(&b)),
			acknowledged: balance(&c.acknowledged),
			phase,
			r#final: c.phase.is_final(),
			at_fault,
			level: c.level,
			panel: panels.last().cloned().unwrap_or_default(),
			panels,
			deadline: c.deadline.map(Into::into),
			verdict: c.verdict.as_ref().map(Into::into),
			compensated,
			shortfall,
			bonds: c
				.bonds
				.iter()
				.map(|b| BondJson {
					account: account(&b.who),
					amount: balance(&b.amount),
					kind: match b.kind {
						BondKind::Claim => "claim",
						BondKind::CounterClaim => "counterClaim",
						BondKind::Appeal => "appeal",
					},
				})
				.collect(),
			payments: c.payments.iter().map(Into::into).collect(),
			liable,
		}
	}
}

/// A guarantee, from either end.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeJson {
	/// The guarantor (in `guarantors`) or the ward (in `wards`).
	pub account: String,
	/// The amount held.
	pub amount: String,
	/// Whether it was not revoked (`false`: revoked, still liable until released).
	pub live: bool,
	/// Whether it counts toward coverage: live, and not depleted below the minimum guarantee
	/// by payouts (a depleted one counts again once topped up).
	pub counts: bool,
	/// For a revoked guarantee, the block from which it may be released.
	pub release_at: Option<u64>,
	/// How many open claims it is liable for (while any is, it cannot be released).
	pub liable_claims: u32,
}

impl<A: Ss58Codec, B: Display, N: Copy + Into<u64>> From<&GuaranteeView<A, B, N>>
	for GuaranteeJson
{
	fn from(g: &GuaranteeView<A, B, N>) -> Self {
		Self {
			account: account(&g.who),
			amount: balance(&g.amount),
			live: g.release_at.is_none(),
			counts: g.counts,
			release_at: g.release_at.map(Into::into),
			liable_claims: g.liable_claims,
		}
	}
}

/// A withdrawal of deposit waiting for the unbonding period.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UnbondingJson {
	/// How much.
	pub amount: String,
	/// From which block it may be paid out.
	pub release_at: u64,
}

fn status_word(status: Option<MemberStatus>) -> &'static str {
	match status {
		None => "none",
		Some(MemberStatus::Candidate) => "candidate",
		Some(MemberStatus::Active) => "active",
		Some(MemberStatus::Suspended) => "suspended",
		Some(MemberStatus::Leaving) => "leaving",
	}
}

/// A member (or `status: "none"` for an account that is not one).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MemberJson {
	/// The account.
	pub account: String,
	/// `none`, `candidate`, `active`, `suspended` or `leaving`.
	pub status: &'static str,
	/// Whether it is a founder (a root of the guarantor tree).
	pub founder: bool,
	/// The block its record was created in.
	pub since: Option<u64>,
	/// Its guarantors, the largest guarantee first.
	pub guarantors: Vec<GuaranteeJson>,
	/// The members it guarantees.
	pub wards: Vec<GuaranteeJson>,
	/// Its own deposit, including what is being withdrawn.
	pub deposit: String,
	/// Withdrawals waiting for the unbonding period.
	pub unbonding: Vec<UnbondingJson>,
	/// Deposit not being withdrawn plus the guarantees that count: what it can be trusted
	/// with.
	pub coverage: String,
	/// The part of the coverage that backs open agreements.
	pub committed: String,
	/// What it owes in all.
	pub debt: String,
	/// What it owes, by creditor.
	pub debts: Vec<AmountJson>,
	/// What it is owed, by debtor.
	pub credits: Vec<AmountJson>,
	/// Panels sat on without voting (less votes cast in time).
	pub strikes: u32,
	/// Whether it is struck out: it may not vouch or judge, and its guarantees do not count
	/// toward its wards' membership.
	pub struck_out: bool,
	/// The block from which its strikes have lapsed and can be cleared (`clear_strikes`).
	pub strikes_lapse_at: Option<u64>,
	/// Open claims against it.
	pub open_claims: u32,
	/// Open claims it filed.
	pub filed_claims: u32,
	/// Open claims it filed whose respondent counter-claimed (its deposit is frozen).
	pub countered_claims: u32,
}

impl MemberJson {
	/// The view of `who`, which is a member if `info` is `Some`.
	pub fn new<A, B, N>(who: &A, info: Option<&MemberInfo<A, B, N>>) -> Self
	where
		A: Ss58Codec,
		B: Display + Default,
		N: Copy + Into<u64>,
	{
		let zero = || balance(&B::default());
		let Some(m) = info else {
			return Self {
				account: account(who),
				status: status_word(None),
				founder: false,
				since: None,
				guarantors: Vec::new(),
				wards: Vec::new(),
				deposit: zero(),
				unbonding: Vec::new(),
				coverage: zero(),
				committed: zero(),
				debt: zero(),
				debts: Vec::new(),
				credits: Vec::new(),
				strikes: 0,
				struck_out: false,
				strikes_lapse_at: None,
				open_claims: 0,
				filed_claims: 0,
				countered_claims: 0,
			};
		};
		Self {
			account: account(who),
			status: status_word(Some(m.status)),
			founder: m.founder,
			since: Some(m.since.into()),
			guarantors: m.guarantors.iter().map(Into::into).collect(),
			wards: m.wards.iter().map(Into::into).collect(),
			deposit: balance(&m.deposit),
			unbonding: m
				.unbonding
				.iter()
				.map(|c| UnbondingJson {
					amount: balance(&c.amount),
					release_at: c.release_at.into(),
				})
				.collect(),
			coverage: balance(&m.coverage),
			committed: balance(&m.committed),
			debt: balance(&m.debt),
			debts: m.debts.iter().map(Into::into).collect(),
			credits: m.credits.iter().map(Into::into).collect(),
			strikes: m.strikes,
			struck_out: m.struck_out,
			strikes_lapse_at: m.strikes_lapse_at.map(Into::into),
			open_claims: m.open_claims,
			filed_claims: m.filed_claims,
			countered_claims: m.countered_claims,
		}
	}
}

/// One claim an account is involved in.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimRefJson {
	/// The claim's id.
	pub id: u32,
	/// `claimant`, `respondent` or `panelist`.
	pub role: &'static str,
	/// Whether the claim is still open.
	pub open: bool,
}

impl From<&ClaimRef> for ClaimRefJson {
	fn from(c: &ClaimRef) -> Self {
		let role = match c.role {
			ClaimRole::Claimant => "claimant",
			ClaimRole::Respondent => "respondent",
			ClaimRole::Panelist => "panelist",
		};
		Self { id: c.id, role, open: c.open }
	}
}

/// The claims of an account, newest first.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ClaimsOfJson {
	/// The account.
	pub account: String,
	/// Its claims.
	pub claims: Vec<ClaimRefJson>,
	/// Whether there are more than are listed.
	pub truncated: bool,
}

impl ClaimsOfJson {
	/// The view of `who`'s claims.
	pub fn new<A: Ss58Codec>(who: &A, view: &ClaimsOfView) -> Self {
		Self {
			account: account(who),
			claims: view.claims.iter().map(Into::into).collect(),
			truncated: view.truncated,
		}
	}
}

/// A member in the guarantor tree.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TreeNodeJson {
	/// The member.
	pub account: String,
	/// How far above the root it is (0: the root).
	pub depth: u32,
	/// Its status (`none` if it is no longer a member).
	pub status: &'static str,
	/// Whether it is a founder.
	pub founder: bool,
	/// Its guarantors.
	pub guarantors: Vec<GuaranteeJson>,
}

impl<A: Ss58Codec, B: Display, N: Copy + Into<u64>> From<&TreeNode<A, B, N>> for TreeNodeJson {
	fn from(n: &TreeNode<A, B, N>) -> Self {
		Self {
			account: account(&n.who),
			depth: n.depth,
			status: status_word(n.status),
			founder: n.founder,
			guarantors: n.guarantors.iter().map(Into::into).collect(),
		}
	}
}

/// The guarantor tree above a member.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TreeJson {
	/// The member whose tree it is.
	pub root: String,
	/// How many levels up it was walked.
	pub depth: u32,
	/// The members, breadth first from the root, each once.
	pub nodes: Vec<TreeNodeJson>,
	/// Whether the node limit cut the walk short.
	pub truncated: bool,
}

impl TreeJson {
	/// The view of the tree above `root`.
	pub fn new<A: Ss58Codec, B: Display, N: Copy + Into<u64>>(
		root: &A,
		depth: u32,
		tree: &GuarantorTree<A, B, N>,
	) -> Self {
		Self {
			root: account(root),
			depth,
			nodes: tree.nodes.iter().map(Into::into).collect(),
			truncated: tree.truncated,
		}
	}
}
