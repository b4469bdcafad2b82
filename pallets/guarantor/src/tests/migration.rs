//! The storage migrations, on state written the way storage version 1 kept it: v1 → v2 → v3,
//! as one runtime upgrade runs them.

use super::*;
use crate::{
	migrations::{
		v2::{v1, InnerMigrateV1ToV2, MigrateV1ToV2},
		v3::{InnerMigrateV2ToV3, MigrateV2ToV3},
		v4::{InnerMigrateV3ToV4, MigrateV3ToV4},
		v5::{self, InnerMigrateV4ToV5, MigrateV4ToV5},
	},
	BondKind, ClaimPhase, Claims, ClaimsByAccount, CurrentTiming, Guarantees, Liabilities,
	Liability, NextClaimId, Panelist, Side, Timing,
};
use frame_support::{
	traits::{fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	BoundedVec,
};

fn hold(reason: HoldReason, who: AccountId, amount: Balance) {
	assert_ok!(Balances::hold(&RuntimeHoldReason::Guarantor(reason), &who, amount));
}

fn member(
	founder: bool,
	deposit: Balance,
	(guarantors, backing): (u32, Balance),
	wards: u32,
	strikes: u32,
	(open_claims, filed_claims): (u32, u32),
) -> v1::MemberRecord<Balance, u64> {
	v1::MemberRecord {
		status: MemberStatus::Active,
		founder,
		deposit,
		unbonding: 0,
		backing,
		live_guarantors: guarantors,
		guarantors,
		wards,
		strikes,
		open_claims,
		filed_claims,
		debt: 0,
		since: 0,
	}
}

fn seat(who: AccountId, ward: AccountId) -> Panelist<AccountId, Balance> {
	Panelist { who, ward, side: Side::Respondent, vote: None }
}

/// Founders 1, 2 (one strike) and 3 (struck out); 4 ← 1, 2; 5 ← 4, 3; 6 ← 1, 2; 7 ← 1 and
/// 2, whose guarantee an old payout left at 6. Claim 0 (6 against 5) is open at level 2 (one of
/// whose seats lost its guarantee); claim 1 (6 against 7) was paid.
fn write_version_one_state() {
	for founder in [1, 2, 3] {
		hold(HoldReason::Deposit, founder, 100);
	}
	let guarantees = [
		(1, 4, 30),
		(2, 4, 20),
		(4, 5, 15),
		(3, 5, 12),
		(1, 6, 20),
		(2, 6, 20),
		(1, 7, 10),
		(2, 7, 6),
	];
	for (guarantor, ward, amount) in guarantees {
		hold(HoldReason::Guarantee, guarantor, amount);
		v1::Guarantees::<Test>::insert(ward, guarantor, v1::Guarantee { amount, release_at: None });
		crate::Wards::<Test>::insert(guarantor, ward, ());
	}
	hold(HoldReason::ClaimBond, 6, CLAIM_BOND);
	v1::Members::<Test>::insert(1, member(true, 100, (0, 0), 3, 0, (0, 0)));
	v1::Members::<Test>::insert(2, member(true, 100, (0, 0), 3, 1, (0, 0)));
	v1::Members::<Test>::insert(3, member(true, 100, (0, 0), 1, 2, (0, 0)));
	v1::Members::<Test>::insert(4, member(false, 0, (2, 50), 1, 0, (0, 0)));
	v1::Members::<Test>::insert(5, member(false, 0, (2, 27), 0, 0, (1, 0)));
	v1::Members::<Test>::insert(6, member(false, 0, (2, 40), 0, 0, (0, 1)));
	v1::Members::<Test>::insert(7, member(false, 0, (2, 16), 0, 0, (0, 0)));
	v1::CurrentTiming::<Test>::put(v1::Timing {
		decision_period: 10,
		appeal_period: 5,
		unbonding_period: 20,
		revocation_notice: 15,
	});

	let panels = |levels: Vec<Vec<Panelist<AccountId, Balance>>>| {
		BoundedVec::truncate_from(levels.into_iter().map(BoundedVec::truncate_from).collect())
	};
	let bond = BoundedVec::truncate_from(vec![v1::Bond { who: 6, amount: CLAIM_BOND }]);
	v1::Claims::<Test>::insert(
		0,
		v1::Claim::<Test> {
			claimant: 6,
			respondent: 5,
			amount: 40,
			evidence: Default::default(),
			agreement: None,
			filed_at: 1,
			contested: false,
			phase: ClaimPhase::Open,
			deadline: Some(21),
			// 3 sat at level 2 through a guarantee for 4 that version 1 let it release while the
			// claim was open: there is nothing left of it to make liable.
			levels: panels(vec![
				vec![seat(4, 5), seat(3, 5)],
				vec![seat(1, 4), seat(2, 4), seat(3, 4)],
			]),
			bonds: bond.clone(),
		},
	);
	v1::Claims::<Test>::insert(
		1,
		v1::Claim::<Test> {
			claimant: 6,
			respondent: 7,
			amount: 10,
			evidence: Default::default(),
			agreement: None,
			filed_at: 1,
			contested: true,
			phase: ClaimPhase::Paid { amount: 10, compensated: 10, force_majeure: false },
			deadline: None,
			levels: panels(vec![vec![seat(1, 7), seat(2, 7)]]),
			bonds: bond,
		},
	);
	// Version 2's lists could hold a final claim's stale id and an id twice.
	crate::migrations::v3::v2::Deadlines::<Test>::insert(21, vec![1, 0]);
	crate::migrations::v3::v2::Deadlines::<Test>::insert(22, vec![0]);
	NextClaimId::<Test>::put(2);
	// 8 sat on claim 1's panel until a contest dropped it; version 2 left its entry behind.
	for (who, id) in
		[(6, 0), (5, 0), (4, 0), (3, 0), (1, 0), (2, 0), (6, 1), (7, 1), (1, 1), (2, 1), (8, 1)]
	{
		v1::ClaimsOf::<Test>::insert(who, id, ());
	}
	StorageVersion::new(1).put::<Guarantor>();
}

#[test]
fn version_one_state_migrates_and_its_open_claim_still_resolves() {
	ExtBuilder::bare().build().execute_with(|| {
		write_version_one_state();
		let before = InnerMigrateV1ToV2::<Test>::pre_check().unwrap();
		assert_eq!((before.members, before.guarantees, before.open_claims), (7, 8, 1));

		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		InnerMigrateV1ToV2::<Test>::post_check(before).unwrap();
		assert_eq!(Guarantor::on_chain_storage_version(), StorageVersion::new(2));
		// The runtime runs the next migration in the same upgrade.
		let queued = InnerMigrateV2ToV3::<Test>::pre_check().unwrap();
		assert_eq!(queued, vec![(0, 21)]);
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		InnerMigrateV2ToV3::<Test>::post_check(queued).unwrap();
		assert_eq!(
			Claims::<Test>::get(0).unwrap().deadline,
			Some(crate::Slot { block: 21, index: 0 })
		);

		// The periods gained the strike lapse and the retention.
		assert_eq!(
			crate::migrations::v3::CurrentTiming::<Test>::get(),
			Some(crate::migrations::v3::Timing {
				decision_period: 10,
				appeal_period: 5,
				unbonding_period: 20,
				revocation_notice: 15,
				strike_lapse: STRIKE_LAPSE,
				retention: RETENTION,
			})
		);
		// And the next: the arbitration period (no claim is in arbitration here).
		let waiting = InnerMigrateV3ToV4::<Test>::pre_check().unwrap();
		assert!(waiting.is_empty());
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		InnerMigrateV3ToV4::<Test>::post_check(waiting).unwrap();
		// And the last: the claim index re-keyed newest first.
		let index = InnerMigrateV4ToV5::<Test>::pre_check().unwrap();
		assert_eq!(index.len(), 10);
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		InnerMigrateV4ToV5::<Test>::post_check(index).unwrap();
		assert_eq!(Guarantor::on_chain_storage_version(), StorageVersion::new(5));
		// The cooperative counted: 1, 2, 3, 4 and 6 active, 5 and 7 suspended; one open claim.
		let counts = crate::MemberCount::<Test>::get();
		assert_eq!(
			(counts.active, counts.suspended, counts.candidates, counts.leaving),
			(5, 2, 0, 0)
		);
		assert_eq!(crate::OpenClaims::<Test>::get(), 1);
		assert_eq!(
			CurrentTiming::<Test>::get(),
			Some(Timing {
				decision_period: 10,
				appeal_period: 5,
				unbonding_period: 20,
				revocation_notice: 15,
				strike_lapse: STRIKE_LAPSE,
				retention: RETENTION,
				arbitration_period: ARBITRATION_PERIOD,
			})
		);
		// The open claim's guarantees are liable and frozen: the respondent's own at depth 1,
		// the seats of level 2 at depth 2.
		let liable = |guarantor, ward, amount| Liability { guarantor, ward, amount, paid_out: 0 };
		let mut depth_one =
			Liabilities::<Test>::get(0, (Side::Respondent, 1)).unwrap().into_inner();
		depth_one.sort_by_key(|l| l.guarantor);
		assert_eq!(depth_one, vec![liable(3, 5, 12), liable(4, 5, 15)]);
		assert_eq!(
			Liabilities::<Test>::get(0, (Side::Respondent, 2)).unwrap().into_inner(),
			vec![liable(1, 4, 30), liable(2, 4, 20)]
		);
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().liable_claims, 1);
		assert_eq!(Guarantees::<Test>::get(6, 1).unwrap().liable_claims, 0);
		// The paid claim holds nothing.
		assert_eq!(Liabilities::<Test>::iter_prefix(1).count(), 0);
		let claim = Claims::<Test>::get(1).unwrap();
		assert_eq!(claim.contest, Some(crate::Contest { at_level: 1, counter_claim: None }));
		assert_eq!(claim.bonds[0].kind, BondKind::Claim);
		// The index was renamed, and the dropped panelist's entry is gone.
		assert_eq!(ClaimsByAccount::<Test>::iter().count(), 10);
		assert!(!ClaimsByAccount::<Test>::contains_key(8, NewestFirst::new(1)));
		// The deadline was queued once; pruning starts at the upgrade's block.
		assert_eq!(crate::DeadlineQueue::<Test>::entries().count(), 1);
		assert_eq!(crate::PruningCursor::<Test>::get(), System::block_number());
		assert!(v1::ClaimsOf::<Test>::iter().next().is_none());
		// Strikes got a lapse block; the struck-out founder 3 no longer makes 5 a member, and
		// 7's guarantee left at 6 no longer counts.
		let lapse_at = System::block_number() + STRIKE_LAPSE;
		assert_eq!(Members::<Test>::get(2).unwrap().strikes_lapse_at, Some(lapse_at));
		assert_eq!(Members::<Test>::get(1).unwrap().strikes_lapse_at, None);
		assert_eq!(status(5), Some(MemberStatus::Suspended));
		assert_eq!(Guarantor::coverage(&5), 27);
		assert_eq!(status(7), Some(MemberStatus::Suspended));
		assert_eq!(Guarantor::coverage(&7), 10);

		// The old claim goes on under the new rules: level 2 upholds, and it is paid from
		// both levels' liable guarantees.
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(40)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(40)));
		run_to_block(System::block_number() + APPEAL_PERIOD);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 40, compensated: 40, force_majeure: false }
		);
		assert_eq!(Guarantees::<Test>::get(4, 1).unwrap().amount, 30 - 8);
		assert_eq!(Guarantees::<Test>::get(4, 2).unwrap().amount, 20 - 5);
		assert_eq!(Liabilities::<Test>::iter().count(), 0);
		Guarantor::do_try_state().unwrap();

		// A second run of any does nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}

