//! The storage migration 5 → 6 on claims written the way storage version 5 kept them.

use super::*;
use crate::{
	migrations::v6::{v5, InnerMigrateV5ToV6, MigrateV5ToV6},
	ClaimSubject, Claims,
};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

/// Claim 0 (5 against 4, agreement 7) open, claim 1 (4 against 5, no agreement) judged:
/// filed by today's code, then rewritten in the version-5 layout, version 5 on chain.
fn version_five_claims() {
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 50, Default::default(), Some(7)));
	assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(4), 5, 10, Default::default(), None));
	judge(1, uphold(10));
	for (id, claim) in Claims::<Test>::iter().collect::<Vec<_>>() {
		v5::Claims::<Test>::insert(
			id,
			v5::Claim::<Test> {
				claimant: claim.claimant,
				respondent: claim.respondent,
				amount: claim.amount,
				evidence: claim.evidence,
				agreement: claim.subject.and_then(|r| r.agreement()),
				filed_at: claim.filed_at,
				contest: claim.contest,
				acknowledged: claim.acknowledged,
				phase: claim.phase,
				deadline: claim.deadline,
				levels: claim.levels,
				bonds: claim.bonds,
			},
		);
	}
	StorageVersion::new(5).put::<Guarantor>();
}

fn members() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 30), (1, 5, 20), (2, 5, 20)])
}

#[test]
fn each_claim_keeps_its_agreement_as_its_subject() {
	members().build_and_execute(|| {
		version_five_claims();
		assert!(Claims::<Test>::get(0).is_none(), "a version-5 claim does not decode as today's");
		let before = InnerMigrateV5ToV6::<Test>::pre_check().unwrap();
		assert_eq!(before, vec![(0, Some(7)), (1, None)]);

		MigrateV5ToV6::<Test>::on_runtime_upgrade();

		assert_eq!(Guarantor::on_chain_storage_version(), StorageVersion::new(6));
		assert_eq!(Claims::<Test>::get(0).unwrap().subject, Some(ClaimSubject::Agreement(7)));
		assert_eq!(Claims::<Test>::get(1).unwrap().subject, None);
		assert_eq!(Claims::<Test>::get(1).unwrap().amount, 10);
		InnerMigrateV5ToV6::<Test>::post_check(before).unwrap();
	});
}

#[test]
fn the_migration_runs_once() {
	members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			50,
			Default::default(),
			Some(7)
		));
		let claim = Claims::<Test>::get(0).unwrap();
		StorageVersion::new(6).put::<Guarantor>();
		// At version 6 already: nothing is rewritten (a second run would garble every claim).
		MigrateV5ToV6::<Test>::on_runtime_upgrade();
		assert_eq!(Claims::<Test>::get(0), Some(claim));
		assert_eq!(Guarantor::on_chain_storage_version(), StorageVersion::new(6));
	});
}
