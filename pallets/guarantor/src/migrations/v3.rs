//! Storage version 2 → 3: a deadline queue that never refuses an entry, and retention.
//!
//! - `Deadlines` was a map from a block to a bounded list of claims (a full block made the
//!   next ones spill, and past 16 full blocks scheduling failed). It is now the shared queue of
//!   `poruka_primitives::queue`: entries by `(block, index)` (`Deadlines`), each block's range
//!   (`DeadlineRanges`), and the same `DeadlineCursor`.
//! - `Claim::deadline` was the block; it is now the slot `(block, index)`, so that a deadline
//!   can be taken off the queue in one step.
//! - `Timing` gained `retention` (the runtime's `Retention`), and every final claim is queued
//!   for pruning when its retention ends, counted from the upgrade.
//!
//! The queue is rebuilt from the claims: every open claim with a deadline is queued once, at its
//! deadline's block and, within it, in the order of the old list (the old lists could hold
//! stale or repeated ids; those are dropped). Version 2's contest left the index entries of
//! the panelists it dropped behind; they are removed, so that pruning a claim removes all of
//! its index. The pruning queue starts at the upgrade's block. One block, every claim once:
//! fine for today's chains.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	Twox64Concat,
};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{ClaimId, ClaimOf, Claims, DeadlineQueue, Pallet, PruningCursor, Slot};
// The index as it was keyed until version 5.
use super::v5::v4::ClaimsByAccount;
use alloc::collections::BTreeMap;

/// The records as storage version 2 kept them.
pub mod v2 {
	pub use super::super::v2::{Claim, Claims, Timing};
	use super::*;
	use crate::Config;

	/// The version-2 deadline lists, by block (their bound no longer matters to decode them).
	#[frame_support::storage_alias]
	pub type Deadlines<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, BlockNumberFor<T>, Vec<ClaimId>>;
}

/// The periods as storage version 3 keeps them (version 4 added `arbitration_period`).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Timing<BlockNumber> {
	pub decision_period: BlockNumber,
	pub appeal_period: BlockNumber,
	pub unbonding_period: BlockNumber,
	pub revocation_notice: BlockNumber,
	pub strike_lapse: BlockNumber,
	pub retention: BlockNumber,
}

/// The periods as storage version 3 keeps them.
#[frame_support::storage_alias]
pub type CurrentTiming<T: crate::Config> = StorageValue<Pallet<T>, Timing<BlockNumberFor<T>>>;

/// The migration's work, without the version check: use [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(PhantomData<T>);

/// Migrates the guarantor pallet's storage from version 2 to 3, once.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: crate::Config> InnerMigrateV2ToV3<T> {
	/// The deadlines of the version-2 open claims, `(claim, block)` sorted (the `pre_upgrade`
	/// check, also used by the tests).
	pub fn pre_check() -> Result<Vec<(ClaimId, BlockNumberFor<T>)>, sp_runtime::TryRuntimeError> {
		let mut due: Vec<_> = v2::Claims::<T>::iter()
			.filter(|(_, claim)| !claim.phase.is_final())
			.filter_map(|(id, claim)| claim.deadline.map(|block| (id, block)))
			.collect();
		due.sort();
		Ok(due)
	}

	/// Every deadline is queued at the same block, where its claim's record says, and nothing
	/// else (the `post_upgrade` check, also used by the tests).
	pub fn post_check(
		before: Vec<(ClaimId, BlockNumberFor<T>)>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(3),
			"the storage version is not 3"
		);
		let mut after: Vec<_> =
			DeadlineQueue::<T>::entries().map(|(slot, id)| (id, slot.block)).collect();
		after.sort();
		ensure!(after == before, "deadlines were lost or moved");
		for (id, block) in after {
			let claim = Claims::<T>::get(id).ok_or("a queued deadline's claim is gone")?;
			ensure!(claim.deadline_block() == Some(block), "a claim's deadline slot is off");
		}
		// The pallet's invariants are those of the last version: `MigrateV3ToV4` checks them.
		Ok(())
	}
}

