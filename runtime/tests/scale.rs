//! Runtime tests of the synthetic cooperative (`pallet_guarantor::synthetic`) with the real
//! runtime's rules: the genesis `scripts/scale.sh` measures, at a size a test can build.

mod common;

use common::{chain, run_to_block};
use pallet_guarantor::{
	synthetic::account, ClaimPhase, Claims, MemberStatus, Members, NextClaimId,
};
use poruka_runtime::{
	genesis_config_presets::{development_config_genesis, DEV_TIMING},
	Runtime, System,
};

const MEMBERS: u32 = 3_000;
const CLAIMS: u32 = 100;

/// The dev preset with a synthetic cooperative of 3,000 members (15 founders, 8 levels) and
/// 100 claims, as `poruka-scale spec` patches it.
fn scale_chain() -> sp_io::TestExternalities {
	let mut preset = development_config_genesis();
	preset["guarantor"]["synthetic"] =
		serde_json::json!({"members": MEMBERS, "founders": 15, "depth": 8, "claims": CLAIMS});
	chain(preset)
}

#[test]
fn the_runtime_builds_a_synthetic_cooperative_beside_the_dev_one() {
	scale_chain().execute_with(|| {
		common::check_invariants();
		let active = (0..MEMBERS)
			.filter(|i| {
				Members::<Runtime>::get(account::<Runtime>(*i))
					.is_some_and(|m| m.status == MemberStatus::Active)
			})
			.count() as u32;
		assert_eq!(active, MEMBERS, "every synthetic member is admitted");
		assert_eq!(NextClaimId::<Runtime>::get(), CLAIMS);
		// The dev cooperative is still there.
		let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		assert!(Members::<Runtime>::get(alice).is_some_and(|m| m.founder));
	});
}

#[test]
fn a_hundred_deadlines_due_in_one_block_are_worked_through_in_bounded_blocks() {
	scale_chain().execute_with(|| {
		// Every synthetic claim's deadline falls on the same block; the queue takes what
		// each block's budget allows, and the invariants hold after every block.
		run_to_block(DEV_TIMING.decision_period + 20);
		let still_open_at_level_one = (0..CLAIMS)
			.filter(|id| {
				Claims::<Runtime>::get(id)
					.is_some_and(|c| c.phase == ClaimPhase::Open && c.levels.len() == 1)
			})
			.count();
		assert_eq!(still_open_at_level_one, 0, "every silent level-1 panel was escalated");
		assert!(System::block_number() > DEV_TIMING.decision_period);
	});
}
