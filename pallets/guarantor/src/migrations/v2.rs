//! Storage version 1 → 2: guarantees that hold.
//!
//! What changed in storage, and what the migration does:
//!
//! - `Guarantee` gained `liable_claims` and `paid_out` (both start at zero) and `since` (zero:
//!   every guarantee standing at the upgrade may seat its guarantor on any claim's panel).
//! - `MemberRecord` gained `strikes_lapse_at` (a member with strikes gets a full lapse period
//!   from the upgrade) and `countered_claims` (zero: version 1 had no counter-claims).
//! - `Timing` gained `strike_lapse` (the runtime's `StrikeLapse`).
//! - `Claim` replaced `contested` by `contest` (a version-1 contest happened at level 1 and had
//!   no counter-claim), gained `acknowledged` (zero), and its bonds gained a kind (the first is
//!   the claim bond, the others appeal bonds).
//! - The per-account claim index `ClaimsOf` is now called `ClaimsByAccount`.
//! - New: `Liabilities`. Every open claim gets the liabilities the new rules would have fixed:
//!   the respondent's guarantees at depth 1 and, for each level above, the guarantees that
//!   seated its respondent-side panelists, at their amounts at the upgrade; each is frozen.
//! - What counts toward a ward changed (a guarantee depleted below `MinGuarantee` counts for
//!   nothing; a struck-out guarantor's guarantee does not count toward membership), so every
//!   member's `live_guarantors` and `backing` are recounted, and its status re-evaluated.
//!
//! It runs in one block and touches every member, guarantee and claim: fine for the chains
//! that exist today (development and test networks); a chain with hundreds of thousands of
//! members would need it as a multi-block migration.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	Blake2_128Concat, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound, Twox64Concat,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

use crate::{
	AgreementId, BalanceOf, Bond, BondKind, ClaimId, ClaimPhase, Config, Contest, Guarantee,
	Guarantees, MaxBondsOf, MemberRecord, MemberStatus, Members, Pallet, PanelOf, Side,
};
// The index as it was keyed until version 5.
use super::v5::v4::ClaimsByAccount;

/// The records as storage version 1 kept them.
pub mod v1 {
	use super::*;

	/// A version-1 member record.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct MemberRecord<Balance, BlockNumber> {
		pub status: MemberStatus,
		pub founder: bool,
		pub deposit: Balance,
		pub unbonding: Balance,
		pub backing: Balance,
		pub live_guarantors: u32,
		pub guarantors: u32,
		pub wards: u32,
		pub strikes: u32,
		pub open_claims: u32,
		pub filed_claims: u32,
		pub debt: Balance,
		pub since: BlockNumber,
	}

	/// A version-1 guarantee.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Guarantee<Balance, BlockNumber> {
		pub amount: Balance,
		pub release_at: Option<BlockNumber>,
	}

	/// Version-1 periods.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Timing<BlockNumber> {
		pub decision_period: BlockNumber,
		pub appeal_period: BlockNumber,
		pub unbonding_period: BlockNumber,
		pub revocation_notice: BlockNumber,
	}

	/// A version-1 bond.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Bond<AccountId, Balance> {
		pub who: AccountId,
		pub amount: Balance,
	}

	/// A version-1 claim.
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
		pub contested: bool,
		pub phase: ClaimPhase<BalanceOf<T>>,
		pub deadline: Option<BlockNumberFor<T>>,
		pub levels: BoundedVec<PanelOf<T>, T::MaxEscalationLevels>,
		pub bonds: BoundedVec<Bond<T::AccountId, BalanceOf<T>>, MaxBondsOf<T>>,
	}

	/// Version-1 members.
	#[frame_support::storage_alias]
	pub type Members<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		MemberRecord<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Version-1 guarantees.
	#[frame_support::storage_alias]
	pub type Guarantees<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Guarantee<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Version-1 periods.
	#[frame_support::storage_alias]
	pub type CurrentTiming<T: Config> = StorageValue<Pallet<T>, Timing<BlockNumberFor<T>>>;

	/// Version-1 claims.
	#[frame_support::storage_alias]
	pub type Claims<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ClaimId, Claim<T>>;

	/// The version-1 name of the per-account claim index.
	#[frame_support::storage_alias]
	pub type ClaimsOf<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Twox64Concat,
		ClaimId,
		(),
	>;
}

/// A claim as storage version 2 keeps it (what this migration writes; version 3 made its
/// deadline a queue slot).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
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
	pub deadline: Option<BlockNumberFor<T>>,
	pub levels: BoundedVec<PanelOf<T>, T::MaxEscalationLevels>,
	pub bonds: BoundedVec<Bond<T::AccountId, BalanceOf<T>>, MaxBondsOf<T>>,
}

/// The periods as storage version 2 keeps them (version 3 added `retention`).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Timing<BlockNumber> {
	pub decision_period: BlockNumber,
	pub appeal_period: BlockNumber,
	pub unbonding_period: BlockNumber,
	pub revocation_notice: BlockNumber,
	pub strike_lapse: BlockNumber,
}