impl<T: crate::Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		// Where each id sat in the old lists: `(block, place)`, to keep the order.
		let mut places: BTreeMap<ClaimId, Vec<(BlockNumberFor<T>, usize)>> = BTreeMap::new();
		for (block, ids) in v2::Deadlines::<T>::drain() {
			reads += 1;
			writes += 1;
			for (place, id) in ids.into_iter().enumerate() {
				places.entry(id).or_default().push((block, place));
			}
		}
		// Every open claim with a deadline, queued once, oldest block first and in the old
		// order within it (a claim missing from the old lists goes last in its block).
		let mut due: Vec<(BlockNumberFor<T>, usize, ClaimId)> = v2::Claims::<T>::iter()
			.filter(|(_, claim)| !claim.phase.is_final())
			.filter_map(|(id, claim)| {
				let block = claim.deadline?;
				let place = places
					.get(&id)
					.and_then(|at| at.iter().find(|(b, _)| *b == block).map(|(_, place)| *place))
					.unwrap_or_else(|| {
						log::error!(target: "runtime::guarantor", "v3: claim {id}'s deadline was not queued; queuing it");
						usize::MAX
					});
				Some((block, place, id))
			})
			.collect();
		reads += due.len() as u64;
		due.sort();
		let slots: BTreeMap<ClaimId, Slot<BlockNumberFor<T>>> = due
			.into_iter()
			.map(|(block, _, id)| (id, DeadlineQueue::<T>::push(block, id)))
			.collect();
		reads += 2 * slots.len() as u64;
		writes += 2 * slots.len() as u64;

		CurrentTiming::<T>::translate::<v2::Timing<BlockNumberFor<T>>, _>(|old| {
			old.map(|old| Timing {
				decision_period: old.decision_period,
				appeal_period: old.appeal_period,
				unbonding_period: old.unbonding_period,
				revocation_notice: old.revocation_notice,
				strike_lapse: old.strike_lapse,
				retention: T::Retention::get(),
			})
		})
		.unwrap_or_else(|_| {
			log::error!(target: "runtime::guarantor", "v3: the periods did not decode; defaults apply");
			None
		});
		reads += 1;
		writes += 1;

		let mut finals = Vec::new();
		Claims::<T>::translate::<v2::Claim<T>, _>(|id, old| {
			if old.phase.is_final() {
				finals.push(id);
			}
			reads += 1;
			writes += 1;
			let deadline = slots.get(&id).copied();
			Some(ClaimOf::<T> {
				claimant: old.claimant,
				respondent: old.respondent,
				amount: old.amount,
				evidence: old.evidence,
				agreement: old.agreement,
				filed_at: old.filed_at,
				contest: old.contest,
				acknowledged: old.acknowledged,
				phase: old.phase,
				deadline,
				levels: old.levels,
				bonds: old.bonds,
			})
		});
		// The index keeps the parties and the panelists still seated, and nothing of claims that
		// are gone.
		let stale: Vec<_> = ClaimsByAccount::<T>::iter_keys()
			.filter(|(who, id)| {
				Claims::<T>::get(id).is_none_or(|claim| {
					*who != claim.claimant
						&& *who != claim.respondent
						&& !claim.levels.iter().flatten().any(|seat| seat.who == *who)
				})
			})
			.collect();
		reads += stale.len() as u64;
		writes += stale.len() as u64;
		for (who, id) in stale {
			ClaimsByAccount::<T>::remove(who, id);
		}
		// Final claims are readable for a retention period from now: pruning starts here.
		PruningCursor::<T>::put(frame_system::Pallet::<T>::block_number());
		writes += 1;
		for id in finals {
			Pallet::<T>::schedule_pruning(id);
			reads += 2;
			writes += 2;
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|queued| queued.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Vec::<(ClaimId, BlockNumberFor<T>)>::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade deadlines"))?;
		Self::post_check(before)
	}
}
