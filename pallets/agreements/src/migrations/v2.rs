//! Storage version 1 → 2: a task queue that never refuses a task, storage deposits and
//! retention.
//!
//! `Tasks` was a map from a block to a bounded list of `(agreement, task)` (a full block made
//! the next ones spill, and past 16 full blocks scheduling failed with `ScheduleFull`). It is
//! now the shared queue of `poruka_primitives::queue`: entries by `(block, index)` (`Tasks`),
//! each block's range (`TaskRanges`), and the same `TaskCursor`.
//!
//! The old lists held tasks that had spilled past their block, and tasks whose agreement had
//! moved on. The queue is rebuilt from the agreements instead: every task still to come
//! (`Pallet::pending_tasks`) is queued once, at the block it is due (or the next block to be
//! processed, if that one is past).
//!
//! `Agreement` gained `deposit`: agreements proposed before the upgrade hold none (their
//! proposers are not charged after the fact). Every closed agreement is queued for pruning
//! when its retention ends, counted from the upgrade. One block, every agreement once.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration, pallet_prelude::*, traits::UncheckedOnRuntimeUpgrade,
	weights::Weight, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound, Twox64Concat,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	AgreementId, AgreementOf, Config, ObligationRecordsOf, Pallet, PhaseOf, PruningQueue,
	ScheduledTask, TaskQueue,
};

/// A version-1 agreement: no deposit.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Agreement<T: Config> {
	pub proposer: T::AccountId,
	pub parties: BoundedVec<T::AccountId, T::MaxParties>,
	pub accepted: u32,
	pub cancelling: u32,
	pub obligations: ObligationRecordsOf<T>,
	pub phase: PhaseOf<T>,
	pub proposed_at: BlockNumberFor<T>,
}

impl<T: Config> Agreement<T> {
	/// The agreement as version 2 keeps it, with no deposit.
	pub fn upgrade(self) -> AgreementOf<T> {
		AgreementOf::<T> {
			proposer: self.proposer,
			parties: self.parties,
			accepted: self.accepted,
			cancelling: self.cancelling,
			obligations: self.obligations,
			phase: self.phase,
			proposed_at: self.proposed_at,
			deposit: Zero::zero(),
		}
	}
}

/// Version-1 agreements.
#[frame_support::storage_alias]
pub type Agreements<T: Config> = StorageMap<Pallet<T>, Twox64Concat, AgreementId, Agreement<T>>;

/// The version-1 task lists, by block (their bound no longer matters to decode them).
#[frame_support::storage_alias]
pub type Tasks<T: Config> =
	StorageMap<Pallet<T>, Twox64Concat, BlockNumberFor<T>, Vec<(AgreementId, ScheduledTask)>>;

/// The migration's work, without the version check: use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(PhantomData<T>);

/// Migrates the agreements pallet's storage from version 1 to 2, once.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// A queued task and its block, for the checks.
pub type Queued<T> = (BlockNumberFor<T>, AgreementId, ScheduledTask);

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV1ToV2<T> {
	/// The tasks still to come, with their blocks, sorted (the `pre_upgrade` check, also used by
	/// the tests).
	pub fn pre_check() -> Result<Vec<Queued<T>>, sp_runtime::TryRuntimeError> {
		let cursor = crate::TaskCursor::<T>::get();
		let mut queued: Vec<_> = Agreements::<T>::iter()
			.flat_map(|(id, agreement)| {
				Pallet::<T>::pending_tasks(&agreement.upgrade())
					.into_iter()
					.map(move |(task, block)| (block.max(cursor), id, task))
			})
			.collect();
		queued.sort();
		Ok(queued)
	}

	/// Exactly the tasks still to come are queued, each at its block (the `post_upgrade` check,
	/// also used by the tests).
	pub fn post_check(before: Vec<Queued<T>>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
			"the storage version is not 2"
		);
		let mut after: Vec<_> =
			TaskQueue::<T>::entries().map(|(slot, (id, task))| (slot.block, id, task)).collect();
		after.sort();
		ensure!(after == before, "the tasks still to come are not queued as they should be");
		Pallet::<T>::do_try_state()
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		// The old lists go; what is still to come is queued again from the agreements.
		let old = Tasks::<T>::drain().count() as u64;
		let (mut reads, mut writes) = (old, old);
		let mut closed = Vec::new();
		crate::Agreements::<T>::translate::<Agreement<T>, _>(|id, old| {
			reads += 1;
			writes += 1;
			if old.phase.is_closed() {
				closed.push(id);
			}
			Some(old.upgrade())
		});
		// Pruning starts at the upgrade's block, not at block 0.
		let now = frame_system::Pallet::<T>::block_number();
		crate::PruningCursor::<T>::put(now);
		writes += 1;
		let at = now.saturating_add(T::Retention::get());
		for id in closed {
			PruningQueue::<T>::push(at, id);
			reads += 2;
			writes += 2;
		}
		for (id, agreement) in crate::Agreements::<T>::iter() {
			reads += 1;
			for (task, block) in Pallet::<T>::pending_tasks(&agreement) {
				TaskQueue::<T>::push(block, (id, task));
				reads += 2;
				writes += 2;
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|queued| queued.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<Queued<T>>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade tasks"))?;
		Self::post_check(before)
	}
}
