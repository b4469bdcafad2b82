//! Read-only views for clients: what the `GuarantorApi` runtime API returns (and the
//! `guarantor_*` JSON-RPC methods render). Nothing here writes storage, and every function
//! reads a bounded number of entries.

use alloc::{collections::BTreeSet, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::Commitments;
use scale_info::TypeInfo;

use crate::{
	Arbiter, Arbitrations, BalanceOf, Bond, ClaimId, ClaimPayments, ClaimPhase, Claims,
	ClaimsByAccount, Config, Contest, Credits, Debts, Guarantees, Liabilities, Liability,
	MemberCount, MemberCounts, MemberOf, MemberStatus, Members, NextClaimId, OpenClaims, Pallet,
	Panelist, Payment, Side, Unbonding, UnbondingChunk, Verdict, Wards, WeightInfo,
};
use frame_support::weights::Weight;
use poruka_primitives::{
	AgreementId, ClaimOutcome, ClaimStage, ClaimSubject, ClaimSummary, ClaimView,
};

/// The most entries one list in a view holds (debts, credits, claims of an account); the
/// claims list says with a `truncated` flag when there are more.
pub const MAX_LISTED: u32 = 256;

/// The deepest guarantor tree [`Pallet::guarantor_tree`] walks.
pub const MAX_TREE_DEPTH: u32 = 8;

/// The most members one guarantor tree view holds.
pub const MAX_TREE_NODES: u32 = 128;

/// A claim as a client sees it: its parties, phase, panels with their votes, deadline,
/// verdict and payments.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct ClaimStatus<AccountId, Balance, BlockNumber> {
	/// The claim's id.
	pub id: ClaimId,
	/// Who filed it.
	pub claimant: AccountId,
	/// Against whom.
	pub respondent: AccountId,
	/// The amount claimed.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub amount: Balance,
	/// The evidence (a hash or URI).
	#[cfg_attr(feature = "std", serde(skip))]
	pub evidence: Vec<u8>,
	/// The agreement it concerns, if any.
	pub agreement: Option<AgreementId>,
	/// When it was filed.
	pub filed_at: BlockNumber,
	/// The respondent's contest (with its counter-claim, if any), if it contested.
	pub contest: Option<Contest<Balance>>,
	/// What the respondent paid itself by acknowledging the claim.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub acknowledged: Balance,
	/// Where it is in its life.
	#[cfg_attr(feature = "std", serde(flatten))]
	pub phase: ClaimPhase<Balance>,
	/// The current level (1-based).
	pub level: u32,
	/// Every level's panel, lowest first; the last is the current one.
	pub panels: Vec<Vec<Panelist<AccountId, Balance>>>,
	/// When the current phase times out (in arbitration, the arbiters' deadline; `None` once
	/// final).
	pub deadline: Option<BlockNumber>,
	/// The verdict in force: the current decision, or the final one.
	pub verdict: Option<Verdict<Balance>>,
	/// The bonds the claim held: the claim bond first, then appeal bonds (once the claim is
	/// final they have been returned or forfeited).
	pub bonds: Vec<Bond<AccountId, Balance>>,
	/// What was paid, from whom: the respondent's acknowledgement at once, the rest when
	/// final.
	pub payments: Vec<Payment<AccountId, Balance>>,
	/// While the claim is open: the guarantees liable for it, frozen until it is final, by
	/// side and depth of that side's tree (empty once final).
	pub liable: Vec<LiableView<AccountId, Balance>>,
	/// Once it reached arbitration: the arbiters and their votes, the verdict that stands if
	/// they do not decide, and their decision.
	pub arbitration: Option<ArbitrationView<AccountId, Balance>>,
}

/// A claim's arbitration as a client sees it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct ArbitrationView<AccountId, Balance> {
	/// The council members uninvolved in the claim, with their votes.
	pub arbiters: Vec<Arbiter<AccountId, Balance>>,
	/// The last verdict a panel reached, which applies if the arbiters do not decide by the
	/// deadline (`None`: the claim is then dismissed).
	pub standing: Option<Verdict<Balance>>,
	/// What a strict majority of the arbiters decided.
	pub decision: Option<Verdict<Balance>>,
}