/// Moves every claim index entry to version 4's layout (keyed by `Twox64Concat` claim id).
fn index_as_in_version_four() {
	let entries: Vec<_> = ClaimsByAccount::<Test>::iter_keys().collect();
	for (who, key) in entries {
		ClaimsByAccount::<Test>::remove(who, key);
		v5::v4::ClaimsByAccount::<Test>::insert(who, key.id(), ());
	}
}

/// Version-3 state: a claim in arbitration with no deadline and no arbiters (a claim against a
/// founder, which no panel can judge), and the version-3 periods.
fn write_version_three_arbitration() -> u32 {
	use crate::{Arbitrations, ClaimsByAccount, Deadlines};
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(4), 1, 30, Default::default(), None));
	let mut claim = Claims::<Test>::get(0).unwrap();
	assert_eq!(claim.phase, ClaimPhase::Arbitration);
	// Undo what version 4 does on the way in.
	let slot = claim.deadline.take().unwrap();
	assert_eq!(Deadlines::<Test>::take(slot.block, slot.index), Some(0));
	for arbiter in Arbitrations::<Test>::take(0).unwrap().arbiters {
		ClaimsByAccount::<Test>::remove(arbiter.who, NewestFirst::new(0));
	}
	Claims::<Test>::insert(0, claim);
	index_as_in_version_four();
	// Version 4 kept no counts.
	crate::MemberCount::<Test>::kill();
	crate::OpenClaims::<Test>::kill();
	frame_support::storage::unhashed::kill(&CurrentTiming::<Test>::hashed_key());
	crate::migrations::v3::CurrentTiming::<Test>::put(crate::migrations::v3::Timing {
		decision_period: 10,
		appeal_period: 5,
		unbonding_period: 20,
		revocation_notice: 15,
		strike_lapse: 30,
		retention: 40,
	});
	StorageVersion::new(3).put::<Guarantor>();
	0
}