/// The periods as storage version 2 keeps them.
#[frame_support::storage_alias]
pub type CurrentTiming<T: Config> = StorageValue<Pallet<T>, Timing<BlockNumberFor<T>>>;

/// Claims as storage version 2 keeps them.
#[frame_support::storage_alias]
pub type Claims<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ClaimId, Claim<T>>;

/// The migration's work, without the version check: use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(PhantomData<T>);

/// Migrates the guarantor pallet's storage from version 1 to 2, once.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

impl<T: Config> InnerMigrateV1ToV2<T> {
	/// The respondent-side seats of `panel` whose seating guarantee still holds money.
	fn standing_seats(panel: &PanelOf<T>) -> impl Iterator<Item = (T::AccountId, T::AccountId)> {
		panel
			.iter()
			.filter(|seat| seat.side == Side::Respondent)
			.filter(|seat| {
				Guarantees::<T>::get(&seat.ward, &seat.who).is_some_and(|g| !g.amount.is_zero())
			})
			.map(|seat| (seat.who.clone(), seat.ward.clone()))
			.collect::<Vec<_>>()
			.into_iter()
	}
}

/// What `pre_upgrade` counts, for `post_upgrade` to compare.
#[derive(Encode, Decode, Debug, PartialEq, Eq)]
pub struct Counts {
	/// Member records.
	pub members: u32,
	/// Guarantees.
	pub guarantees: u32,
	/// Claims, and those not final.
	pub claims: u32,
	/// Claims not final.
	pub open_claims: u32,
	/// Per-account claim index entries.
	pub index: u32,
}

#[cfg(any(feature = "try-runtime", feature = "std", test))]
impl<T: Config> InnerMigrateV1ToV2<T> {
	/// Counts the version-1 state (the `pre_upgrade` check, also used by the tests).
	pub fn pre_check() -> Result<Counts, sp_runtime::TryRuntimeError> {
		let mut open_claims = 0u32;
		let mut claims = 0u32;
		for (_, claim) in v1::Claims::<T>::iter() {
			claims += 1;
			if !claim.phase.is_final() {
				open_claims += 1;
			}
		}
		Ok(Counts {
			members: v1::Members::<T>::iter().count() as u32,
			guarantees: v1::Guarantees::<T>::iter().count() as u32,
			claims,
			open_claims,
			index: v1::ClaimsOf::<T>::iter().count() as u32,
		})
	}