/// The guarantees one side has liable for a claim at one depth of its tree.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct LiableView<AccountId, Balance> {
	/// The side whose guarantees these are.
	pub side: Side,
	/// The depth: 1 for the party's own guarantors, 2 for the guarantors of that side's
	/// panelists one level up, and so on.
	pub depth: u32,
	/// The guarantees, each with the most it pays for the claim.
	pub guarantees: Vec<Liability<AccountId, Balance>>,
}

/// A guarantee as seen from either end.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct GuaranteeView<AccountId, Balance, BlockNumber> {
	/// The other end: the guarantor (in a member's `guarantors`) or the ward (in `wards`).
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// The amount held.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub amount: Balance,
	/// `None` while live; the block from which a revoked guarantee may be released.
	pub release_at: Option<BlockNumber>,
	/// Whether it counts toward the ward's coverage (live, and not depleted below
	/// `MinGuarantee` by payouts).
	pub counts: bool,
	/// How many open claims it is liable for: while any is, it cannot be released.
	pub liable_claims: u32,
}

/// A debt as seen from either end.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display"))
)]
pub struct DebtView<AccountId, Balance> {
	/// The other end: the creditor (in `debts`) or the debtor (in `credits`).
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// How much is owed.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub amount: Balance,
}

/// A member as a client sees it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct MemberInfo<AccountId, Balance, BlockNumber> {
	/// Where the member stands.
	pub status: MemberStatus,
	/// Whether it is a founder (a root of the tree).
	pub founder: bool,
	/// When its record was created.
	pub since: BlockNumber,
	/// Its guarantees, live or being revoked (at most `MaxGuarantors`).
	pub guarantors: Vec<GuaranteeView<AccountId, Balance, BlockNumber>>,
	/// The members it guarantees (at most `MaxWards`).
	pub wards: Vec<GuaranteeView<AccountId, Balance, BlockNumber>>,
	/// Its own deposit, including the part being withdrawn.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub deposit: Balance,
	/// The withdrawals waiting for the unbonding period.
	pub unbonding: Vec<UnbondingChunk<Balance, BlockNumber>>,
	/// Deposit not being withdrawn plus live guarantees.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub coverage: Balance,
	/// The part of the coverage backing open commitments (agreements).
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub committed: Balance,
	/// What it owes in all.
	#[cfg_attr(feature = "std", serde(serialize_with = "poruka_primitives::as_string::serialize"))]
	pub debt: Balance,
	/// What it owes, by creditor (at most [`MAX_LISTED`]).
	pub debts: Vec<DebtView<AccountId, Balance>>,
	/// What it is owed, by debtor (at most [`MAX_LISTED`]).
	pub credits: Vec<DebtView<AccountId, Balance>>,
	/// Panels sat on without voting (less votes cast in time).
	pub strikes: u32,
	/// Whether it is struck out (it may not vouch or judge, and its guarantees do not count
	/// toward its wards' membership).
	pub struck_out: bool,
	/// The block from which its strikes have lapsed and can be cleared.
	pub strikes_lapse_at: Option<BlockNumber>,
	/// Open claims against it.
	pub open_claims: u32,
	/// Open claims it filed.
	pub filed_claims: u32,
	/// Open claims it filed whose respondent counter-claimed (its deposit is frozen for them).
	pub countered_claims: u32,
}

/// An account's part in a claim.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum ClaimRole {
	/// It filed the claim.
	Claimant,
	/// The claim is against it.
	Respondent,
	/// It sat on one of the claim's panels.
	Panelist,
	/// It arbitrates (or arbitrated) the claim, as a council member uninvolved in it.
	Arbiter,
}

/// One claim an account is involved in.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ClaimRef {
	/// The claim's id.
	pub id: ClaimId,
	/// The account's part in it.
	pub role: ClaimRole,
	/// Whether the claim is still open.
	pub open: bool,
}