#[test]
fn a_version_three_claim_stuck_in_arbitration_gets_arbiters_and_a_deadline() {
	ExtBuilder::default().guarantees(&[(2, 4, 20), (3, 4, 20)]).build_and_execute(|| {
		let id = write_version_three_arbitration();
		// The upgrade comes later (version-3 state does not hold version 4's invariants, so no
		// block runs before it).
		System::set_block_number(5);
		let waiting = InnerMigrateV3ToV4::<Test>::pre_check().unwrap();
		assert_eq!(waiting, vec![id]);
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		InnerMigrateV3ToV4::<Test>::post_check(waiting).unwrap();
		assert_eq!(Guarantor::on_chain_storage_version(), StorageVersion::new(4));
		// Version 4 seated the arbiters in today's layout; version 5 re-keys the rest.
		let index = InnerMigrateV4ToV5::<Test>::pre_check().unwrap();
		assert_eq!(index.len(), 2 + COUNCIL_AT_START.len());
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		InnerMigrateV4ToV5::<Test>::post_check(index).unwrap();
		assert_eq!(crate::OpenClaims::<Test>::get(), 1);
		assert_eq!(crate::MemberCount::<Test>::get().active, 4 + COUNCIL_AT_START.len() as u32);
		assert_eq!(Guarantor::timing().arbitration_period, ARBITRATION_PERIOD);
		assert_eq!(Guarantor::timing().retention, 40);
		// The council's uninvolved members arbitrate from the upgrade on.
		let claim = Claims::<Test>::get(id).unwrap();
		assert_eq!(claim.deadline_block(), Some(5 + ARBITRATION_PERIOD));
		let arbiters: Vec<_> =
			crate::Arbitrations::<Test>::get(id).unwrap().arbiters.iter().map(|a| a.who).collect();
		assert_eq!(arbiters, COUNCIL_AT_START.to_vec());
		// Nobody decides: at the deadline the claim is dismissed and the bond returns.
		run_to_block(5 + ARBITRATION_PERIOD);
		assert_eq!(Claims::<Test>::get(id).unwrap().phase, ClaimPhase::Dismissed);
		assert_eq!(held(HoldReason::ClaimBond, 4), 0);
		// A second run does nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		MigrateV4ToV5::<Test>::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}
