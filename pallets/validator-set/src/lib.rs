//! # Validator set pallet
//!
//! Who produces and finalizes blocks: members the council seats.
//!
//! - The **council** seats a validator ([`add_validator`]) and unseats one
//!   ([`remove_validator`]). A validator must be an active member when seated; the set is never
//!   empty and holds at most `MaxValidators`.
//! - A validator's **session keys** (Aura and GRANDPA) are its own business: it sets them with
//!   `session.setKeys`, before or after it is seated; a seated validator without keys is left
//!   out of the sessions until it sets them.
//! - At each **session boundary** `pallet-session` asks this pallet for the validators of the
//!   session after the next ([`SessionManager`]): the seated validators that are still active
//!   members. A validator that was suspended or left is dropped from the set there
//!   (`ValidatorDropped`). Aura and GRANDPA follow the session's validators, so a change made
//!   during session `n` takes effect at the start of session `n + 2`, and GRANDPA's authority
//!   set changes with it.
//! - The **session length** is a genesis parameter (`session_period`, in blocks).
//!
//! Why a pallet of our own (docs/validator.md): the SDK's session pallet needs a
//! `SessionManager`, and the SDK's only one is staking, which elects by stake; a cooperative
//! seats validators by a council decision and by membership.
//!
//! [`add_validator`]: Pallet::add_validator
//! [`remove_validator`]: Pallet::remove_validator
//! [`SessionManager`]: pallet_session::SessionManager
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod seats;
pub mod session;
#[cfg(test)]
mod tests;
pub mod weights;

pub use session::SessionPeriod;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_staking::SessionIndex;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The session length when the genesis does not give one: an hour of 6 s blocks.
	pub const DEFAULT_SESSION_PERIOD: u32 = 600;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is an active member now (the guarantor pallet, through the runtime).
		type ActiveMembers: Contains<Self::AccountId>;

		/// Who seats and unseats validators: the council.
		type CouncilOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most validators there may be (no more than Aura's and GRANDPA's
		/// `MaxAuthorities`).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The weights of the calls.
		type WeightInfo: WeightInfo;

		/// Makes accounts active members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: poruka_primitives::MakeActiveMember<Self::AccountId>;
	}

	/// The seated validators, sorted: the sessions' validators are those of them that are
	/// active members with session keys.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The validators last handed to `pallet-session` (for the session after the current one).
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The length of a session, in blocks.
	#[pallet::storage]
	pub type Period<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The validators at genesis (their keys go in the session pallet's genesis).
		pub validators: Vec<T::AccountId>,
		/// The length of a session in blocks (`None`: [`DEFAULT_SESSION_PERIOD`]).
		pub session_period: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut validators = self.validators.clone();
			validators.sort();
			validators.dedup();
			let validators = BoundedVec::try_from(validators)
				.expect("the genesis validators are within MaxValidators");
			Validators::<T>::put(validators);
			if let Some(period) = self.session_period {
				assert!(!period.is_zero(), "a session lasts at least one block");
				Period::<T>::put(period);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council seated `who`: it validates from the session after the next, once its
		/// session keys are set.
		ValidatorAdded { who: T::AccountId },
		/// The council unseated `who`: it stops validating at the session after the next.
		ValidatorRemoved { who: T::AccountId },
		/// `who` is no longer an active member and was unseated at a session boundary.
		ValidatorDropped { who: T::AccountId },
		/// `validators` will validate from session `session`.
		ValidatorsPlanned { session: SessionIndex, validators: Vec<T::AccountId> },
		/// No seated validator is an active member any more: the sessions keep the validators
		/// they have until the council seats members.
		NoActiveValidators { session: SessionIndex },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active member may be seated as a validator.
		NotActiveMember,
		/// That account is a validator already.
		AlreadyValidator,
		/// That account is not a validator.
		NotValidator,
		/// The set holds `MaxValidators` validators already.
		TooManyValidators,
		/// The last validator cannot be unseated: the chain would stop.
		LastValidator,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Seat `who` as a validator. The origin must be `CouncilOrigin` (the council); `who`
		/// must be an active member, not seated, and the set below `MaxValidators`. It
		/// validates from the session after the next, once its session keys are set
		/// (`session.setKeys`). Emits `ValidatorAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_add(who)
		}

		/// Unseat the validator `who`. The origin must be `CouncilOrigin` (the council); the
		/// last validator stays. It stops validating at the session after the next. Emits
		/// `ValidatorRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::CouncilOrigin::ensure_origin(origin)?;
			Self::do_remove(&who)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
