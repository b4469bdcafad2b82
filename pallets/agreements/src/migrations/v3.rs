//! Storage version 2 → 3: the per-account index of agreements (`AgreementsByAccount`).
//!
//! Version 3 indexes every agreement under each of its parties when it is proposed, and takes
//! the entries out when it is pruned, so that a member's agreements are found without reading
//! every agreement (`agreements_of`). The migration indexes the agreements already in state:
//! one block, every agreement once (they are pruned after their retention, so there are only
//! the open ones and those closed within the retention period).

#[cfg(any(feature = "try-runtime", feature = "std", test))]
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

use crate::{AgreementId, Agreements, AgreementsByAccount, Config, NewestFirst, Pallet};

/// The migration's work, without the version check: use [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(PhantomData<T>);

/// Migrates the agreements pallet's storage from version 2 to 3, once.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// An index entry: a party and its agreement.
pub type Entry<T> = (<T as frame_system::Config>::AccountId, AgreementId);

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV2ToV3<T> {
	/// The entries the index must hold once migrated, sorted (the `pre_upgrade` check, also
	/// used by the tests).
	pub fn pre_check() -> Result<Vec<Entry<T>>, sp_runtime::TryRuntimeError> {
		let mut entries: Vec<Entry<T>> = Agreements::<T>::iter()
			.flat_map(|(id, agreement)| agreement.parties.into_iter().map(move |who| (who, id)))
			.collect();
		entries.sort();
		Ok(entries)
	}

	/// The index holds exactly the parties of the agreements (the `post_upgrade` check, also
	/// used by the tests).
	pub fn post_check(before: Vec<Entry<T>>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(3),
			"the storage version is not 3"
		);
		let mut after: Vec<Entry<T>> =
			AgreementsByAccount::<T>::iter_keys().map(|(who, key)| (who, key.id())).collect();
		after.sort();
		ensure!(after == before, "the index does not list exactly the agreements' parties");
		Pallet::<T>::do_try_state()
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		for (id, agreement) in Agreements::<T>::iter() {
			reads += 1;
			for who in agreement.parties.iter() {
				AgreementsByAccount::<T>::insert(who, NewestFirst::new(id), ());
				writes += 1;
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|entries| entries.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<Entry<T>>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade index"))?;
		Self::post_check(before)
	}
}