/// The claims an account is involved in, newest first.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ClaimsOfView {
	/// The claims, newest first (at most [`MAX_LISTED`]).
	pub claims: Vec<ClaimRef>,
	/// Whether there are older ones: ask again with `before` the last id listed.
	pub truncated: bool,
}

/// The cooperative at a glance: how many members in each status, how many claims are open and
/// how many were ever filed. Read from counters the pallet keeps: three reads, whatever the
/// cooperative's size.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct CooperativeSummary {
	/// Member records by status (founders are active).
	pub members: MemberCounts,
	/// Claims filed and not yet final.
	pub open_claims: u32,
	/// Claims ever filed (the next claim's id).
	pub claims_filed: u32,
}

/// A member in a guarantor tree view, with its own guarantors.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct TreeNode<AccountId, Balance, BlockNumber> {
	/// The member.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// How far above the tree's root it is (0: the root).
	pub depth: u32,
	/// Where it stands (`None`: no longer a member).
	pub status: Option<MemberStatus>,
	/// Whether it is a founder.
	pub founder: bool,
	/// Its guarantors (listed as nodes themselves, one level up, while within the depth).
	pub guarantors: Vec<GuaranteeView<AccountId, Balance, BlockNumber>>,
}

/// The guarantor tree above a member: every member listed once (a guarantor of several
/// members in the tree appears at the lowest depth it is reached from).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct GuarantorTree<AccountId, Balance, BlockNumber> {
	/// The members, breadth first from the root.
	pub nodes: Vec<TreeNode<AccountId, Balance, BlockNumber>>,
	/// Whether [`MAX_TREE_NODES`] cut the walk short.
	pub truncated: bool,
}

/// A member in a wards tree view, with its own wards.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct WardNode<AccountId, Balance, BlockNumber> {
	/// The member.
	#[cfg_attr(feature = "std", serde(rename = "account"))]
	pub who: AccountId,
	/// How far below the tree's root it is (0: the root).
	pub depth: u32,
	/// Where it stands (`None`: no longer a member).
	pub status: Option<MemberStatus>,
	/// Whether it is a founder.
	pub founder: bool,
	/// The guarantees it gives, the largest first (each ward listed as a node itself, one level
	/// down, while within the depth).
	pub wards: Vec<GuaranteeView<AccountId, Balance, BlockNumber>>,
}

/// The wards below a member, and theirs: every member listed once (a ward of several members
/// in the tree appears at the shallowest depth it is reached from).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: core::fmt::Display, BlockNumber: serde::Serialize"
	))
)]
pub struct WardTree<AccountId, Balance, BlockNumber> {
	/// The members, breadth first from the root.
	pub nodes: Vec<WardNode<AccountId, Balance, BlockNumber>>,
	/// Whether [`MAX_TREE_NODES`] cut the walk short.
	pub truncated: bool,
}

/// Why a query has no answer.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum QueryError {
	/// There is no such claim.
	UnknownClaim,
	/// The claim existed, became final, and was pruned from state after its retention
	/// period: its events in block history are the record.
	Pruned,
	/// The account is not a member (nor a candidate).
	NotMember,
	/// The depth asked for is over the bound.
	DepthTooLarge {
		/// The largest depth allowed.
		max: u32,
	},
}

/// A claim status of this runtime.
pub type ClaimStatusOf<T> =
	ClaimStatus<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A member view of this runtime.
pub type MemberInfoOf<T> =
	MemberInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A guarantor tree view of this runtime.
pub type GuarantorTreeOf<T> =
	GuarantorTree<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A member a tree walk reached: the account, its level, its record and its edges.
type WalkedNode<T> =
	(<T as frame_system::Config>::AccountId, u32, Option<MemberOf<T>>, Vec<GuaranteeViewOf<T>>);

/// [`WardTree`] for a runtime's types.
pub type WardTreeOf<T> =
	WardTree<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
