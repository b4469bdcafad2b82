//! The fuzzer's sequences replayed on every test run: the first seeds, and every seed that
//! ever broke a rule (each with what it broke; all fixed since).

use poruka_fuzz::{chain::dev_genesis, checks, run};

/// Sequences that broke a rule once: seed, steps, and what broke.
/// (A seed replays the generator of its day: later generators draw other sequences from it.)
const FOUND: &[(u64, usize, &str)] = &[
	(
		317_206_509_019,
		200,
		"a council member guaranteeing the respondent of a claim that went straight to \
		 arbitration was seated as its arbiter, then became liable (issue 12, fixed by fixing \
		 the liability before seating arbiters)",
	),
	(
		1_781_504_720_066,
		200,
		"a counter-claim in arbitration unseated an arbiter whose vote was part of the \
		 arbiters' decision (issue 12, fixed: no contest after the decision, and the votes left \
		 decide if they are a majority)",
	),
	(
		440_608_682_004,
		200,
		"the block at a session boundary (block 600) weighed more than the block limit: \
		 pallet-session claims the whole block there, so the check is that it takes no \
		 transaction (issue 13, fixed in the fuzzer's check)",
	),
];

#[test]
fn the_first_seeds_and_every_seed_that_ever_broke_a_rule_keep_every_rule() {
	checks::watch_defensive_failures();
	let genesis = dev_genesis();
	let mut calls = 0;
	for seed in 0..16 {
		let report = run(&genesis, seed, 60).unwrap_or_else(|broken| panic!("{broken}"));
		calls += report.included;
	}
	for (seed, steps, what) in FOUND {
		run(&genesis, *seed, *steps)
			.unwrap_or_else(|broken| panic!("the regression \"{what}\" is back: {broken}"));
	}
	// The sequences did something: most calls were included in blocks.
	assert!(calls > 16 * 60 / 2, "only {calls} calls were included");
}
