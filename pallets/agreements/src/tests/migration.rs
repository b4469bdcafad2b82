//! The storage migrations: v1 → v2 on a task queue written the way version 1 kept it, v2 → v3
//! on agreements proposed before the per-account index.

use super::*;
use crate::{
	migrations::{
		v2::{InnerMigrateV1ToV2, MigrateV1ToV2, Tasks as OldTasks},
		v3::{InnerMigrateV2ToV3, MigrateV2ToV3},
	},
	ScheduledTask, TaskRanges,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use poruka_primitives::queue::QueueRange;

#[test]
fn version_one_tasks_keep_their_blocks_and_order() {
	run(|| {
		// Three proposals, then their expiries rewritten as version 1 kept them: a full list at
		// block 6, and the third spilled to block 7.
		for _ in 0..3 {
			assert_ok!(Agreements::propose(
				RuntimeOrigin::signed(ALICE),
				obligations(vec![payment(ALICE, BOB, 10, 10, &[])]),
				5
			));
		}
		let _ = crate::Tasks::<Test>::clear(u32::MAX, None);
		TaskRanges::<Test>::remove(6);
		OldTasks::<Test>::insert(6, vec![(0, ScheduledTask::Expire), (1, ScheduledTask::Expire)]);
		OldTasks::<Test>::insert(7, vec![(2, ScheduledTask::Expire)]);
		StorageVersion::new(1).put::<Agreements>();

		let before = InnerMigrateV1ToV2::<Test>::pre_check().unwrap();
		assert_eq!(before.len(), 3);
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		InnerMigrateV1ToV2::<Test>::post_check(before).unwrap();
		assert_eq!(Agreements::on_chain_storage_version(), StorageVersion::new(2));
		// Every expiry is back at its own block, the one that had spilled to 7 included.
		assert_eq!(TaskRanges::<Test>::get(6), QueueRange { head: 0, tail: 3 });
		assert!(!TaskRanges::<Test>::contains_key(7));
		// Pruning starts at the upgrade's block.
		assert_eq!(
			crate::PruningCursor::<Test>::get(),
			frame_system::Pallet::<Test>::block_number()
		);

		// The queue goes on: every proposal expires at 6.
		run_to_block(7);
		for id in 0..3 {
			assert_eq!(phase(id), AgreementPhase::Expired);
		}
	});
}

#[test]
fn version_two_agreements_are_indexed_under_each_party() {
	run(|| {
		// An active chain of three (Alice, Bob, Carol), a proposal between Dave and Alice, and a
		// closed (cancelled) one still within its retention; then the index as version 2 had it:
		// none.
		active_chain();
		assert_ok!(Agreements::propose(
			RuntimeOrigin::signed(DAVE),
			obligations(vec![payment(DAVE, ALICE, 10, 10, &[])]),
			5
		));
		assert_ok!(Agreements::propose(
			RuntimeOrigin::signed(BOB),
			obligations(vec![payment(BOB, CAROL, 10, 10, &[])]),
			5
		));
		assert_ok!(Agreements::cancel(RuntimeOrigin::signed(BOB), 2));
		assert_eq!(phase(2), AgreementPhase::Cancelled);
		let _ = crate::AgreementsByAccount::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Agreements>();
		assert_eq!(Agreements::agreements_of(&ALICE, None).agreements, vec![]);

		let before = InnerMigrateV2ToV3::<Test>::pre_check().unwrap();
		assert_eq!(before.len(), 3 + 2 + 2);
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		InnerMigrateV2ToV3::<Test>::post_check(before).unwrap();
		assert_eq!(Agreements::on_chain_storage_version(), StorageVersion::new(3));
		let ids = |who| {
			Agreements::agreements_of(&who, None)
				.agreements
				.into_iter()
				.map(|a| (a.id, a.open))
				.collect::<Vec<_>>()
		};
		assert_eq!(ids(ALICE), vec![(1, true), (0, true)]);
		assert_eq!(ids(BOB), vec![(2, false), (0, true)]);
		assert_eq!(ids(CAROL), vec![(2, false), (0, true)]);
		assert_eq!(ids(DAVE), vec![(1, true)]);
		// A second run does nothing: the version is 3 already.
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(crate::AgreementsByAccount::<Test>::iter().count(), 7);
	});
}
