//! Storage version 5 → 6: a claim says what it concerns as a [`ClaimSubject`], an agreement or a
//! smart contract.
//!
//! Version 5 kept `agreement: Option<AgreementId>`; version 6 keeps
//! `subject: Option<ClaimSubject>`, so that a claim a contract files (through the Poruka
//! precompile) names the contract, and its outcome goes back to it. Every claim is rewritten
//! once, its agreement (if any) becoming `ClaimSubject::Agreement`. One block, every claim once
//! (claims are pruned after their retention, so only the open and recently final ones are
//! there): fine for today's chains; a chain with hundreds of thousands of claims in state would
//! step it over blocks (`pallet-migrations`).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use core::marker::PhantomData;
#[cfg(any(feature = "try-runtime", feature = "std", test))]
use frame_support::{
	ensure,
	traits::{GetStorageVersion, StorageVersion},
};
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound, Twox64Concat,
};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	AgreementId, BalanceOf, Bond, ClaimId, ClaimOf, ClaimPhase, ClaimSubject, Claims, Config,
	Contest, MaxBondsOf, Pallet, PanelOf, Slot,
};

/// The claims as storage version 5 (and every version since 3) kept them.
pub mod v5 {
	use super::*;

	/// A claim as version 5 keeps it: the agreement it concerns, if any.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		Encode,
		Decode,
		MaxEncodedLen,
		TypeInfo,
		DebugNoBound,
	)]
	#[scale_info(skip_type_params(T))]
	pub struct Claim<T: Config> {
		pub claimant: T::AccountId,
		pub respondent: T::AccountId,
		pub amount: BalanceOf<T>,
		pub evidence: BoundedVec<u8, T::MaxEvidenceLen>,
		pub agreement: Option<AgreementId>,
		pub filed_at: BlockNumberFor<T>,
		pub contest: Option<Contest<BalanceOf<T>>>,
		pub acknowledged: BalanceOf<T>,
		pub phase: ClaimPhase<BalanceOf<T>>,
		pub deadline: Option<Slot<BlockNumberFor<T>>>,
		pub levels: BoundedVec<PanelOf<T>, T::MaxEscalationLevels>,
		pub bonds: BoundedVec<Bond<T::AccountId, BalanceOf<T>>, MaxBondsOf<T>>,
	}

	/// Claims as version 5 keeps them.
	#[frame_support::storage_alias]
	pub type Claims<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ClaimId, Claim<T>>;
}

/// The migration's work, without the version check: use [`MigrateV5ToV6`].
pub struct InnerMigrateV5ToV6<T>(PhantomData<T>);

/// Migrates the guarantor pallet's storage from version 5 to 6, once.
pub type MigrateV5ToV6<T> = VersionedMigration<
	5,
	6,
	InnerMigrateV5ToV6<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// A claim's id and agreement, before the migration.
pub type Before = Vec<(ClaimId, Option<AgreementId>)>;

impl<T: Config> InnerMigrateV5ToV6<T> {
	/// The claim in the version-6 layout.
	fn migrate(old: v5::Claim<T>) -> ClaimOf<T> {
		ClaimOf::<T> {
			claimant: old.claimant,
			respondent: old.respondent,
			amount: old.amount,
			evidence: old.evidence,
			subject: old.agreement.map(ClaimSubject::Agreement),
			filed_at: old.filed_at,
			contest: old.contest,
			acknowledged: old.acknowledged,
			phase: old.phase,
			deadline: old.deadline,
			levels: old.levels,
			bonds: old.bonds,
		}
	}
}

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV5ToV6<T> {
	/// Every claim's id and agreement, sorted (the `pre_upgrade` check, also used by the
	/// tests). Fails if a claim does not decode in the version-5 layout.
	pub fn pre_check() -> Result<Before, sp_runtime::TryRuntimeError> {
		let ids: Vec<ClaimId> = v5::Claims::<T>::iter_keys().collect();
		let mut before = Vec::with_capacity(ids.len());
		for id in ids {
			let claim = v5::Claims::<T>::get(id).ok_or("a claim of another layout")?;
			before.push((id, claim.agreement));
		}
		before.sort();
		Ok(before)
	}

	/// The same claims, each referring to its agreement, and the pallet's invariants hold (the
	/// `post_upgrade` check, also used by the tests).
	pub fn post_check(before: Before) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(6),
			"the storage version is not 6"
		);
		let mut after: Before = Claims::<T>::iter()
			.map(|(id, claim)| (id, claim.subject.and_then(|r| r.agreement())))
			.collect();
		after.sort();
		ensure!(after == before, "claims or their agreements changed");
		ensure!(
			Claims::<T>::iter_values()
				.all(|claim| claim.subject.is_none_or(|r| r.contract().is_none())),
			"a migrated claim names a contract"
		);
		Pallet::<T>::do_try_state()
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV5ToV6<T> {
	fn on_runtime_upgrade() -> Weight {
		// Key by key rather than `translate`, which would drop a claim that does not decode:
		// such a claim is left as it is, loudly (try_state then reports it).
		let ids: Vec<ClaimId> = v5::Claims::<T>::iter_keys().collect();
		let (mut reads, mut writes) = (ids.len() as u64, 0u64);
		for id in ids {
			reads += 1;
			match v5::Claims::<T>::get(id) {
				Some(old) => {
					Claims::<T>::insert(id, Self::migrate(old));
					writes += 1;
				}
				None => {
					frame_support::defensive!("a claim not in the version-5 layout", id);
				}
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|before| before.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Before::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade claims"))?;
		Self::post_check(before)
	}
}