type GuaranteeViewOf<T> =
	GuaranteeView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// The steps claim `id` took after its filing, oldest first (the phase it entered, at which
	/// level and block); empty for a claim that has taken none, is pruned or never existed.
	/// Claims filed before runtime 112 have only the steps they took since.
	pub fn claim_steps(id: ClaimId) -> Vec<crate::StepOf<T>> {
		crate::ClaimSteps::<T>::get(id).into_inner()
	}

	/// What claim `id` concerns (an agreement, a contract), while the chain keeps it.
	pub fn claim_subject(id: ClaimId) -> Option<ClaimSubject> {
		Claims::<T>::get(id).and_then(|claim| claim.subject)
	}

	/// The status of claim `id`.
	pub fn claim_status(id: ClaimId) -> Result<ClaimStatusOf<T>, QueryError> {
		let Some(claim) = Claims::<T>::get(id) else {
			// Ids are handed out in order and only final claims are ever removed.
			let existed = id < crate::NextClaimId::<T>::get();
			return Err(if existed { QueryError::Pruned } else { QueryError::UnknownClaim });
		};
		let verdict = match claim.phase {
			ClaimPhase::Decided { verdict } => Some(verdict),
			ClaimPhase::Paid { amount, force_majeure, .. } => {
				Some(Verdict::Uphold { amount, force_majeure })
			}
			ClaimPhase::CounterPaid { amount, force_majeure, .. } => {
				Some(Verdict::CounterUphold { amount, force_majeure })
			}
			ClaimPhase::Rejected => Some(Verdict::Reject),
			ClaimPhase::Open
			| ClaimPhase::Appealed
			| ClaimPhase::Arbitration
			| ClaimPhase::Dismissed => None,
		};
		let arbitration = Arbitrations::<T>::get(id).map(|a| ArbitrationView {
			arbiters: a.arbiters.into_inner(),
			standing: a.standing,
			decision: a.decision,
		});
		let liable = Liabilities::<T>::iter_prefix(id)
			.take(T::MaxEscalationLevels::get().saturating_mul(2) as usize)
			.map(|((side, depth), guarantees)| LiableView {
				side,
				depth,
				guarantees: guarantees.into_inner(),
			})
			.collect();
		let deadline = claim.deadline_block();
		Ok(ClaimStatus {
			id,
			level: claim.level(),
			claimant: claim.claimant,
			respondent: claim.respondent,
			amount: claim.amount,
			evidence: claim.evidence.into_inner(),
			agreement: claim.subject.and_then(|s| s.agreement()),
			filed_at: claim.filed_at,
			contest: claim.contest,
			acknowledged: claim.acknowledged,
			phase: claim.phase,
			panels: claim.levels.into_iter().map(|panel| panel.into_inner()).collect(),
			deadline,
			verdict,
			bonds: claim.bonds.into_inner(),
			payments: ClaimPayments::<T>::get(id).map(|p| p.into_inner()).unwrap_or_default(),
			liable,
			arbitration,
		})
	}

	/// Everything about member `who`; `None` if it is neither a member nor a candidate.
	pub fn member_info(who: &T::AccountId) -> Option<MemberInfoOf<T>> {
		let member = Members::<T>::get(who)?;
		let limit = MAX_LISTED as usize;
		let wards = Self::ward_views(who);
		let debt_views = |iter: &mut dyn Iterator<Item = (T::AccountId, BalanceOf<T>)>| {
			iter.take(limit).map(|(who, amount)| DebtView { who, amount }).collect()
		};
		Some(MemberInfo {
			status: member.status,
			founder: member.founder,
			since: member.since,
			guarantors: Self::guarantor_views(who),
			wards,
			deposit: member.deposit,
			unbonding: Unbonding::<T>::get(who).into_inner(),
			coverage: member.coverage(),
			committed: T::Commitments::committed(who),
			debt: member.debt,
			debts: debt_views(&mut Debts::<T>::iter_prefix(who)),
			credits: debt_views(&mut Credits::<T>::iter_prefix(who)),
			strikes: member.strikes,
			struck_out: Self::is_struck_out(&member),
			strikes_lapse_at: member.strikes_lapse_at,
			open_claims: member.open_claims,
			filed_claims: member.filed_claims,
			countered_claims: member.countered_claims,
		})
	}

	/// The claims `who` is (or was) involved in as claimant, respondent, panelist or arbiter,
	/// newest first, from the per-account index: at most [`MAX_LISTED`], older than `before` if
	/// given (to go on from the last one listed).
	pub fn claims_of(who: &T::AccountId, before: Option<ClaimId>) -> ClaimsOfView {
		let (ids, truncated) = poruka_primitives::newest_first_page::<_, ClaimsByAccount<T>>(
			who,
			before,
			MAX_LISTED as usize,
		);
		let claims = ids
			.into_iter()
			.filter_map(|id| {
				let Some(claim) = Claims::<T>::get(id) else {
					// Pruning takes the entries out with the claim (`try_state` checks it).
					frame_support::defensive!("the per-account index names a pruned claim");
					return None;
				};
				let role = if claim.claimant == *who {
					ClaimRole::Claimant
				} else if claim.respondent == *who {
					ClaimRole::Respondent
				} else if claim.has_sat(who) {
					ClaimRole::Panelist
				} else {
					ClaimRole::Arbiter
				};
				Some(ClaimRef { id, role, open: !claim.phase.is_final() })
			})
			.collect();
		ClaimsOfView { claims, truncated }
	}

	/// The cooperative at a glance (see [`CooperativeSummary`]).
	pub fn summary() -> CooperativeSummary {
		CooperativeSummary {
			members: MemberCount::<T>::get(),
			open_claims: OpenClaims::<T>::get(),
			claims_filed: NextClaimId::<T>::get(),
		}
	}

	/// The guarantor tree above `who`, up to `depth` levels (at most [`MAX_TREE_DEPTH`]) and
	/// [`MAX_TREE_NODES`] members.
	pub fn guarantor_tree(
		who: &T::AccountId,
		depth: u32,
	) -> Result<GuarantorTreeOf<T>, QueryError> {
		let (nodes, truncated) = Self::walk(who, depth, Self::guarantor_views)?;
		let nodes = nodes
			.into_iter()
			.map(|(who, depth, record, guarantors)| TreeNode {
				who,
				depth,
				status: record.as_ref().map(|m| m.status),
				founder: record.is_some_and(|m| m.founder),
				guarantors,
			})
			.collect();
		Ok(GuarantorTree { nodes, truncated })
	}

	/// The wards below `who`, and theirs, down to `depth` levels (at most [`MAX_TREE_DEPTH`])
	/// and [`MAX_TREE_NODES`] members.
	pub fn ward_tree(who: &T::AccountId, depth: u32) -> Result<WardTreeOf<T>, QueryError> {
		let (nodes, truncated) = Self::walk(who, depth, Self::ward_views)?;
		let nodes = nodes
			.into_iter()
			.map(|(who, depth, record, wards)| WardNode {
				who,
				depth,
				status: record.as_ref().map(|m| m.status),
				founder: record.is_some_and(|m| m.founder),
				wards,
			})
			.collect();
		Ok(WardTree { nodes, truncated })
	}

	/// Walks the guarantor graph from member `who`, breadth first, `depth` levels along
	/// `edges` (up to its guarantors or down to its wards), listing every member once and at
	/// most [`MAX_TREE_NODES`]: each with its level, its record and its edges. Returns whether
	/// the bound cut the walk short.
	fn walk(
		who: &T::AccountId,
		depth: u32,
		edges: fn(&T::AccountId) -> Vec<GuaranteeViewOf<T>>,
	) -> Result<(Vec<WalkedNode<T>>, bool), QueryError> {
		if depth > MAX_TREE_DEPTH {
			return Err(QueryError::DepthTooLarge { max: MAX_TREE_DEPTH });
		}
		if !Members::<T>::contains_key(who) {
			return Err(QueryError::NotMember);
		}
		let max_nodes = MAX_TREE_NODES as usize;
		let mut seen = BTreeSet::from([who.clone()]);
		let mut nodes = Vec::new();
		let mut frontier = Vec::from([who.clone()]);
		let mut truncated = false;
		for level in 0..=depth {
			let mut next = Vec::new();
			for member in frontier {
				let record = Members::<T>::get(&member);
				let views = edges(&member);
				if level < depth {
					for view in &views {
						if seen.contains(&view.who) {
							continue;
						}
						if seen.len() >= max_nodes {
							truncated = true;
						} else {
							seen.insert(view.who.clone());
							next.push(view.who.clone());
						}
					}
				}
				nodes.push((member, level, record, views));
			}
			if next.is_empty() {
				break;
			}
			frontier = next;
		}
		Ok((nodes, truncated))
	}

	/// The guarantees `guarantor` gives, the largest first (at most `MaxWards`).
	fn ward_views(guarantor: &T::AccountId) -> Vec<GuaranteeViewOf<T>> {
		let mut views: Vec<GuaranteeViewOf<T>> = Wards::<T>::iter_key_prefix(guarantor)
			.take(T::MaxWards::get() as usize)
			.filter_map(|ward| {
				Guarantees::<T>::get(&ward, guarantor).map(|g| Self::guarantee_view(ward, &g))
			})
			.collect();
		views.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.who.cmp(&b.who)));
		views
	}

	/// The guarantees for `ward`, the largest first (at most `MaxGuarantors`).
	fn guarantor_views(ward: &T::AccountId) -> Vec<GuaranteeViewOf<T>> {
		let mut views: Vec<GuaranteeViewOf<T>> = Guarantees::<T>::iter_prefix(ward)
			.take(T::MaxGuarantors::get() as usize)
			.map(|(who, g)| Self::guarantee_view(who, &g))
			.collect();
		views.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.who.cmp(&b.who)));
		views
	}

	/// A guarantee seen from the other end `who`.
	fn guarantee_view(who: T::AccountId, g: &crate::GuaranteeOf<T>) -> GuaranteeViewOf<T> {
		GuaranteeView {
			who,
			amount: g.amount,
			release_at: g.release_at,
			counts: g.counts(&T::MinGuarantee::get()),
			liable_claims: g.liable_claims,
		}
	}
}

