//! # Guarantor pallet
//!
//! The heart of Poruka: a mutual-guarantee («круговая порука») cooperative's rules.
//!
//! - **Members and the tree.** Founders are roots. Any active member may [`vouch`] for another
//!   account, holding money behind it; an account with at least `MinGuarantors` live guarantees
//!   is an active member. Members keep their own [`deposit`]. A member's **coverage** is its
//!   deposit plus its live guarantees: what it can be trusted with in one transaction.
//! - **Claims.** Any active member may [`file_claim`] against a member. The respondent's
//!   guarantors judge it ([`vote`]); if the respondent [`contest`]s (with a counter-claim, if
//!   it was harmed too), both sides' guarantors judge at every level from then on. A panel that
//!   does not decide in time, an appeal, or a deadlock moves the claim up the guarantor tree:
//!   the guarantors of the panelists form the next panel. When no one is left, the arbiter
//!   [`resolve`]s it. The respondent may [`acknowledge`] and pay from its own funds; the
//!   guarantors' money moves only on a verdict.
//! - **Liability.** Every guarantee that stands behind a side when the claim reaches it is
//!   liable for the claim at the amount it had then, and frozen until the claim is final;
//!   guarantees given or increased later never pay for it.
//! - **Compensation.** The side found at fault pays from its party's deposit, then its liable
//!   guarantees depth by depth, pro rata. Every amount a guarantor pays becomes its ward's
//!   debt to that guarantor (unless force majeure), repaid with [`repay`].
//!
//! `docs/guarantor.md` explains the rules as a member reads them.
//!
//! The logic lives in one module per concept: [`membership`], [`strikes`], [`claims`],
//! [`panels`], [`liability`], [`escalation`], [`compensation`]; the records in [`types`]; the
//! invariants in [`invariants`]; storage migrations in [`migrations`].
//!
//! [`vouch`]: Pallet::vouch
//! [`deposit`]: Pallet::deposit
//! [`file_claim`]: Pallet::file_claim
//! [`vote`]: Pallet::vote
//! [`contest`]: Pallet::contest
//! [`acknowledge`]: Pallet::acknowledge
//! [`resolve`]: Pallet::resolve
//! [`repay`]: Pallet::repay
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

impl<T: Config> Pallet<T> {
	/// The periods in force: those set by `set_timing` (or genesis), else the `Config` ones.
	pub fn timing() -> TimingOf<T> {
		CurrentTiming::<T>::get().unwrap_or_else(Self::default_timing)
	}

	/// The `Config` periods.
	pub fn default_timing() -> TimingOf<T> {
		Timing {
			decision_period: T::DecisionPeriod::get(),
			appeal_period: T::AppealPeriod::get(),
			unbonding_period: T::UnbondingPeriod::get(),
			revocation_notice: T::RevocationNotice::get(),
			strike_lapse: T::StrikeLapse::get(),
			retention: T::Retention::get(),
			arbitration_period: T::ArbitrationPeriod::get(),
		}
	}

	/// Every period must be at least one block.
	pub fn ensure_valid_timing(timing: &TimingOf<T>) -> DispatchResult {
		use sp_runtime::traits::Zero;
		let Timing {
			decision_period,
			appeal_period,
			unbonding_period,
			revocation_notice,
			strike_lapse,
			retention,
			arbitration_period,
		} = timing;
		let periods = [
			decision_period,
			appeal_period,
			unbonding_period,
			revocation_notice,
			strike_lapse,
			retention,
			arbitration_period,
		];
		ensure!(!periods.iter().any(|p| p.is_zero()), Error::<T>::InvalidTiming);
		Ok(())
	}

	/// Reports a state the pallet's own bookkeeping rules out: logged loudly (`defensive!`),
	/// a panic in tests and try-runtime builds, and `Error::Inconsistent` for the caller, whose
	/// changes are then dropped.
	pub(crate) fn broken(proof: &'static str) -> Error<T> {
		frame_support::defensive!(proof);
		if cfg!(any(test, feature = "try-runtime")) {
			panic!("guarantor bookkeeping is inconsistent: {proof}");
		}
		Error::<T>::Inconsistent
	}
}

pub mod arbitration;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod claims;
pub mod compensation;
pub mod escalation;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
pub mod invariants;
pub mod liability;
pub mod membership;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod panels;
pub mod queries;
pub mod retention;
pub mod strikes;
pub mod synthetic;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use synthetic::SyntheticCooperative;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	traits::{fungible, SortedMembers},
};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::queue::{BlockQueue, QueueRange, QueueStorage};
use sp_runtime::DispatchResult;

/// The balance type of the currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A member record of this runtime.
pub type MemberOf<T> = MemberRecord<BalanceOf<T>, BlockNumberFor<T>>;

/// A guarantee record of this runtime.
pub type GuaranteeOf<T> = Guarantee<BalanceOf<T>, BlockNumberFor<T>>;

/// A claim record of this runtime.
pub type ClaimOf<T> = Claim<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxEvidenceLen,
	<T as Config>::MaxEscalationLevels,
	<T as Config>::MaxPanelSize,
	MaxBondsOf<T>,
>;

/// A panel of this runtime.
pub type PanelOf<T> =
	Panel<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxPanelSize>;

/// A claim in arbitration in this runtime.
pub type ArbitrationOf<T> =
	Arbitration<<T as frame_system::Config>::AccountId, BalanceOf<T>, <T as Config>::MaxArbiters>;

/// A liable guarantee of this runtime.
pub type LiabilityOf<T> = Liability<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// The guarantees one side of a claim has liable at one depth.
pub type LiabilitiesOf<T> = BoundedVec<LiabilityOf<T>, MaxLiableOf<T>>;

/// The rules' periods in this runtime's block numbers.
pub type TimingOf<T> = Timing<BlockNumberFor<T>>;

