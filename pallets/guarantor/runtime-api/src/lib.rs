//! # Guarantor runtime API
//!
//! How clients read the guarantor pallet's state as a whole, without decoding its storage:
//! a claim's status, a member, the claims an account is involved in, and the guarantor tree
//! above a member. The node's `guarantor_*` JSON-RPC methods call it; polkadot.js apps lists it
//! under *Developer → Runtime calls* (it is in the runtime's metadata).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;

pub use pallet_guarantor::{
	queries::{
		ArbitrationView, ClaimRef, ClaimRole, ClaimStatus, ClaimsOfView, CooperativeSummary,
		DebtView, GuaranteeView, GuarantorTree, LiableView, MemberInfo, QueryError, TreeNode,
		WardNode, WardTree, MAX_LISTED, MAX_TREE_DEPTH, MAX_TREE_NODES,
	},
	Arbiter, Bond, BondKind, ClaimId, ClaimPhase, ClaimStep, ClaimSubject, Contest, Liability,
	MemberCounts, MemberStatus, Panelist, Payment, PaymentSource, Side, Verdict,
};

sp_api::decl_runtime_apis! {
	/// Read-only views of the guarantor pallet.
	///
	/// Version 2: a claim's status carries the contest (and counter-claim), what the
	/// respondent acknowledged and the liable guarantees; a member's, whether it is struck out
	/// and when its strikes lapse; a guarantee's, whether it counts and how many claims hold
	/// it. The node's RPC and the runtime are upgraded together.
	///
	/// Version 3: a claim's status carries its arbitration (arbiters and votes, the standing
	/// verdict, the arbiters' decision), phases include `Dismissed`, and roles `Arbiter`.
	///
	/// Version 4: `claims_of` lists newest first and goes on from a claim (`before`); version 3's
	/// listed an arbitrary `MAX_LISTED` of an account with more. `summary`, `ward_tree`.
	///
	/// Version 5: `claim_steps`.
	///
	/// Version 6: `claim_subject` (a claim may concern a smart contract, not only an
	/// agreement).
	#[api_version(6)]
	pub trait GuarantorApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The claim's parties, amount, evidence, agreement, contest, acknowledgement, phase,
		/// level, panels with their votes, deadline, verdict, bonds, payments and liable
		/// guarantees; `UnknownClaim` if there is none.
		fn claim_status(id: ClaimId) -> Result<ClaimStatus<AccountId, Balance, BlockNumber>, QueryError>;

		/// The member's status, guarantors, wards, deposit, coverage, committed coverage,
		/// debts, credits and strikes; `None` if it is neither a member nor a candidate.
		fn member(who: AccountId) -> Option<MemberInfo<AccountId, Balance, BlockNumber>>;

		/// The claims `who` is or was claimant, respondent, panelist or arbiter of, newest first
		/// (at most `MAX_LISTED`; of an account with more, an arbitrary `MAX_LISTED`).
		#[changed_in(4)]
		fn claims_of(who: AccountId) -> ClaimsOfView;

		/// The claims `who` is or was claimant, respondent, panelist or arbiter of, newest
		/// first: at most `MAX_LISTED`, older than claim `before` if given (`truncated` says
		/// there are older ones: ask again with `before` the last id listed).
		fn claims_of(who: AccountId, before: Option<ClaimId>) -> ClaimsOfView;

		/// The cooperative at a glance: members by status, open claims, claims ever filed (from
		/// counters: constant cost at any size). Since version 4.
		fn summary() -> CooperativeSummary;

		/// The guarantor tree above `who`, `depth` levels up (at most `MAX_TREE_DEPTH`, and at
		/// most `MAX_TREE_NODES` members).
		fn guarantor_tree(who: AccountId, depth: u32) -> Result<GuarantorTree<AccountId, Balance, BlockNumber>, QueryError>;

		/// The wards below `who`, and theirs, `depth` levels down (at most `MAX_TREE_DEPTH`,
		/// and at most `MAX_TREE_NODES` members). Since version 4.
		fn ward_tree(who: AccountId, depth: u32) -> Result<WardTree<AccountId, Balance, BlockNumber>, QueryError>;

		/// The steps claim `id` took after its filing, oldest first: the phase it entered, at
		/// which level and block (its timeline, whether or not a node still has the events).
		/// Empty for a claim that took none, is pruned or never existed; a claim filed before
		/// runtime 112 has only the steps since. Since version 5.
		fn claim_steps(id: ClaimId) -> alloc::vec::Vec<ClaimStep<Balance, BlockNumber>>;

		/// What claim `id` concerns: an agreement or a smart contract; `None` for a claim about
		/// neither, pruned, or that never existed. Since version 6.
		#[api_version(6)]
		fn claim_subject(id: ClaimId) -> Option<ClaimSubject>;
	}
}
