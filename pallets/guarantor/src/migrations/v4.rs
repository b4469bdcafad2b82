//! Storage version 3 → 4: arbitration with arbiters and a deadline.
//!
//! - `Timing` gained `arbitration_period` (the runtime's `ArbitrationPeriod`).
//! - A claim in arbitration had no deadline: it waited for `ArbiterOrigin` for ever, holding
//!   the parties' bonds and freezing the liable guarantees. Every such claim now gets its
//!   arbitration opened as if it had just arrived: the council members uninvolved in it seated
//!   as arbiters, the standing verdict fixed from its panels, and a deadline an arbitration
//!   period from the upgrade (the next block with fewer than two arbiters).
//! - `ClaimPhase` gained `Dismissed` at the end, and `ClaimOutcome` likewise: no stored value
//!   changes its encoding.
//!
//! One block, every claim read once: fine for today's chains.

use alloc::vec::Vec;
#[cfg(feature = "try-runtime")]
use codec::{Decode, Encode};
use core::marker::PhantomData;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
use frame_support::{
	ensure,
	traits::{GetStorageVersion, StorageVersion},
};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

#[cfg(any(feature = "try-runtime", feature = "std", test))]
use crate::ClaimId;
use crate::{Arbitrations, ClaimPhase, Claims, Config, DeadlineQueue, Pallet};

/// The records as storage version 3 kept them.
pub mod v3 {
	pub use super::super::v3::{CurrentTiming, Timing};
}

/// The migration's work, without the version check: use [`MigrateV3ToV4`].
pub struct InnerMigrateV3ToV4<T>(PhantomData<T>);

/// Migrates the guarantor pallet's storage from version 3 to 4, once.
pub type MigrateV3ToV4<T> = VersionedMigration<
	3,
	4,
	InnerMigrateV3ToV4<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV3ToV4<T> {
	/// The claims in arbitration before the upgrade (the `pre_upgrade` check, also used by the
	/// tests).
	pub fn pre_check() -> Result<Vec<ClaimId>, sp_runtime::TryRuntimeError> {
		let mut waiting: Vec<ClaimId> = Claims::<T>::iter()
			.filter(|(_, claim)| claim.phase == ClaimPhase::Arbitration)
			.map(|(id, _)| id)
			.collect();
		waiting.sort();
		Ok(waiting)
	}

	/// Every claim that was in arbitration has its arbiters and a queued deadline (the
	/// `post_upgrade` check, also used by the tests; the pallet's invariants are today's, checked
	/// once the last migration ran).
	pub fn post_check(waiting: Vec<ClaimId>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(4),
			"the storage version is not 4"
		);
		for id in waiting {
			let claim = Claims::<T>::get(id).ok_or("a claim in arbitration is gone")?;
			ensure!(Arbitrations::<T>::contains_key(id), "a claim in arbitration has no arbiters");
			let slot = claim.deadline.ok_or("a claim in arbitration has no deadline")?;
			ensure!(DeadlineQueue::<T>::contains(slot), "an arbitration deadline is not queued");
		}
		Ok(())
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (1u64, 1u64);
		crate::CurrentTiming::<T>::translate::<v3::Timing<BlockNumberFor<T>>, _>(|old| {
			old.map(|old| crate::Timing {
				decision_period: old.decision_period,
				appeal_period: old.appeal_period,
				unbonding_period: old.unbonding_period,
				revocation_notice: old.revocation_notice,
				strike_lapse: old.strike_lapse,
				retention: old.retention,
				arbitration_period: T::ArbitrationPeriod::get(),
			})
		})
		.unwrap_or_else(|_| {
			log::error!(target: "runtime::guarantor", "v4: the periods did not decode; defaults apply");
			None
		});

		let waiting: Vec<_> = Claims::<T>::iter()
			.filter(|(id, claim)| {
				reads += 1;
				claim.phase == ClaimPhase::Arbitration && !Arbitrations::<T>::contains_key(id)
			})
			.collect();
		for (id, mut claim) in waiting {
			match Pallet::<T>::open_arbitration(id, &claim) {
				Ok(due) => {
					claim.deadline = Some(DeadlineQueue::<T>::push(due, id));
					Claims::<T>::insert(id, claim);
				}
				Err(error) => {
					log::error!(target: "runtime::guarantor", "v4: claim {id}'s arbitration could not open: {error:?}");
				}
			}
			// The council, each council member's membership, the claim's index entries, the
			// queue and the records.
			reads += 3 + T::MaxArbiters::get() as u64;
			writes += 4 + T::MaxArbiters::get() as u64;
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|waiting| waiting.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let waiting = Vec::<ClaimId>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade claims"))?;
		Self::post_check(waiting)
	}
}