/// Changes to some of the rules' periods in this runtime's block numbers.
pub type TimingChangesOf<T> = TimingChanges<BlockNumberFor<T>>;

/// A payment record of this runtime.
pub type PaymentOf<T> = Payment<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

/// The payments of one claim: the deposit, every guarantee of the respondent, and every liable
/// panelist's guarantee of every level.
pub type PaymentsOf<T> = BoundedVec<PaymentOf<T>, MaxPaymentsOf<T>>;

/// How many bonds a claim can hold: the claim bond, a counter-claim bond and one appeal per
/// level.
pub struct MaxBondsOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxBondsOf<T> {
	fn get() -> u32 {
		T::MaxEscalationLevels::get().saturating_add(2)
	}
}

/// A step of a claim of this runtime.
pub type StepOf<T> = ClaimStep<BalanceOf<T>, BlockNumberFor<T>>;

/// The steps of one claim after its filing.
pub type StepsOf<T> = BoundedVec<StepOf<T>, MaxStepsOf<T>>;

/// How many steps a claim can take after its filing: a decision at level 1 (entered by the
/// filing itself), entry and decision at each level above, one contest restart, arbitration
/// and the outcome — at most 2·levels + 2; two spare.
pub struct MaxStepsOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxStepsOf<T> {
	fn get() -> u32 {
		T::MaxEscalationLevels::get().saturating_mul(2).saturating_add(4)
	}
}

/// How many guarantees one side of a claim can have liable at one depth: all of the party's
/// own (depth 1), or one per panelist (above).
pub struct MaxLiableOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxLiableOf<T> {
	fn get() -> u32 {
		T::MaxGuarantors::get().max(T::MaxPanelSize::get())
	}
}

/// How many payments a claim can make: the respondent's deposit and free balance when it
/// acknowledges, then the deposit of the party at fault, each of its guarantees, and each of
/// its panelists' guarantees of each level above.
pub struct MaxPaymentsOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for MaxPaymentsOf<T> {
	fn get() -> u32 {
		3u32.saturating_add(T::MaxGuarantors::get())
			.saturating_add(T::MaxEscalationLevels::get().saturating_mul(T::MaxPanelSize::get()))
	}
}

/// The storage of the deadline queue (declared in the pallet: [`Deadlines`],
/// [`DeadlineRanges`], [`DeadlineCursor`]).
pub struct DeadlineQueueStorage<T>(core::marker::PhantomData<T>);
impl<T: Config> QueueStorage for DeadlineQueueStorage<T> {
	type BlockNumber = BlockNumberFor<T>;
	type Item = ClaimId;
	type Entries = Deadlines<T>;
	type Ranges = DeadlineRanges<T>;
	type Cursor = DeadlineCursor<T>;
}

/// The deadline queue: claims whose current phase times out, by the block it does.
pub type DeadlineQueue<T> = BlockQueue<DeadlineQueueStorage<T>>;

/// The storage of the pruning queue (declared in the pallet: [`Prunings`], [`PruningRanges`],
/// [`PruningCursor`]).
pub struct PruningQueueStorage<T>(core::marker::PhantomData<T>);
impl<T: Config> QueueStorage for PruningQueueStorage<T> {
	type BlockNumber = BlockNumberFor<T>;
	type Item = ClaimId;
	type Entries = Prunings<T>;
	type Ranges = PruningRanges<T>;
	type Cursor = PruningCursor<T>;
}

