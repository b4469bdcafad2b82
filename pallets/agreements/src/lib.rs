//! # Agreements pallet
//!
//! Cooperative agreements between members that execute their digital part on chain, and
//! whose real-world part the members' guarantors stand behind.
//!
//! - An agreement binds 2..=`MaxParties` members through a list of **obligations**: pay an
//!   amount, or deliver goods or a service valued at an amount, by a due block, optionally
//!   only after other obligations were fulfilled. Chains of exchange (A delivers to B, B to C,
//!   C pays A) are one agreement.
//! - A member [`propose`]s it (accepting it at once); every other party [`accept`]s before
//!   `accept_by`, or it expires. On acceptance a party's payments are **escrowed** and its
//!   deliveries **commit** part of its coverage (deposit plus live guarantees, from the
//!   guarantor pallet): nobody promises more than their guarantors stand behind.
//! - It then executes itself: a payment is released when the obligations it waits for are
//!   fulfilled (pay on delivery), or at its due block; the receiver [`confirm`]s a delivery;
//!   when every obligation is settled the agreement completes.
//! - A delivery not confirmed by its due block may be reported with [`report_default`]: that
//!   files a claim in the guarantor pallet against the obligor, payments that waited for the
//!   delivery go back to their payers, and the claim's outcome (learned through
//!   `ClaimOutcomeHandler`) either compensates the receiver from the obligor's funds and
//!   guarantors or lets the chain go on.
//! - The parties may [`cancel`] together before anything was fulfilled.
//!
//! The pallet couples to the guarantor pallet only through the traits in
//! `poruka-primitives`. `docs/agreements.md` shows a member's view with a chain of three.
//!
//! The logic lives in one module per concept: [`lifecycle`] (proposal to close),
//! [`execution`] (obligations and money), [`defaults`] (defaults and claims), [`schedule`]
//! (the per-block task queue); the records in [`types`]; the invariants in [`invariants`].
//!
//! [`propose`]: Pallet::propose
//! [`accept`]: Pallet::accept
//! [`confirm`]: Pallet::confirm
//! [`report_default`]: Pallet::report_default
//! [`cancel`]: Pallet::cancel
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod defaults;
pub mod execution;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
pub mod invariants;
pub mod lifecycle;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod queries;
pub mod retention;
pub mod schedule;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::{pallet_prelude::*, traits::fungible};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::queue::{BlockQueue, QueueRange, QueueStorage};

/// The balance type of the currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// An obligation of this runtime.
pub type ObligationOf<T> = Obligation<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxDependencies,
>;

/// The obligations of one agreement, as proposed.
pub type ObligationsOf<T> = BoundedVec<ObligationOf<T>, <T as Config>::MaxObligations>;

/// An agreement of this runtime.
pub type AgreementOf<T> = Agreement<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxParties,
	<T as Config>::MaxObligations,
	<T as Config>::MaxDependencies,
>;

/// The obligations of an agreement of this runtime, as stored.
pub type ObligationRecordsOf<T> = BoundedVec<
	ObligationRecord<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxDependencies,
	>,
	<T as Config>::MaxObligations,
>;

/// An agreement phase of this runtime.
pub type PhaseOf<T> = AgreementPhase<BalanceOf<T>, BlockNumberFor<T>>;

/// Sets up what the benchmarks need from the pallets this one couples to.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Balance> {
	/// Makes `who` an active member whose coverage is at least `coverage`, funding it as
	/// needed.
	fn make_member(who: &AccountId, coverage: Balance);
}

/// The storage of the task queue (declared in the pallet: [`Tasks`], [`TaskRanges`],
/// [`TaskCursor`]).
pub struct TaskQueueStorage<T>(core::marker::PhantomData<T>);
impl<T: Config> QueueStorage for TaskQueueStorage<T> {
	type BlockNumber = BlockNumberFor<T>;
	type Item = (AgreementId, ScheduledTask);
	type Entries = Tasks<T>;
	type Ranges = TaskRanges<T>;
	type Cursor = TaskCursor<T>;
}