	/// Checks the migrated state against the counts taken before (the `post_upgrade` check,
	/// also used by the tests).
	pub fn post_check(before: Counts) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
			"the storage version is not 2"
		);
		ensure!(Members::<T>::iter().count() as u32 == before.members, "member records were lost");
		ensure!(
			Guarantees::<T>::iter().count() as u32 == before.guarantees,
			"guarantees were lost"
		);
		ensure!(Claims::<T>::iter().count() as u32 == before.claims, "claims were lost");
		ensure!(
			ClaimsByAccount::<T>::iter().count() as u32 == before.index,
			"claim index entries were lost"
		);
		ensure!(v1::ClaimsOf::<T>::iter().next().is_none(), "the old claim index remains");
		let fixed = |id, depth| {
			crate::Liabilities::<T>::get(id, (Side::Respondent, depth)).map_or(0, |l| l.len())
		};
		for (id, claim) in Claims::<T>::iter().filter(|(_, c)| !c.phase.is_final()) {
			let standing = Guarantees::<T>::iter_prefix(&claim.respondent)
				.filter(|(g, guarantee)| *g != claim.claimant && !guarantee.amount.is_zero())
				.count();
			ensure!(
				standing == fixed(id, 1),
				"an open claim's respondent guarantees are not liable"
			);
			for (level, panel) in claim.levels.iter().enumerate().skip(1) {
				ensure!(
					Self::standing_seats(panel).count() == fixed(id, level as u32 + 1),
					"an open claim's seating guarantees are not liable"
				);
			}
		}
		// The rest of the pallet's invariants are checked on the current version's types, after
		// every migration ran (`try_state`).
		Ok(())
	}
}

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);

		CurrentTiming::<T>::translate::<v1::Timing<BlockNumberFor<T>>, _>(|old| {
			old.map(|old| Timing {
				decision_period: old.decision_period,
				appeal_period: old.appeal_period,
				unbonding_period: old.unbonding_period,
				revocation_notice: old.revocation_notice,
				strike_lapse: T::StrikeLapse::get(),
			})
		})
		.unwrap_or_else(|_| {
			log::error!(target: "runtime::guarantor", "v2: the periods did not decode; defaults apply");
			None
		});
		reads += 1;
		writes += 1;

		Guarantees::<T>::translate::<v1::Guarantee<BalanceOf<T>, BlockNumberFor<T>>, _>(
			|_, _, old| {
				reads += 1;
				writes += 1;
				// Given before any claim filed from now on.
				Some(Guarantee {
					amount: old.amount,
					release_at: old.release_at,
					liable_claims: 0,
					paid_out: Zero::zero(),
					since: Zero::zero(),
				})
			},
		);

		let now = frame_system::Pallet::<T>::block_number();
		// The periods were just written in this version's format, read them back as such.
		let strike_lapse =
			CurrentTiming::<T>::get().map_or(T::StrikeLapse::get(), |t| t.strike_lapse);
		let lapse_at = now.saturating_add(strike_lapse);
		Members::<T>::translate::<v1::MemberRecord<BalanceOf<T>, BlockNumberFor<T>>, _>(
			|_, old| {
				reads += 1;
				writes += 1;
				Some(MemberRecord {
					status: old.status,
					founder: old.founder,
					deposit: old.deposit,
					unbonding: old.unbonding,
					backing: old.backing,
					live_guarantors: old.live_guarantors,
					guarantors: old.guarantors,
					wards: old.wards,
					strikes: old.strikes,
					strikes_lapse_at: (old.strikes > 0).then_some(lapse_at),
					open_claims: old.open_claims,
					filed_claims: old.filed_claims,
					countered_claims: 0,
					debt: old.debt,
					since: old.since,
				})
			},
		);

		for (who, id, ()) in v1::ClaimsOf::<T>::drain() {
			reads += 1;
			writes += 2;
			ClaimsByAccount::<T>::insert(who, id, ());
		}

		Claims::<T>::translate::<v1::Claim<T>, _>(|_, old| {
			reads += 1;
			writes += 1;
			let bonds = old
				.bonds
				.into_iter()
				.enumerate()
				.map(|(i, b)| Bond {
					who: b.who,
					amount: b.amount,
					kind: if i == 0 { BondKind::Claim } else { BondKind::Appeal },
				})
				.collect::<Vec<_>>();
			Some(Claim::<T> {
				claimant: old.claimant,
				respondent: old.respondent,
				amount: old.amount,
				evidence: old.evidence,
				agreement: old.agreement,
				filed_at: old.filed_at,
				contest: old.contested.then_some(Contest { at_level: 1, counter_claim: None }),
				acknowledged: Zero::zero(),
				phase: old.phase,
				deadline: old.deadline,
				levels: old.levels,
				// Version 2 holds one bond more than version 1.
				bonds: BoundedVec::truncate_from(bonds),
			})
		});

		// The liabilities of the claims still open. Version 1 let a panelist's seating guarantee
		// be released while the claim was open: only those still standing become liable.
		let open: Vec<ClaimId> =
			Claims::<T>::iter().filter(|(_, c)| !c.phase.is_final()).map(|(id, _)| id).collect();
		for id in open {
			let Some(claim) = Claims::<T>::get(id) else { continue };
			reads += 1;
			let fixed = with_storage_layer(|| -> DispatchResult {
				// The respondent's own guarantees, but one the claimant gave it.
				let party = Guarantees::<T>::iter_prefix(&claim.respondent)
					.filter(|(guarantor, _)| *guarantor != claim.claimant)
					.map(|(guarantor, _)| (guarantor, claim.respondent.clone()))
					.collect::<Vec<_>>();
				Pallet::<T>::fix_liability(id, Side::Respondent, 1, party.into_iter())?;
				for (level, panel) in claim.levels.iter().enumerate().skip(1) {
					let standing = Self::standing_seats(panel);
					Pallet::<T>::fix_liability(id, Side::Respondent, level as u32 + 1, standing)?;
				}
				Ok(())
			});
			if let Err(error) = fixed {
				log::error!(target: "runtime::guarantor", "v2: claim {id}: {error:?}");
			}
			let guarantees = T::MaxGuarantors::get()
				.saturating_add((claim.levels.len() as u32).saturating_mul(T::MaxPanelSize::get()));
			reads += u64::from(guarantees);
			writes += u64::from(guarantees) + claim.levels.len() as u64;
		}

		// What counts toward each member under the new rules.
		let members: Vec<T::AccountId> = Members::<T>::iter_keys().collect();
		for who in members {
			let Some(mut member) = Members::<T>::get(&who) else { continue };
			reads += 1;
			let (mut live, mut backing) = (0u32, BalanceOf::<T>::zero());
			for (guarantor, guarantee) in Guarantees::<T>::iter_prefix(&who) {
				reads += 2;
				let counted = Pallet::<T>::contribution(
					&guarantee,
					Pallet::<T>::guarantor_struck_out(&guarantor),
				);
				live = live.saturating_add(u32::from(counted.membership));
				backing = backing.saturating_add(counted.backing);
			}
			member.live_guarantors = live;
			member.backing = backing;
			// Not counted: version 2 kept no counts (version 5 counts every record once).
			Pallet::<T>::reevaluate_status(&who, &mut member);
			Members::<T>::insert(&who, member);
			writes += 1;
		}

		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Self::pre_check().map(|counts| counts.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Counts::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::from("the pre-upgrade counts"))?;
		Self::post_check(before)
	}
}