/// The pruning queue: final claims, by the block their retention ends.
pub type PruningQueue<T> = BlockQueue<PruningQueueStorage<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::traits::{fungible::MutateHold, EnsureOrigin};
	use frame_system::pallet_prelude::*;
	use poruka_primitives::{ClaimOutcomeHandler, Commitments, H160};
	use sp_runtime::traits::Zero;

	/// The in-code storage version.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The pallet's configuration.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency whose funds are held for guarantees, deposits and bonds.
		type Currency: fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may add founders after genesis.
		type FounderOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may resolve a claim in arbitration directly, over the arbiters: an override for
		/// the cooperative as a whole (root). Its resolution is final.
		type ArbiterOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The council: those of its members uninvolved in a claim (not a party, never on one
		/// of its panels, no guarantee of theirs liable for it) and in good standing (active
		/// members, not struck out) arbitrate it once no panel is left to decide it.
		type Arbiters: SortedMembers<Self::AccountId>;

		/// Who may change the rules' periods (`set_timing`).
		type TimingOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// How much of each member's coverage other pallets (agreements) have promised.
		type Commitments: Commitments<Self::AccountId, BalanceOf<Self>>;

		/// Told how every claim ends.
		type OnClaimFinal: ClaimOutcomeHandler<BalanceOf<Self>>;

		/// The smallest guarantee.
		#[pallet::constant]
		type MinGuarantee: Get<BalanceOf<Self>>;

		/// How many live guarantees make an account an active member.
		#[pallet::constant]
		type MinGuarantors: Get<u32>;

		/// The most guarantees one member can have.
		#[pallet::constant]
		type MaxGuarantors: Get<u32>;

		/// The most members one member can guarantee.
		#[pallet::constant]
		type MaxWards: Get<u32>;

		/// How long a deposit withdrawal stays liable before it is paid out, until `set_timing`
		/// says otherwise.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The most deposit withdrawals one member can have pending.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// How long a revoked guarantee stays liable before it can be released, until
		/// `set_timing` says otherwise.
		#[pallet::constant]
		type RevocationNotice: Get<BlockNumberFor<Self>>;

		/// What a claimant holds while its claim is open.
		#[pallet::constant]
		type ClaimBond: Get<BalanceOf<Self>>;

		/// The appeal bond at level 1; an appeal from level `k` holds `k` times this.
		#[pallet::constant]
		type AppealBond: Get<BalanceOf<Self>>;

		/// How long a panel has to decide before the claim escalates, until `set_timing` says
		/// otherwise.
		#[pallet::constant]
		type DecisionPeriod: Get<BlockNumberFor<Self>>;

		/// How long the parties have to appeal a decision before it becomes final, until
		/// `set_timing` says otherwise.
		#[pallet::constant]
		type AppealPeriod: Get<BlockNumberFor<Self>>;

		/// At this many strikes (panels sat on without voting) a member is struck out: it may no
		/// longer vouch or judge, and its guarantees, which still pay, stop counting toward its
		/// wards' membership.
		#[pallet::constant]
		type MaxStrikes: Get<u32>;

		/// How long after its last strike a member's strikes lapse, until `set_timing` says
		/// otherwise.
		#[pallet::constant]
		type StrikeLapse: Get<BlockNumberFor<Self>>;

		/// How long a final claim stays in state before it is pruned, until `set_timing` says
		/// otherwise.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;

		/// The most panelists at one level.
		#[pallet::constant]
		type MaxPanelSize: Get<u32>;

		/// The most levels a claim can climb before the arbiter decides.
		#[pallet::constant]
		type MaxEscalationLevels: Get<u32>;

		/// The most arbiters one claim in arbitration seats (the council's size bound; the first
		/// this many uninvolved council members sit).
		#[pallet::constant]
		type MaxArbiters: Get<u32>;

		/// How long the arbiters have to decide before the default applies, until `set_timing`
		/// says otherwise.
		#[pallet::constant]
		type ArbitrationPeriod: Get<BlockNumberFor<Self>>;

		/// The longest evidence (a hash or URI) a claim can carry.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// The most weight `on_initialize` spends on due deadlines per block; the rest carries
		/// over to the next block.
		#[pallet::constant]
		type DeadlineWeight: Get<Weight>;

		/// The weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Money a guarantor put behind a ward.
		#[codec(index = 0)]
		Guarantee,
		/// A member's own insurance fund.
		#[codec(index = 1)]
		Deposit,
		/// Claim and appeal bonds.
		#[codec(index = 2)]
		ClaimBond,
	}

	/// Members and candidates.
	#[pallet::storage]
	pub type Members<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, MemberOf<T>>;

	/// Guarantees, by ward then guarantor.
	#[pallet::storage]
	pub type Guarantees<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		GuaranteeOf<T>,
	>;

	/// The wards of each guarantor (the reverse index of [`Guarantees`]).
	#[pallet::storage]
	pub type Wards<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, ()>;

	/// Deposit withdrawals waiting for the unbonding period.
	#[pallet::storage]
	pub type Unbonding<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<UnbondingChunk<BalanceOf<T>, BlockNumberFor<T>>, T::MaxUnbondingChunks>,
		ValueQuery,
	>;

	/// Debts, by debtor then creditor.
	#[pallet::storage]
	pub type Debts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
	>;

	/// The same debts by creditor then debtor, so a creditor can list what it is owed.
	#[pallet::storage]
	pub type Credits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		BalanceOf<T>,
	>;

	/// Claims.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ClaimOf<T>>;

	/// Each claim's steps after its filing (the phase it entered, at which level and block),
	/// kept and pruned with the claim: its timeline once a node no longer has the events.
	/// Claims filed before runtime 112 have only the steps they took since.
	#[pallet::storage]
	pub type ClaimSteps<T: Config> = StorageMap<_, Twox64Concat, ClaimId, StepsOf<T>, ValueQuery>;

	/// The claims in arbitration (and, until they are pruned, those decided there): who
	/// arbitrates, their votes, and the default.
	#[pallet::storage]
	pub type Arbitrations<T: Config> = StorageMap<_, Twox64Concat, ClaimId, ArbitrationOf<T>>;

	/// What each paid claim paid, from whom.
	#[pallet::storage]
	pub type ClaimPayments<T: Config> = StorageMap<_, Twox64Concat, ClaimId, PaymentsOf<T>>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T: Config> = StorageValue<_, ClaimId, ValueQuery>;

	/// How many member records are in each status (changed with the status, in
	/// [`Pallet::count_status`]).
	#[pallet::storage]
	pub type MemberCount<T: Config> = StorageValue<_, MemberCounts, ValueQuery>;

	/// How many claims are open (filed and not yet final).
	#[pallet::storage]
	pub type OpenClaims<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The per-account index of claims: those each account is involved in (as claimant,
	/// respondent, panelist or arbiter), keyed newest first so that a listing walks them from
	/// the newest and can go on from any claim.
	#[pallet::storage]
	pub type ClaimsByAccount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Identity, NewestFirst, ()>;

	/// The guarantees liable for each open claim, by side and depth: fixed when the claim
	/// reached them, frozen until it is final, and paying only if their side is found at
	/// fault.
	#[pallet::storage]
	pub type Liabilities<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ClaimId, Twox64Concat, (Side, u32), LiabilitiesOf<T>>;

	/// The deadline queue: claims whose current phase times out, by block and place (see
	/// [`poruka_primitives::queue`]).
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, u32, ClaimId>;

	/// The range of places each block of the deadline queue holds.
	#[pallet::storage]
	pub type DeadlineRanges<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, QueueRange, ValueQuery>;

	/// The rules' periods, when they differ from the `Config` defaults.
	#[pallet::storage]
	pub type CurrentTiming<T: Config> = StorageValue<_, TimingOf<T>>;

	/// The earliest block whose deadlines may not all have been processed.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The pruning queue: final claims, by the block their retention ends and their place (see
	/// [`poruka_primitives::queue`]).
	#[pallet::storage]
	pub type Prunings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, u32, ClaimId>;

	/// The range of places each block of the pruning queue holds.
	#[pallet::storage]
	pub type PruningRanges<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, QueueRange, ValueQuery>;

	/// The earliest block whose prunings may not all have been done.
	#[pallet::storage]
	pub type PruningCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The genesis state: founders with their deposits, and guarantees (applied in order, so a
	/// guarantor must already be active when its guarantee comes).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Founders and the deposit each holds from the start.
		pub founders: Vec<(T::AccountId, BalanceOf<T>)>,
		/// `(guarantor, ward, amount)`.
		pub guarantees: Vec<(T::AccountId, T::AccountId, BalanceOf<T>)>,
		/// The rules' periods, if not the `Config` defaults (a dev chain's are short).
		pub timing: Option<TimingOf<T>>,
		/// A cooperative generated from a few numbers, for measuring the chain at scale
		/// (see [`crate::synthetic`]); built after the founders and guarantees above.
		pub synthetic: Option<SyntheticCooperative>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(timing) = self.timing {
				Pallet::<T>::ensure_valid_timing(&timing).expect("genesis periods are positive");
				CurrentTiming::<T>::put(timing);
			}
			for (founder, deposit) in &self.founders {
				Pallet::<T>::do_add_founder(founder).expect("genesis founders are distinct");
				if !deposit.is_zero() {
					Pallet::<T>::do_deposit(founder, *deposit)
						.expect("genesis founders can afford their deposits");
				}
			}
			for (guarantor, ward, amount) in &self.guarantees {
				Pallet::<T>::do_vouch(guarantor, ward, *amount)
					.expect("genesis guarantees are valid and affordable");
			}
			if let Some(synthetic) = &self.synthetic {
				Pallet::<T>::build_synthetic(synthetic);
			}
		}
	}

	/// The pallet's events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A founder was added: a root of the guarantor tree.
		FounderAdded { who: T::AccountId },
		/// `guarantor` vouched for `ward`, holding `amount`.
		Vouched { guarantor: T::AccountId, ward: T::AccountId, amount: BalanceOf<T> },
		/// `guarantor` added `extra` to its guarantee for `ward`, now `total`.
		GuaranteeIncreased {
			guarantor: T::AccountId,
			ward: T::AccountId,
			extra: BalanceOf<T>,
			total: BalanceOf<T>,
		},
		/// `guarantor` revoked its guarantee for `ward`; it stays liable until `release_at`.
		GuaranteeRevoked {
			guarantor: T::AccountId,
			ward: T::AccountId,
			release_at: BlockNumberFor<T>,
		},
		/// A revoked guarantee was released: `amount` is free again.
		GuaranteeReleased { guarantor: T::AccountId, ward: T::AccountId, amount: BalanceOf<T> },
		/// `who` now has enough live guarantees: it is an active member.
		MemberAdmitted { who: T::AccountId },
		/// `who` has too few live guarantees: suspended until it has enough again.
		MemberSuspended { who: T::AccountId },
		/// A suspended member has enough live guarantees again.
		MemberReinstated { who: T::AccountId },
		/// `who` left: its deposit unbonds and its guarantees are being released.
		MemberLeaving { who: T::AccountId },
		/// A member that left (or a candidate whose guarantees are all gone) has nothing left
		/// here; its record is gone.
		MemberRemoved { who: T::AccountId },
		/// `who` added `amount` to its deposit, now `total`.
		Deposited { who: T::AccountId, amount: BalanceOf<T>, total: BalanceOf<T> },
		/// `who` asked to withdraw `amount` of its deposit; it stays liable until `release_at`.
		DepositUnbonding { who: T::AccountId, amount: BalanceOf<T>, release_at: BlockNumberFor<T> },
		/// `amount` of `who`'s deposit was paid out to its free balance.
		DepositWithdrawn { who: T::AccountId, amount: BalanceOf<T> },
		/// A claim was filed; `panel` is its level-1 panel and `deadline` its decision deadline
		/// (`None`: no panel, the arbiter decides).
		ClaimFiled {
			claim: ClaimId,
			claimant: T::AccountId,
			respondent: T::AccountId,
			amount: BalanceOf<T>,
			agreement: Option<AgreementId>,
			/// The contract whose promise the claim says was broken, if a contract filed it.
			contract: Option<H160>,
			panel: Vec<T::AccountId>,
			deadline: Option<BlockNumberFor<T>>,
		},
		/// The respondent acknowledged the claim and paid `paid` from its own deposit (and free
		/// balance, if it chose); `remaining` of the claim is left for its guarantors, who pay
		/// it only on a verdict.
		ClaimAcknowledged { claim: ClaimId, paid: BalanceOf<T>, remaining: BalanceOf<T> },
		/// The respondent contested the claim, with a counter-claim against the claimant if
		/// `counter_claim` is set: the claimant's guarantors sit from now on. `panel` is the
		/// current level's panel re-formed with both sides, voting until `deadline` (`None` in
		/// arbitration).
		ClaimContested {
			claim: ClaimId,
			counter_claim: Option<BalanceOf<T>>,
			panel: Vec<T::AccountId>,
			deadline: Option<BlockNumberFor<T>>,
		},
		/// The guarantees on `side` of the claim at `depth` of that side's tree are liable for
		/// it, up to the amounts listed, and frozen until it is final.
		LiabilityFixed { claim: ClaimId, side: Side, depth: u32, liable: Vec<LiabilityOf<T>> },
		/// A panelist voted.
		Voted { claim: ClaimId, level: u32, voter: T::AccountId, verdict: Verdict<BalanceOf<T>> },
		/// The panel of `level` decided; the parties may appeal until `appeal_until`.
		ClaimDecided {
			claim: ClaimId,
			level: u32,
			verdict: Verdict<BalanceOf<T>>,
			appeal_until: BlockNumberFor<T>,
		},
		/// `appellant` appealed the decision, holding `bond`.
		ClaimAppealed { claim: ClaimId, appellant: T::AccountId, bond: BalanceOf<T> },
		/// The claim moved up the guarantor tree to `level`, judged by `panel` until `deadline`.
		ClaimEscalated {
			claim: ClaimId,
			level: u32,
			reason: EscalationReason,
			panel: Vec<T::AccountId>,
			deadline: BlockNumberFor<T>,
		},
		/// No panel is left for the claim: the arbiters decide it.
		ClaimSentToArbiter { claim: ClaimId, level: u32 },
		/// The claim is in arbitration: `arbiters` (the council members uninvolved in it) vote
		/// with `vote` until `deadline`; then `standing` applies (the last verdict a panel
		/// reached), or, if there is none, the claim is dismissed. With no arbiters (every
		/// council member is involved), the claim waits out the period the same.
		ArbitrationOpened {
			claim: ClaimId,
			arbiters: Vec<T::AccountId>,
			deadline: BlockNumberFor<T>,
			standing: Option<Verdict<BalanceOf<T>>>,
		},
		/// A strict majority of the arbiters reached `verdict`; it is applied at the next block.
		ArbitrationDecided { claim: ClaimId, verdict: Verdict<BalanceOf<T>> },
		/// The arbiters did not decide by the deadline: `standing` applies, or with none the
		/// claim is dismissed.
		ArbitrationLapsed { claim: ClaimId, standing: Option<Verdict<BalanceOf<T>>> },
		/// The claim was resolved in arbitration (by the arbiters' majority, or by
		/// `ArbiterOrigin`).
		ClaimResolved { claim: ClaimId, verdict: Verdict<BalanceOf<T>> },
		/// The claim was dismissed: nobody was found at fault, nothing was paid, every bond went
		/// back and every frozen fund was released.
		ClaimDismissed { claim: ClaimId },
		/// A panelist let the deadline pass without voting.
		Struck { who: T::AccountId, claim: ClaimId, strikes: u32 },
		/// `who` reached `MaxStrikes`: it may no longer vouch or judge, and its guarantees no
		/// longer count toward its wards' membership (they still pay) until its strikes lapse.
		StruckOut { who: T::AccountId },
		/// A vote in time took one of `who`'s strikes away; `strikes` are left.
		StrikeRemoved { who: T::AccountId, strikes: u32 },
		/// `who`'s strikes lapsed and were cleared.
		StrikesCleared { who: T::AccountId },
		/// A payout left `guarantor`'s guarantee for `ward` at `amount`, below `MinGuarantee`:
		/// it no longer counts toward the ward's coverage and membership until topped up with
		/// `increase_guarantee`.
		GuaranteeDepleted { guarantor: T::AccountId, ward: T::AccountId, amount: BalanceOf<T> },
		/// A final verdict was paid: the party `at_fault` (the respondent for an upheld claim,
		/// the claimant for an upheld counter-claim) owed `amount`, of which `compensated`
		/// reached the other party, from `payments`; `shortfall` is what no fund could cover
		/// (the party at fault owes it to the other).
		CompensationPaid {
			claim: ClaimId,
			at_fault: Side,
			claimant: T::AccountId,
			respondent: T::AccountId,
			amount: BalanceOf<T>,
			compensated: BalanceOf<T>,
			shortfall: BalanceOf<T>,
			force_majeure: bool,
			payments: Vec<PaymentOf<T>>,
		},
		/// The claim was finally rejected; the claim bond went to the respondent.
		ClaimRejected { claim: ClaimId },
		/// A bond held for a claim was returned to `who`.
		BondReturned { claim: ClaimId, who: T::AccountId, amount: BalanceOf<T> },
		/// A bond held for a claim went from `from` to `to`.
		BondForfeited { claim: ClaimId, from: T::AccountId, to: T::AccountId, amount: BalanceOf<T> },
		/// `debtor` now owes `creditor` `amount` more (a guarantor's payment, or a shortfall).
		DebtRecorded { debtor: T::AccountId, creditor: T::AccountId, amount: BalanceOf<T> },
		/// `debtor` repaid `amount` to `creditor`; `remaining` is still owed.
		DebtRepaid {
			debtor: T::AccountId,
			creditor: T::AccountId,
			amount: BalanceOf<T>,
			remaining: BalanceOf<T>,
		},
		/// The rules' periods changed; deadlines set from now on use them.
		TimingSet { timing: TimingOf<T> },
		/// A due deadline of `claim` could not be processed; the claim went to the arbiters (or,
		/// if it was in arbitration, was dismissed).
		DeadlineFailed { claim: ClaimId, error: DispatchError },
		/// Final claim `claim`'s retention ended: its record, payments and index entries were
		/// removed from state (its events stay in block history).
		ClaimPruned { claim: ClaimId },
	}

	/// The pallet's errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is not a member (nor a candidate).
		NotMember,
		/// The respondent is a candidate, not an admitted member: no claim can be filed
		/// against it.
		RespondentNotAdmitted,
		/// The account is not an active member.
		NotActiveMember,
		/// The account already is a member or candidate.
		AlreadyMember,
		/// A member cannot vouch for itself.
		SelfVouch,
		/// This guarantor already guarantees this ward; use `increase_guarantee`.
		AlreadyGuaranteed,
		/// A guarantee must be at least `MinGuarantee`.
		GuaranteeTooSmall,
		/// There is no such guarantee.
		NoGuarantee,
		/// The guarantee was revoked; it can no longer be increased or revoked again.
		GuaranteeRevoked,
		/// The guarantee is live: revoke it first.
		GuaranteeNotRevoked,
		/// The revocation notice has not passed yet.
		NoticeNotOver,
		/// Founders are roots of the tree: nobody vouches for them.
		FounderHasNoGuarantors,
		/// The ward has `MaxGuarantors` guarantees already.
		TooManyGuarantors,
		/// The guarantor has `MaxWards` wards already.
		TooManyWards,
		/// The member reached `MaxStrikes`: it may no longer vouch or judge.
		StruckOut,
		/// The member is leaving.
		MemberLeaving,
		/// The amount must be more than zero.
		ZeroAmount,
		/// Not enough free balance.
		InsufficientBalance,
		/// The deposit is smaller than the amount asked for.
		InsufficientDeposit,
		/// There are `MaxUnbondingChunks` withdrawals pending already.
		TooManyUnbondingChunks,
		/// Nothing has finished unbonding yet.
		NothingToWithdraw,
		/// An open claim freezes this: the deposit of a party it may charge, or a guarantee
		/// liable for it.
		FrozenByOpenClaim,
		/// Releasing this would leave the member's commitments uncovered.
		WouldUncoverCommitments,
		/// The member cannot leave while claims against it, or filed by it, are open: they must
		/// become final first.
		HasOpenClaims,
		/// A member cannot file a claim against itself.
		SelfClaim,
		/// The evidence is longer than `MaxEvidenceLen`.
		EvidenceTooLong,
		/// There is no such claim.
		UnknownClaim,
		/// Only the respondent may do this.
		NotRespondent,
		/// Only a party (claimant or respondent) may do this.
		NotParty,
		/// The claim is final.
		ClaimFinal,
		/// The claim is not in a phase that allows this.
		WrongPhase,
		/// The claim was contested already, or acknowledged, or has a decision waiting for an
		/// appeal (appeal first, then contest), or its arbiters have decided.
		CannotContest,
		/// The respondent counter-claimed: it cannot also acknowledge the claim.
		CounterClaimed,
		/// Acknowledging found nothing to pay with: no deposit, and no free balance allowed.
		NothingToPay,
		/// A counter-claim verdict on a claim with no counter-claim.
		NoCounterClaim,
		/// The member has no strikes.
		NoStrikes,
		/// The member's strikes have not lapsed yet.
		StrikesNotLapsed,
		/// The caller is not on the current panel.
		NotPanelist,
		/// The panelist voted already.
		AlreadyVoted,
		/// The council member is a party to the claim, or sat on one of its panels: it cannot
		/// arbitrate it.
		InvolvedArbiter,
		/// The arbiters decided already; the decision is applied at the next block.
		AlreadyDecided,
		/// An upheld amount must be more than zero and at most the amount claimed (or
		/// counter-claimed).
		InvalidAmount,
		/// There is no debt to this creditor.
		NoDebt,
		/// Every period must be at least one block.
		InvalidTiming,
		/// A counter or sum would overflow.
		Overflow,
		/// Internal bookkeeping disagrees with itself; please report this (it is logged, and
		/// fails tests and try-runtime checks).
		Inconsistent,
		/// The member cannot leave while it guarantees members: it revokes those guarantees
		/// and releases them after the notice first.
		HasWards,
		/// The member cannot leave while it owes compensation it could not pay: it repays
		/// first.
		HasDebt,
		/// The member cannot leave while agreements count on its coverage: they must end
		/// first.
		HasCommitments,
		/// A change of the periods must give at least one period.
		NoTimingChange,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Processes the claims whose deadlines fell due, within `DeadlineWeight`.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::process_deadlines(now, T::DeadlineWeight::get())
		}

		/// Prunes final claims whose retention ended, with the block's spare weight.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::process_prunings(now, remaining)
		}

		fn integrity_test() {
			assert!(T::MinGuarantors::get() >= 1, "MinGuarantors must be at least 1");
			assert!(
				T::MaxGuarantors::get() >= T::MinGuarantors::get(),
				"MaxGuarantors must allow MinGuarantors"
			);
			assert!(T::MaxPanelSize::get() >= 1, "MaxPanelSize must be at least 1");
			assert!(T::MaxEscalationLevels::get() >= 1, "MaxEscalationLevels must be at least 1");
			assert!(T::MaxArbiters::get() >= 2, "MaxArbiters must allow a majority of two");
			assert!(
				Pallet::<T>::ensure_valid_timing(&Pallet::<T>::default_timing()).is_ok(),
				"every default period must be positive"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add a founder: a root of the guarantor tree, active without guarantors.
		///
		/// The origin must be `FounderOrigin`. `who` must not be a member or candidate yet.
		/// Emits `FounderAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_founder())]
		pub fn add_founder(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::FounderOrigin::ensure_origin(origin)?;
			Self::do_add_founder(&who)
		}

		/// Guarantee `ward` for `amount`, held from the caller's free balance.
		///
		/// The caller must be an active member with fewer than `MaxStrikes` strikes; `amount`
		/// at least `MinGuarantee`; one guarantee per guarantor and ward. `ward` becomes a
		/// candidate if it was not one, and an active member once it has `MinGuarantors` live
		/// guarantees. Emits `Vouched`, and `MemberAdmitted` or `MemberReinstated` when it
		/// tips the ward over.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vouch())]
		pub fn vouch(
			origin: OriginFor<T>,
			ward: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			Self::do_vouch(&guarantor, &ward, amount)
		}

		/// Add `extra` to the caller's live guarantee for `ward`.
		///
		/// A guarantee that payouts depleted below `MinGuarantee` counts toward the ward again
		/// once topped up to it. What is added is not liable for claims already open. Emits
		/// `GuaranteeIncreased` (and `MemberReinstated` when it brings the ward back).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::increase_guarantee())]
		pub fn increase_guarantee(
			origin: OriginFor<T>,
			ward: T::AccountId,
			extra: BalanceOf<T>,
		) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			Self::do_increase_guarantee(&guarantor, &ward, extra)
		}

		/// Revoke the caller's guarantee for `ward`.
		///
		/// It stops counting toward the ward's coverage and membership at once (the ward may be
		/// suspended), but stays liable for claims until it is released, no sooner than
		/// `RevocationNotice` blocks from now. Emits `GuaranteeRevoked`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::revoke_guarantee())]
		pub fn revoke_guarantee(origin: OriginFor<T>, ward: T::AccountId) -> DispatchResult {
			let guarantor = ensure_signed(origin)?;
			Self::do_revoke_guarantee(&guarantor, &ward)
		}

		/// Release a revoked guarantee whose notice is over, returning the funds to the
		/// guarantor. Anyone may call it.
		///
		/// Fails while the guarantee is liable for an open claim (at any level the claim has
		/// reached), or while the ward's commitments would exceed its coverage. Emits
		/// `GuaranteeReleased`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::release_guarantee())]
		pub fn release_guarantee(
			origin: OriginFor<T>,
			guarantor: T::AccountId,
			ward: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_guarantee(&guarantor, &ward)
		}

		/// Add `amount` of the caller's free balance to its deposit.
		///
		/// Any member or candidate that is not leaving may deposit. Emits `Deposited`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(&who, amount)
		}

		/// Ask to withdraw `amount` of the caller's deposit.
		///
		/// It stops counting toward coverage at once and can be paid out with
		/// `withdraw_unbonded` after `UnbondingPeriod`; until then it stays liable. Fails while
		/// a claim against the caller is open. Emits `DepositUnbonding`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::withdraw_deposit())]
		pub fn withdraw_deposit(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_deposit(&who, amount)
		}

		/// Pay out the caller's withdrawals whose unbonding period is over.
		///
		/// Fails while a claim against the caller is open, or while its commitments would
		/// exceed its coverage. Emits `DepositWithdrawn`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded())]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(&who)
		}

		/// Leave the cooperative.
		///
		/// The caller must have no open claims (filed or against it), no wards, no debts and no
		/// commitments. Its whole deposit starts unbonding and its guarantees are revoked.
		/// Emits `MemberLeaving`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::leave(T::MaxGuarantors::get()))]
		pub fn leave(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let revoked = Self::do_leave(&who)?;
			Ok(Some(T::WeightInfo::leave(revoked)).into())
		}

		/// File a claim against `respondent` for `amount`.
		///
		/// The caller must be an active member; `ClaimBond` is held from it until the claim is
		/// final. `evidence` is a hash or URI (at most `MaxEvidenceLen` bytes); `agreement` the
		/// agreement concerned, if any. While the claim is open, the respondent's deposit and
		/// every guarantee standing for it now are frozen, and those guarantees are liable for
		/// it at their amounts now. The respondent's guarantors (at most `MaxPanelSize`, the
		/// largest first) judge it. Emits `ClaimFiled` and `LiabilityFixed`.
		#[pallet::call_index(9)]
		#[pallet::weight(<Pallet<T> as poruka_primitives::ClaimFiler<_, _>>::file_claim_weight())]
		pub fn file_claim(
			origin: OriginFor<T>,
			respondent: T::AccountId,
			amount: BalanceOf<T>,
			evidence: BoundedVec<u8, T::MaxEvidenceLen>,
			agreement: Option<AgreementId>,
		) -> DispatchResultWithPostInfo {
			let claimant = ensure_signed(origin)?;
			let id = Self::do_file_claim(
				&claimant,
				&respondent,
				amount,
				&evidence,
				agreement.map(ClaimSubject::Agreement),
				true,
			)?;
			Ok(Some(Self::filing_weight(id)).into())
		}

		/// Acknowledge a claim against the caller and pay it from the caller's own funds: its
		/// deposit first, then, with `use_free_balance`, its free balance.
		///
		/// What that pays reaches the claimant at once. If it covers the claim, the claim is
		/// paid and final; otherwise the rest goes on as an ordinary claim at its current level
		/// and phase: the guarantors' money moves only on a verdict, never on the parties'
		/// word. The respondent owes the claimant whatever is never paid. Not after a
		/// counter-claim. Emits `ClaimAcknowledged`, and `CompensationPaid` if it is paid in
		/// full.
		#[pallet::call_index(10)]
		#[pallet::weight(
			T::WeightInfo::acknowledge(T::MaxEscalationLevels::get())
				.max(T::WeightInfo::acknowledge_partial())
				.saturating_add(T::OnClaimFinal::on_claim_final_weight())
		)]
		pub fn acknowledge(
			origin: OriginFor<T>,
			claim: ClaimId,
			use_free_balance: bool,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			// `Some(level)`: paid in full, the claim became final at `level`.
			let weight = match Self::do_acknowledge(&who, claim, use_free_balance)? {
				Some(level) => T::WeightInfo::acknowledge(level)
					.saturating_add(T::OnClaimFinal::on_claim_final_weight()),
				None => T::WeightInfo::acknowledge_partial(),
			};
			Ok(Some(weight).into())
		}

		/// Contest a claim against the caller, once, at any level while a panel is voting or in
		/// arbitration: the dispute becomes two-sided.
		///
		/// The current level's panel is formed again with half its seats for each side's
		/// guarantors (its votes start over, with a fresh `DecisionPeriod`), and every level
		/// above seats both sides too. With `counter_claim`, the respondent claims its own loss
		/// from the same deal: a verdict may then find the claimant at fault
		/// (`CounterUphold`), paid from the claimant's deposit and guarantees; `ClaimBond` is
		/// held from the respondent for it, and the claimant's guarantees are liable from
		/// now on. Emits `ClaimContested` (and `LiabilityFixed` for a counter-claim).
		#[pallet::call_index(11)]
		#[pallet::weight(
			T::WeightInfo::contest(T::MaxGuarantors::get())
				.saturating_add(T::WeightInfo::open_arbitration())
		)]
		pub fn contest(
			origin: OriginFor<T>,
			claim: ClaimId,
			counter_claim: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let claimant = Self::do_contest(&who, claim, counter_claim)?;
			// Charged for the claimant's guarantees: those seated and, on a counter-claim, liable;
			// and for seating (or unseating) arbiters if the claim is in arbitration.
			let guarantees = Members::<T>::get(&claimant).map_or(0, |m| m.guarantors);
			let weight = T::WeightInfo::contest(guarantees.max(T::MinGuarantors::get()));
			Ok(Some(weight.saturating_add(Self::arbitration_weight(claim))).into())
		}

		/// Vote on a claim as a panelist of its current level: `Uphold` (the respondent is at
		/// fault), `Reject`, or, on a counter-claim, `CounterUphold` (the claimant is at fault).
		///
		/// A strict majority of the panel decides; an upheld amount is the median of the
		/// majority's amounts. When every panelist voted and no majority formed, the claim
		/// escalates at the next block. A vote takes one strike off a voter that is not struck
		/// out. Emits `Voted` (and `StrikeRemoved`), and `ClaimDecided` when the vote decides
		/// the level.
		///
		/// In arbitration, the arbiters (the council members uninvolved in the claim) vote the
		/// same way: a strict majority of them decides, and the decision is carried out at the
		/// next block (`ArbitrationDecided`, then `ClaimResolved`).
		#[pallet::call_index(12)]
		///
		/// Charged for what the vote did: most votes leave the level waiting for more and cost
		/// a fraction of the one that settles it.
		#[pallet::weight(Pallet::<T>::vote_weight(None))]
		pub fn vote(
			origin: OriginFor<T>,
			claim: ClaimId,
			verdict: Verdict<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let effect = Self::do_vote(&who, claim, verdict)?;
			Ok(Some(Self::vote_weight(Some(effect))).into())
		}

		/// Appeal a decision, as the claimant or the respondent, before its deadline.
		///
		/// Holds `AppealBond` times the current level from the appellant; the claim escalates
		/// to the next level (or to the arbiter). The bond returns if the final outcome goes the
		/// appellant's way, and goes to the other party otherwise. Emits `ClaimAppealed`.
		#[pallet::call_index(13)]
		#[pallet::weight(
			T::WeightInfo::appeal(T::MaxGuarantors::get())
				.saturating_add(T::WeightInfo::open_arbitration())
		)]
		pub fn appeal(origin: OriginFor<T>, claim: ClaimId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_appeal(&who, claim)?;
			let weight = T::WeightInfo::appeal(T::MaxGuarantors::get());
			Ok(Some(weight.saturating_add(Self::arbitration_weight(claim))).into())
		}

		/// Resolve a claim in arbitration, finally. The origin must be `ArbiterOrigin`.
		///
		/// Emits `ClaimResolved`, then `CompensationPaid` (by the side at fault) or
		/// `ClaimRejected`.
		#[pallet::call_index(14)]
		#[pallet::weight(
			T::WeightInfo::resolve(T::MaxEscalationLevels::get())
				.saturating_add(T::OnClaimFinal::on_claim_final_weight())
		)]
		pub fn resolve(
			origin: OriginFor<T>,
			claim: ClaimId,
			verdict: Verdict<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			T::ArbiterOrigin::ensure_origin(origin)?;
			let level = Self::do_resolve(claim, verdict)?;
			let weight = T::WeightInfo::resolve(level)
				.saturating_add(T::OnClaimFinal::on_claim_final_weight());
			Ok(Some(weight).into())
		}

		/// Repay `amount` (at most what is owed) of the caller's debt to `creditor`.
		///
		/// Emits `DebtRepaid`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::repay())]
		pub fn repay(
			origin: OriginFor<T>,
			creditor: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let debtor = ensure_signed(origin)?;
			Self::do_repay(&debtor, &creditor, amount)
		}

		/// Set the rules' periods: decision, appeal, unbonding, revocation notice, strike lapse
		/// and retention (of final claims, and of closed agreements). The origin must be
		/// `TimingOrigin`. Deadlines already set, and prunings already queued, keep their blocks.
		///
		/// Emits `TimingSet`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::set_timing())]
		pub fn set_timing(origin: OriginFor<T>, timing: TimingOf<T>) -> DispatchResult {
			T::TimingOrigin::ensure_origin(origin)?;
			Self::ensure_valid_timing(&timing)?;
			CurrentTiming::<T>::put(timing);
			Self::deposit_event(Event::TimingSet { timing });
			Ok(())
		}

		/// Change some of the rules' periods: each one given replaces the one in force when the
		/// call executes, those left out (`None`) stay as they are then. The origin must be
		/// `TimingOrigin`. Deadlines already set, and prunings already queued, keep their
		/// blocks. Unlike `set_timing`, which states all seven, two council motions open at once
		/// that change different periods do not undo each other.
		///
		/// Emits `TimingSet` with every period now in force.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::change_timing())]
		pub fn change_timing(origin: OriginFor<T>, changes: TimingChangesOf<T>) -> DispatchResult {
			T::TimingOrigin::ensure_origin(origin)?;
			let timing = Self::timing().changed_by(&changes).ok_or(Error::<T>::NoTimingChange)?;
			Self::ensure_valid_timing(&timing)?;
			CurrentTiming::<T>::put(timing);
			Self::deposit_event(Event::TimingSet { timing });
			Ok(())
		}

		/// Clear `who`'s strikes once they have lapsed (`strike_lapse` blocks after its last
		/// strike). Anyone may call it.
		///
		/// A member that was struck out may vouch and judge again, and its guarantees count
		/// toward its wards' membership again. Emits `StrikesCleared` (and `MemberReinstated`
		/// for wards that regain enough guarantees).
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::clear_strikes(T::MaxWards::get()))]
		pub fn clear_strikes(
			origin: OriginFor<T>,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let wards = Self::do_clear_strikes(&who)?;
			Ok(Some(T::WeightInfo::clear_strikes(wards)).into())
		}
	}
}