impl<Balance: Copy + sp_runtime::traits::Zero> ClaimPhase<Balance> {
	/// The phase as another pallet (or a contract) reads it: a pending verdict or a final
	/// outcome as a [`ClaimOutcome`].
	pub fn stage(&self) -> ClaimStage<Balance> {
		let outcome = |verdict: &Verdict<Balance>, compensated: Balance| match verdict {
			Verdict::Uphold { amount, force_majeure } => {
				ClaimOutcome::Upheld { amount: *amount, compensated, force_majeure: *force_majeure }
			}
			Verdict::Reject => ClaimOutcome::Rejected,
			Verdict::CounterUphold { amount, force_majeure } => ClaimOutcome::CounterUpheld {
				amount: *amount,
				compensated,
				force_majeure: *force_majeure,
			},
		};
		match self {
			Self::Open => ClaimStage::Open,
			Self::Appealed => ClaimStage::Appealed,
			Self::Arbitration => ClaimStage::Arbitration,
			Self::Decided { verdict } => ClaimStage::Decided(outcome(verdict, Balance::zero())),
			Self::Paid { amount, compensated, force_majeure } => {
				ClaimStage::Final(ClaimOutcome::Upheld {
					amount: *amount,
					compensated: *compensated,
					force_majeure: *force_majeure,
				})
			}
			Self::Rejected => ClaimStage::Final(ClaimOutcome::Rejected),
			Self::CounterPaid { amount, compensated, force_majeure } => {
				ClaimStage::Final(ClaimOutcome::CounterUpheld {
					amount: *amount,
					compensated: *compensated,
					force_majeure: *force_majeure,
				})
			}
			Self::Dismissed => ClaimStage::Final(ClaimOutcome::Dismissed),
		}
	}
}

impl<T: Config> ClaimView<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn claim_summary(id: ClaimId) -> Option<ClaimSummary<T::AccountId, BalanceOf<T>>> {
		let claim = Claims::<T>::get(id)?;
		Some(ClaimSummary {
			stage: claim.phase.stage(),
			level: claim.level(),
			subject: claim.subject,
			amount: claim.amount,
			claimant: claim.claimant,
			respondent: claim.respondent,
		})
	}

	fn claim_summary_weight() -> Weight {
		T::WeightInfo::claim_summary()
	}
}
