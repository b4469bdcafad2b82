//! The synthetic cooperative a genesis builds from a few numbers ([`crate::synthetic`]).

use super::*;
use crate::{
	synthetic::account, ClaimPhase, Claims, Guarantees, NextClaimId, SyntheticCooperative, Wards,
};

fn spec(members: u32, founders: u32, depth: u32, claims: u32) -> SyntheticCooperative {
	SyntheticCooperative { members, founders, depth, claims }
}

#[test]
fn the_runtime_scale_gives_a_few_hundred_founders_and_six_to_ten_levels() {
	// The runtime's MinGuarantors (2) and MaxWards (32).
	for (members, founders, depth) in
		[(1_000, 10, 6), (100_000, 200, 8), (500_000, 300, 8), (500_000, 300, 10)]
	{
		let sizes = spec(members, founders, depth, 0).level_sizes(2, 32).unwrap();
		assert_eq!(sizes.len() as u32, depth + 1);
		assert_eq!(sizes[0], founders);
		assert_eq!(sizes.iter().sum::<u32>(), members, "{sizes:?}");
		// Every level can be guaranteed by the one above.
		for pair in sizes.windows(2) {
			assert!(pair[0] >= 2 && 4 * pair[1].div_ceil(pair[0]) <= 32, "{sizes:?}");
		}
		// The levels grow: the tree is a tree, not a chain of equal rows.
		assert!(sizes[depth as usize] > sizes[1], "{sizes:?}");
	}
}

#[test]
fn parameters_that_cannot_make_a_cooperative_are_refused_in_words() {
	let err = |s: SyntheticCooperative| s.level_sizes(2, 32).unwrap_err();
	assert!(err(spec(100, 1, 3, 0)).contains("founders are needed"));
	assert!(err(spec(5, 10, 3, 0)).contains("fewer than the founders"));
	assert!(err(spec(100, 10, 0, 0)).contains("depth of at least 1"));
	// Four founders cannot guarantee 100,000 members in two levels.
	assert!(err(spec(100_000, 4, 2, 0)).contains("too big"));
	// The most members there can be: the search's large ratios do not overflow, and the
	// levels still hold exactly the members.
	let sizes = spec(u32::MAX, 4, 30, 0).level_sizes(2, 32).unwrap();
	assert_eq!(sizes.iter().map(|s| u64::from(*s)).sum::<u64>(), u64::from(u32::MAX));
	assert!(err(spec(u32::MAX, 4, 3, 0)).contains("too big"));
	// Founders alone need no depth.
	assert_eq!(spec(10, 10, 0, 0).level_sizes(2, 32).unwrap(), vec![10]);
}

#[test]
fn every_synthetic_member_is_admitted_by_two_to_four_guarantors_of_the_level_above() {
	// The mock allows 6 wards: levels of 10 guarantee levels of 10.
	let s = spec(40, 10, 3, 0);
	ExtBuilder::bare().synthetic(s).build_and_execute(|| {
		for index in 0..40 {
			let who = account::<Test>(index);
			let member = Members::<Test>::get(who).expect("every synthetic account is a member");
			assert_eq!(member.status, MemberStatus::Active, "member {index}");
			assert_eq!(member.deposit, 5 * MIN_GUARANTEE);
			assert_eq!(held(HoldReason::Deposit, who), 5 * MIN_GUARANTEE);
			if index < 10 {
				assert!(member.founder);
				continue;
			}
			assert!((2..=4).contains(&member.guarantors), "member {index}");
			let level_above = (index / 10 - 1) * 10..index / 10 * 10;
			for above in level_above.clone() {
				let guarantor = account::<Test>(above);
				if let Some(g) = Guarantees::<Test>::get(who, guarantor) {
					assert_eq!(g.amount, 2 * MIN_GUARANTEE);
					assert!(Wards::<Test>::contains_key(guarantor, who));
				}
			}
			let from_above = level_above
				.filter(|above| Guarantees::<Test>::contains_key(who, account::<Test>(*above)))
				.count() as u32;
			assert_eq!(from_above, member.guarantors, "member {index}: all from the level above");
		}
		// What the genesis minted is what the members hold or keep: nothing else moved.
		let minted: Balance = (0..40).map(|i| Balances::total_balance(&account::<Test>(i))).sum();
		assert_eq!(
			Balances::total_issuance(),
			(30 + COUNCIL_AT_START.len() as Balance) * ENDOWMENT + minted
		);
	});
}

#[test]
fn synthetic_claims_wait_in_four_phases_with_their_deadlines_queued() {
	let s = spec(40, 10, 3, 8);
	ExtBuilder::bare().synthetic(s).build_and_execute(|| {
		assert_eq!(NextClaimId::<Test>::get(), 8);
		for id in 0..8 {
			let claim = Claims::<Test>::get(id).expect("every synthetic claim is stored");
			assert_ne!(claim.claimant, claim.respondent);
			assert!(claim.deadline.is_some(), "claim {id} waits on a deadline");
			let votes = claim.levels.last().unwrap().iter().filter(|p| p.vote.is_some()).count();
			match id % 4 {
				0 => assert!(claim.phase == ClaimPhase::Open && votes == 0, "claim {id}"),
				1 => assert!(claim.phase == ClaimPhase::Open && votes == 1, "claim {id}"),
				2 => assert!(claim.contest.is_some() && claim.phase.is_voting(), "claim {id}"),
				_ => assert!(
					matches!(claim.phase, ClaimPhase::Decided { .. }),
					"claim {id} is decided, waiting out its appeal period: {:?}",
					claim.phase
				),
			}
		}
		// Time passes as for any claim: the deadlines fire and every claim moves on.
		run_to_block(200);
		assert!((0..8).all(|id| Claims::<Test>::get(id)
			.is_none_or(|c| c.phase != ClaimPhase::Open || c.levels.len() > 1)));
	});
}

#[test]
#[should_panic(expected = "synthetic cooperative: at least 2 founders are needed")]
fn a_genesis_with_impossible_parameters_fails_loudly() {
	ExtBuilder::bare().synthetic(spec(10, 1, 2, 0)).build();
}
