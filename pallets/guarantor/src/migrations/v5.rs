//! Storage version 4 → 5: the per-account claim index lists newest first, and the cooperative
//! is counted.
//!
//! Version 4 keyed `ClaimsByAccount` by `Twox64Concat` claim id: iterating an account's entries
//! gave its claims in hash order, so `claims_of` read the first 256 it met and, for an account
//! with more (a council member who arbitrates many claims, a member flooded with claims), listed
//! an arbitrary 256 and could leave out the newest. Version 5 keys them by
//! [`NewestFirst`](crate::NewestFirst) (`u32::MAX - id`, big-endian, unhashed), so a listing
//! starts at the newest and goes on from any claim (`claims_of(who, before)`).
//!
//! Version 5 also keeps `MemberCount` (member records by status) and `OpenClaims`, so that
//! the cooperative's size is known without reading every member (`guarantor_summary`); the
//! migration counts them once.
//!
//! The migration re-keys every entry: one block, every entry read and written once (claims
//! are pruned after their retention, so there are only those open or recently final, times
//! the accounts involved in each). Entries already in the new layout are left alone: the
//! version-4 migration, run in the same upgrade from version 3, seats arbiters through
//! today's code. Counting reads every member record once: fine for today's chains (the dev and
//! test networks); a chain of hundreds of thousands of members would need it stepped over
//! blocks (`pallet-migrations`), and so would the re-keying.

use alloc::vec::Vec;
use codec::Decode;
#[cfg(feature = "try-runtime")]
use codec::Encode;
use core::marker::PhantomData;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
use frame_support::{
	ensure,
	traits::{GetStorageVersion, StorageVersion},
};
use frame_support::{
	migrations::VersionedMigration,
	storage::{KeyPrefixIterator, StoragePrefixedMap},
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	Blake2_128Concat, ReversibleStorageHasher, Twox64Concat,
};

use crate::{
	ClaimId, Claims, ClaimsByAccount, Config, MemberCount, MemberCounts, Members, NewestFirst,
	OpenClaims, Pallet,
};

/// The records as storage version 4 (and every version before it) kept them.
pub mod v4 {
	use super::*;
	use frame_support::storage_alias;

	/// The per-account claim index, keyed by `Twox64Concat` claim id.
	#[storage_alias]
	pub type ClaimsByAccount<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Twox64Concat,
		ClaimId,
		(),
	>;
}

/// The migration's work, without the version check: use [`MigrateV4ToV5`].
pub struct InnerMigrateV4ToV5<T>(PhantomData<T>);

/// Migrates the guarantor pallet's storage from version 4 to 5, once.
pub type MigrateV4ToV5<T> = VersionedMigration<
	4,
	5,
	InnerMigrateV4ToV5<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// An index entry: an account and a claim it is involved in.
pub type Entry<T> = (<T as frame_system::Config>::AccountId, ClaimId);

/// Which layout an index key was written in.
#[derive(PartialEq)]
enum Layout {
	/// Version 4's: the claim id `Twox64Concat`-hashed.
	Old,
	/// Version 5's: [`NewestFirst`].
	New,
}

impl<T: Config> InnerMigrateV4ToV5<T> {
	/// Every entry of the index, with the layout of its key (keys of neither layout are
	/// skipped with an error in the log).
	fn raw_entries() -> impl Iterator<Item = (Entry<T>, Layout)> {
		let prefix = ClaimsByAccount::<T>::final_prefix().to_vec();
		KeyPrefixIterator::new(prefix.clone(), prefix, |raw| {
			let mut rest = Blake2_128Concat::reverse(raw);
			let who = T::AccountId::decode(&mut rest)?;
			match rest.len() {
				12 => {
					let mut id = Twox64Concat::reverse(rest);
					Ok(((who, ClaimId::decode(&mut id)?), Layout::Old))
				}
				4 => Ok(((who, NewestFirst::decode(&mut rest)?.id()), Layout::New)),
				_ => Err("an index key of neither layout".into()),
			}
		})
	}
}

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV4ToV5<T> {
	/// The entries the index holds, in either layout, sorted (the `pre_upgrade` check, also
	/// used by the tests).
	pub fn pre_check() -> Result<Vec<Entry<T>>, sp_runtime::TryRuntimeError> {
		let mut entries: Vec<Entry<T>> = Self::raw_entries().map(|(entry, _)| entry).collect();
		entries.sort();
		Ok(entries)
	}

	/// The index holds the same entries, all in the new layout, and the pallet's invariants
	/// hold (the `post_upgrade` check, also used by the tests).
	pub fn post_check(before: Vec<Entry<T>>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(5),
			"the storage version is not 5"
		);
		ensure!(
			Self::raw_entries().all(|(_, layout)| layout == Layout::New),
			"an index entry is still in the old layout"
		);
		let mut after: Vec<Entry<T>> =
			ClaimsByAccount::<T>::iter_keys().map(|(who, key)| (who, key.id())).collect();
		after.sort();
		ensure!(after == before, "the index lost or gained entries");
		Pallet::<T>::do_try_state()
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV4ToV5<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut reads = 0u64;
		// Collected first: the old and new keys share the map's prefix.
		let old: Vec<Entry<T>> = Self::raw_entries()
			.filter_map(|(entry, layout)| {
				reads += 1;
				(layout == Layout::Old).then_some(entry)
			})
			.collect();
		let mut writes = 2 * old.len() as u64;
		for (who, id) in old {
			v4::ClaimsByAccount::<T>::remove(&who, id);
			ClaimsByAccount::<T>::insert(&who, NewestFirst::new(id), ());
		}

		let mut counts = MemberCounts::default();
		for member in Members::<T>::iter_values() {
			reads += 1;
			let count = counts.of(member.status);
			*count = count.saturating_add(1);
		}
		MemberCount::<T>::put(counts);
		let open = Claims::<T>::iter_values()
			.filter(|claim| {
				reads += 1;
				!claim.phase.is_final()
			})
			.count() as u32;
		OpenClaims::<T>::put(open);
		writes += 2;
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
