//! # Contract commitments
//!
//! The bridge from general smart contracts (`pallet-revive`) to the guarantor system: what a
//! contract's promise is backed by, and what happens when it is broken.
//!
//! - A member taking part in a contract **commits** part of its coverage to the contract's
//!   promise, until a block it chooses (at most [`Config::MaxCommitPeriod`] ahead): the
//!   guarantor pallet then lets none of that coverage walk away (no revocation, withdrawal or
//!   leaving that would uncover it), exactly as for an agreement. Only coverage no agreement
//!   or other contract holds can be committed.
//! - The contract **releases** a commitment when the promise is kept; the member lets it
//!   **lapse** after its block, unless a claim about it is open.
//! - A contract **files a claim** for a broken promise against a member committed to it, for
//!   at most what the member committed. The claimant is the member who signed the transaction
//!   (it posts the claim bond); the claim names the contract as its subject, is judged by the
//!   respondent's guarantors like any other, and its outcome comes back here: an upheld claim
//!   settles that much of the commitment.
//!
//! Contracts reach these through the Poruka precompile in the runtime, which checks that the
//! member acting is the transaction's signer calling the contract directly; this pallet holds
//! the rules and the state. A home-made pallet: no SDK pallet ties contracts to a guarantor
//! tree (docs/contracts.md).
//!
//! Layout: [`commitments`] (commit, release, lapse), [`claims`] (claims about contracts and
//! their outcomes), [`invariants`] (`try_state`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod claims;
pub mod commitments;
mod invariants;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use poruka_primitives::{ClaimId, H160};
pub use weights::WeightInfo;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// A member's commitment to one contract.
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
pub struct Commitment<Balance, BlockNumber> {
	/// The coverage committed.
	pub amount: Balance,
	/// From the block after this one, the member may let it lapse (if no claim is open).
	pub until: BlockNumber,
	/// How many claims the contract filed against the member are open.
	pub open_claims: u32,
	/// What those open claims ask for in all: the part of `amount` they hold. A new claim, or
	/// a release, takes only the rest.
	pub claimed: Balance,
}

/// What a member has committed to contracts in all.
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
pub struct Total<Balance> {
	/// The sum of its commitments.
	pub amount: Balance,
	/// To how many contracts.
	pub contracts: u32,
}

/// A commitment of a runtime.
pub type CommitmentOf<T> = Commitment<<T as Config>::Balance, BlockNumberFor<T>>;

/// A claim a contract filed: against whom, about which contract, for how much.
pub type ContractClaimOf<T> =
	(<T as frame_system::Config>::AccountId, H160, <T as Config>::Balance);

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use poruka_primitives::{
		ClaimFiler, ClaimOutcome, ClaimView, Commitments as CommitmentsT, Coverage,
	};
	use sp_runtime::traits::AtLeast32BitUnsigned;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The balance type of coverage.
		type Balance: Parameter
			+ Member
			+ AtLeast32BitUnsigned
			+ Copy
			+ Default
			+ MaxEncodedLen
			+ codec::HasCompact;

		/// Membership and coverage: the guarantor pallet.
		type Coverage: Coverage<Self::AccountId, Self::Balance>;

		/// What else a member's coverage backs (the agreements pallet): a commitment takes only
		/// coverage nothing else holds.
		type OtherCommitments: CommitmentsT<Self::AccountId, Self::Balance>;

		/// Files the claims contracts raise (the guarantor pallet).
		type Claims: ClaimFiler<Self::AccountId, Self::Balance>
			+ ClaimView<Self::AccountId, Self::Balance>;

		/// The most contracts one member may be committed to at once.
		#[pallet::constant]
		type MaxContractsPerMember: Get<u32>;

		/// The furthest ahead a commitment may run.
		#[pallet::constant]
		type MaxCommitPeriod: Get<BlockNumberFor<Self>>;

		/// The weights of the calls and of what the precompile does here.
		type WeightInfo: WeightInfo;

		/// Makes accounts active members with coverage, for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Balance>;
	}

	/// Each member's commitments, by contract.
	#[pallet::storage]
	pub type MemberCommitments<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		H160,
		CommitmentOf<T>,
	>;

	/// What each member has committed to contracts in all (absent: nothing).
	#[pallet::storage]
	pub type Totals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Total<T::Balance>, ValueQuery>;

	/// The open claims contracts filed: against whom, about which contract, for how much.
	/// Removed when the claim is final.
	#[pallet::storage]
	pub type ContractClaims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ContractClaimOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `member` committed `amount` of its coverage to `contract`'s promise (now `total`
		/// to it), until `until`.
		Committed {
			member: T::AccountId,
			contract: H160,
			amount: T::Balance,
			total: T::Balance,
			until: BlockNumberFor<T>,
		},
		/// `contract` released `amount` of `member`'s commitment to it; `remaining` is left.
		Released { member: T::AccountId, contract: H160, amount: T::Balance, remaining: T::Balance },
		/// `member` let its commitment of `amount` to `contract` lapse after its block.
		Lapsed { member: T::AccountId, contract: H160, amount: T::Balance },
		/// `contract` filed claim `claim` for `claimant` against `respondent`, for `amount`.
		ClaimFiled {
			claim: ClaimId,
			contract: H160,
			claimant: T::AccountId,
			respondent: T::AccountId,
			amount: T::Balance,
		},
		/// Claim `claim` about `contract` is final with `outcome`; `settled` of `respondent`'s
		/// commitment to the contract is settled by it, `remaining` is left.
		ClaimSettled {
			claim: ClaimId,
			contract: H160,
			respondent: T::AccountId,
			outcome: ClaimOutcome<T::Balance>,
			settled: T::Balance,
			remaining: T::Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active member may commit coverage or file a claim.
		NotActiveMember,
		/// The amount is zero.
		ZeroAmount,
		/// The member's coverage not held by agreements or other contracts is less than that.
		InsufficientCoverage,
		/// The member is committed to `MaxContractsPerMember` contracts already.
		TooManyContracts,
		/// A commitment runs to a later block, at most `MaxCommitPeriod` ahead.
		BadPeriod,
		/// The member has no commitment to this contract.
		NoCommitment,
		/// That is more than the member committed to this contract, less what open claims about
		/// it ask for.
		ExceedsCommitment,
		/// The commitment's block has not passed yet.
		NotLapsed,
		/// A claim about this commitment is open.
		ClaimOpen,
		/// A number overflowed.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Lets the caller's commitment to `contract` lapse: after its block, with no claim
		/// about it open. The coverage is free again.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::lapse())]
		pub fn lapse(origin: OriginFor<T>, contract: H160) -> DispatchResult {
			let member = ensure_signed(origin)?;
			Self::do_lapse(&member, contract)
		}
	}
}

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// Makes `who` an active member with at least `coverage` of coverage.
	fn make_covered_member(who: &AccountId, coverage: Balance);
}