/// The task queue: expiries, payments falling due and the ends of report windows.
pub type TaskQueue<T> = BlockQueue<TaskQueueStorage<T>>;

/// The storage of the pruning queue (declared in the pallet: [`Prunings`], [`PruningRanges`],
/// [`PruningCursor`]).
pub struct PruningQueueStorage<T>(core::marker::PhantomData<T>);
impl<T: Config> QueueStorage for PruningQueueStorage<T> {
	type BlockNumber = BlockNumberFor<T>;
	type Item = AgreementId;
	type Entries = Prunings<T>;
	type Ranges = PruningRanges<T>;
	type Cursor = PruningCursor<T>;
}

/// The pruning queue: closed agreements, by the block their retention ends.
pub type PruningQueue<T> = BlockQueue<PruningQueueStorage<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;
	use poruka_primitives::{ClaimFiler, Commitments, Coverage};

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency payments are escrowed and paid in.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who is an active member, and how much its deposit and guarantors stand behind it.
		type Coverage: Coverage<Self::AccountId, BalanceOf<Self>>;

		/// Files the claims defaults become.
		type Claims: ClaimFiler<Self::AccountId, BalanceOf<Self>>;

		/// What else holds members' coverage (contracts' commitments): an agreement commits
		/// only coverage nothing else holds.
		type OtherCommitments: Commitments<Self::AccountId, BalanceOf<Self>>;

		/// The most parties one agreement can bind (at most 32).
		#[pallet::constant]
		type MaxParties: Get<u32>;

		/// The most obligations one agreement can hold.
		#[pallet::constant]
		type MaxObligations: Get<u32>;

		/// The most obligations one obligation can wait for.
		#[pallet::constant]
		type MaxDependencies: Get<u32>;

		/// How far ahead `accept_by` may be.
		#[pallet::constant]
		type MaxAcceptPeriod: Get<BlockNumberFor<Self>>;

		/// How long after its due block a delivery's receiver has to report a default (and an
		/// unpaid payment's receiver to report it). Silence after that counts as fulfilment.
		#[pallet::constant]
		type ReportWindow: Get<BlockNumberFor<Self>>;

		/// How long past the end of its first report window an obligation's window may be
		/// paused, while its receiver (still a member) cannot post the claim bond. After that,
		/// silence counts again: a receiver cannot hold an obligation open for ever by keeping
		/// its free balance low.
		#[pallet::constant]
		type MaxReportPause: Get<BlockNumberFor<Self>>;

		/// The most weight `on_initialize` spends on due tasks per block; the rest carries over
		/// to the next block.
		#[pallet::constant]
		type TaskWeight: Get<Weight>;

		/// What a proposal holds from its proposer for the storage it takes, before its
		/// obligations; returned when the agreement closes, is cancelled or expires.
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;

		/// What a proposal holds per obligation, on top of `DepositBase`.
		#[pallet::constant]
		type DepositPerObligation: Get<BalanceOf<Self>>;

		/// How long a closed agreement stays readable before it is pruned.
		type Retention: Get<BlockNumberFor<Self>>;

		/// The weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;

		/// Sets up members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A payment escrowed for an agreement.
		#[codec(index = 0)]
		Escrow,
		/// What a proposer holds for the storage its agreement takes.
		#[codec(index = 1)]
		StorageDeposit,
	}

	/// Agreements.
	#[pallet::storage]
	pub type Agreements<T: Config> = StorageMap<_, Twox64Concat, AgreementId, AgreementOf<T>>;

	/// The per-account index of agreements: those each account is a party to, until they are
	/// pruned, newest first (`agreements_of` reads it).
	#[pallet::storage]
	pub type AgreementsByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NewestFirst, ()>;

	/// The id the next agreement gets.
	#[pallet::storage]
	pub type NextAgreementId<T: Config> = StorageValue<_, AgreementId, ValueQuery>;

	/// How much of each member's coverage open deliveries commit.
	#[pallet::storage]
	pub type Committed<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// The task queue: tasks by the block they fall due and their place there (see
	/// [`poruka_primitives::queue`]).
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		u32,
		(AgreementId, ScheduledTask),
	>;

	/// The range of places each block of the task queue holds.
	#[pallet::storage]
	pub type TaskRanges<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, QueueRange, ValueQuery>;

	/// The earliest block whose tasks may not all have been processed.
	#[pallet::storage]
	pub type TaskCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The pruning queue: closed agreements, by the block their retention ends and their place.
	#[pallet::storage]
	pub type Prunings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, u32, AgreementId>;

	/// The range of places each block of the pruning queue holds.
	#[pallet::storage]
	pub type PruningRanges<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, QueueRange, ValueQuery>;

	/// The earliest block whose prunings may not all have been done.
	#[pallet::storage]
	pub type PruningCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `proposer` proposed agreement `id` between `parties`, holding `deposit` for its
		/// storage until it closes; they may accept until `accept_by`.
		Proposed {
			id: AgreementId,
			proposer: T::AccountId,
			parties: alloc::vec::Vec<T::AccountId>,
			accept_by: BlockNumberFor<T>,
			deposit: BalanceOf<T>,
		},
		/// `who` accepted: `escrowed` of its balance is held for its payments and `committed`
		/// of its coverage backs its deliveries.
		Accepted {
			id: AgreementId,
			who: T::AccountId,
			escrowed: BalanceOf<T>,
			committed: BalanceOf<T>,
		},
		/// Every party accepted: the agreement executes.
		Activated { id: AgreementId },
		/// An obligation was fulfilled.
		ObligationFulfilled { id: AgreementId, obligation: ObligationIndex, by: FulfilledBy },
		/// An escrowed payment reached its receiver.
		PaymentReleased {
			id: AgreementId,
			obligation: ObligationIndex,
			from: T::AccountId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A payment went back to its payer: an obligation it waited for failed.
		PaymentRefunded {
			id: AgreementId,
			obligation: ObligationIndex,
			payer: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A refunded payment is due again (the default that unwound it was rejected) and was
		/// escrowed again.
		PaymentReescrowed {
			id: AgreementId,
			obligation: ObligationIndex,
			payer: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A refunded payment is due again but its payer's free balance cannot cover it: the
		/// receiver may report it as a default.
		PaymentUnpaid {
			id: AgreementId,
			obligation: ObligationIndex,
			payer: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A delivery was excused and its commitment freed: an obligation it waited for failed.
		DeliveryExcused { id: AgreementId, obligation: ObligationIndex, obligor: T::AccountId },
		/// An excused delivery is due again (the default that unwound it was rejected); its
		/// value is committed again and its receiver has a new report window.
		DeliveryReinstated { id: AgreementId, obligation: ObligationIndex, obligor: T::AccountId },
		/// `reporter` reported obligation `obligation` as a default: claim `claim` against
		/// `obligor` for `amount` decides it.
		DefaultReported {
			id: AgreementId,
			obligation: ObligationIndex,
			reporter: T::AccountId,
			obligor: T::AccountId,
			amount: BalanceOf<T>,
			claim: ClaimId,
		},
		/// The default's claim was upheld: the receiver got `compensated` from the obligor's
		/// funds and guarantors.
		ObligationDefaulted {
			id: AgreementId,
			obligation: ObligationIndex,
			claim: ClaimId,
			compensated: BalanceOf<T>,
		},
		/// The report window of obligation `obligation` ended while its receiver, still a
		/// member, could not post the claim bond: it starts again, until `report_by`, rather
		/// than let silence count as acceptance (for at most `MaxReportPause` past the first
		/// window).
		ReportWindowPaused {
			id: AgreementId,
			obligation: ObligationIndex,
			report_by: BlockNumberFor<T>,
		},
		/// `who` asked to cancel; the agreement is cancelled when every party has.
		CancelRequested { id: AgreementId, who: T::AccountId },
		/// The agreement was cancelled: escrow returned, commitments freed.
		Cancelled { id: AgreementId },
		/// Not every party accepted in time: escrow returned, commitments freed.
		Expired { id: AgreementId },
		/// Every obligation was fulfilled (or unwound without a default): the agreement
		/// completed.
		Completed { id: AgreementId },
		/// The agreement closed with defaulted obligations, compensated with `compensated`.
		ClosedWithDefault { id: AgreementId, compensated: BalanceOf<T> },
		/// The proposer's storage deposit for the agreement, now closed, was returned.
		DepositReturned { id: AgreementId, who: T::AccountId, amount: BalanceOf<T> },
		/// Closed agreement `id`'s retention ended: its record was removed from state (its
		/// events stay in block history).
		AgreementPruned { id: AgreementId },
		/// A task of the agreement could not be carried out and was dropped; the agreement stays
		/// as it was (its parties can still confirm, report or cancel).
		TaskFailed { id: AgreementId, task: ScheduledTask, error: DispatchError },
		/// The outcome of claim `claim` could not be applied in full: the disputed obligation
		/// was settled, but what depends on it did not go on (the claim itself was executed by
		/// the guarantor pallet).
		ClaimOutcomeFailed { id: AgreementId, claim: ClaimId, error: DispatchError },
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The obligations name more than `MaxParties` parties.
		TooManyParties,
		/// An agreement needs at least one obligation.
		NoObligations,
		/// The caller is not an active member.
		NotActiveMember,
		/// The caller is not a party to the agreement.
		NotParty,
		/// An obligation's payer or deliverer is also its receiver.
		SelfObligation,
		/// A payment must be at least the existential deposit; a delivery's value more than
		/// zero.
		AmountTooSmall,
		/// An obligation may only wait for obligations listed before it, each once.
		InvalidDependency,
		/// `accept_by` must be in the future, at most `MaxAcceptPeriod` ahead.
		InvalidAcceptBy,
		/// Every obligation must fall due after `accept_by`.
		DueBeforeAcceptance,
		/// There is no such agreement.
		UnknownAgreement,
		/// There is no such obligation in the agreement.
		UnknownObligation,
		/// The agreement is not in a phase that allows this.
		WrongPhase,
		/// The caller accepted already.
		AlreadyAccepted,
		/// The deadline to accept passed.
		AcceptancePeriodOver,
		/// The caller's free balance cannot cover its payments.
		InsufficientBalance,
		/// The caller's deliveries would exceed its coverage (deposit plus live guarantees)
		/// less what its other agreements commit.
		InsufficientCoverage,
		/// Only the obligation's receiver may do this.
		NotReceiver,
		/// The obligation is not in a state that allows this.
		WrongObligationState,
		/// The payment waits for obligations that are not fulfilled yet.
		DependenciesPending,
		/// The delivery is not due yet.
		NotDueYet,
		/// An obligation was fulfilled already: the agreement can no longer be cancelled.
		CannotCancel,
		/// The caller asked to cancel already.
		AlreadyCancelling,
		/// A sum would overflow.
		Overflow,
		/// Internal bookkeeping disagrees with itself; please report this.
		Inconsistent,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Carries out the tasks that fell due, within `TaskWeight`.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_tasks(now, T::TaskWeight::get())
		}

		/// Prunes closed agreements whose retention ended, with the block's spare weight.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::process_prunings(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MaxParties::get() >= 2, "MaxParties must be at least 2");
			assert!(T::MaxParties::get() <= 32, "MaxParties must fit a 32-bit mask");
			assert!(T::MaxObligations::get() >= 1, "MaxObligations must be at least 1");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose an agreement made of `obligations`, which the other parties may accept until
		/// `accept_by` (inclusive).
		///
		/// The caller must be an active member and a party; proposing is its acceptance (its
		/// payments are escrowed and its deliveries commit its coverage at once). The parties
		/// are everyone named in an obligation: 2..=`MaxParties`. Every obligation falls due
		/// after `accept_by` and may wait only for obligations listed before it. Emits
		/// `Proposed` and `Accepted`.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::propose_weight(obligations))]
		pub fn propose(
			origin: OriginFor<T>,
			obligations: ObligationsOf<T>,
			accept_by: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(&who, obligations, accept_by).map(|_| ())
		}

		/// Accept agreement `id` as one of its parties, before its `accept_by`.
		///
		/// The caller must be an active member. Its payments are escrowed from its free
		/// balance; its deliveries commit its coverage, which must cover them on top of what
		/// its other agreements commit. When the last party accepts the agreement is active.
		/// Emits `Accepted`, and `Activated` for the last.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::accept(T::MaxObligations::get()))]
		pub fn accept(origin: OriginFor<T>, id: AgreementId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let obligations = Self::do_accept(&who, id)?;
			Ok(Some(T::WeightInfo::accept(obligations)).into())
		}

		/// Confirm obligation `obligation` of active agreement `id`, as its receiver.
		///
		/// A delivery (or an unpaid payment settled off chain) is fulfilled; a pending payment
		/// whose dependencies are all fulfilled is released now rather than at its due block.
		/// Payments waiting for this obligation are released in the same block. Emits
		/// `ObligationFulfilled`, `PaymentReleased` for each payment released, and `Completed`
		/// (or `ClosedWithDefault`, if an obligation had defaulted) when nothing is left.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::confirm(T::MaxObligations::get()))]
		pub fn confirm(
			origin: OriginFor<T>,
			id: AgreementId,
			obligation: ObligationIndex,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let obligations = Self::do_confirm(&who, id, obligation)?;
			Ok(Some(T::WeightInfo::confirm(obligations)).into())
		}

		/// Report obligation `obligation` of active agreement `id` as a default, as its
		/// receiver: a delivery not confirmed by its due block, or a payment left unpaid, once
		/// what it waits for is fulfilled.
		///
		/// Files a claim in the guarantor pallet against the obligor for the obligation's value
		/// (the caller's claim bond is held as for any claim), and returns to their payers the
		/// payments that waited for it (and excuses the deliveries that did). Emits
		/// `DefaultReported`, and `PaymentRefunded` or `DeliveryExcused` for each obligation
		/// unwound.
		#[pallet::call_index(3)]
		#[pallet::weight(
			T::WeightInfo::report_default(T::MaxObligations::get())
				.saturating_add(<T::Claims as ClaimFiler<_, _>>::file_claim_weight())
		)]
		pub fn report_default(
			origin: OriginFor<T>,
			id: AgreementId,
			obligation: ObligationIndex,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (obligations, claim) = Self::do_report_default(&who, id, obligation)?;
			// The filing as it was: the respondent's guarantees, not the most there can be.
			let filing = <T::Claims as ClaimFiler<_, _>>::filed_claim_weight(claim);
			Ok(Some(T::WeightInfo::report_default(obligations).saturating_add(filing)).into())
		}

		/// Cancel agreement `id`, as one of its parties.
		///
		/// While proposed, one party's cancel declines it for everyone. Once active, every party
		/// must cancel, and only while no obligation was fulfilled or disputed. Escrow returns
		/// and commitments are freed. Emits `CancelRequested`, and `Cancelled` when done.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel(T::MaxObligations::get()))]
		pub fn cancel(origin: OriginFor<T>, id: AgreementId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let obligations = Self::do_cancel(&who, id)?;
			Ok(Some(T::WeightInfo::cancel(obligations)).into())
		}
	}
}
