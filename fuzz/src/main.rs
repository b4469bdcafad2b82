//! `poruka-fuzz`: runs random sequences against the real runtime until a bound, showing
//! progress, and stops at the first broken rule with the seed that replays it.
//!
//! ```text
//! poruka-fuzz [--runs N | --minutes M] [--seed S] [--steps L] [--jobs J]
//! ```
//! `--runs`: sequences to run (default 1000); `--minutes`: run for this long instead;
//! `--seed`: the first sequence's seed (the i-th runs seed S + i; default 0); `--steps`: steps
//! per sequence (default 200); `--jobs`: threads (default 1).

use std::{
	collections::BTreeMap,
	process::ExitCode,
	sync::{
		atomic::{AtomicBool, AtomicU64, Ordering},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

use poruka_fuzz::{chain::dev_genesis, checks, run, Report};

struct Options {
	runs: Option<u64>,
	minutes: Option<f64>,
	seed: u64,
	steps: usize,
	jobs: usize,
}

fn options() -> Result<Options, String> {
	let mut options = Options { runs: None, minutes: None, seed: 0, steps: 200, jobs: 1 };
	let mut args = std::env::args().skip(1);
	while let Some(flag) = args.next() {
		let value = args.next().ok_or(format!("{flag} needs a value"))?;
		let bad = format!("{flag}: {value:?} is not a number");
		match flag.as_str() {
			"--runs" => options.runs = Some(value.parse().map_err(|_| bad.clone())?),
			"--minutes" => options.minutes = Some(value.parse().map_err(|_| bad.clone())?),
			"--seed" => options.seed = value.parse().map_err(|_| bad.clone())?,
			"--steps" => options.steps = value.parse().map_err(|_| bad.clone())?,
			"--jobs" => options.jobs = value.parse::<usize>().map_err(|_| bad.clone())?.max(1),
			_ => return Err(format!("unknown option {flag}")),
		}
	}
	if options.runs.is_none() && options.minutes.is_none() {
		options.runs = Some(1000);
	}
	Ok(options)
}

fn main() -> ExitCode {
	let options = match options() {
		Ok(options) => options,
		Err(e) => {
			eprintln!("poruka-fuzz: {e}\nusage: poruka-fuzz [--runs N | --minutes M] [--seed S] [--steps L] [--jobs J]");
			return ExitCode::from(2);
		}
	};
	checks::watch_defensive_failures();
	// A panic is a finding, reported with its seed: keep the default hook from printing each.
	std::panic::set_hook(Box::new(|_| {}));
	let genesis = Arc::new(dev_genesis());
	let started = Instant::now();
	let until = options.minutes.map(|m| started + Duration::from_secs_f64(m * 60.0));
	let next = Arc::new(AtomicU64::new(0));
	let stop = Arc::new(AtomicBool::new(false));
	let total = Arc::new(Mutex::new(Report::default()));
	let failure = Arc::new(Mutex::new(None));
	let sequences = Arc::new(AtomicU64::new(0));

	let workers: Vec<_> = (0..options.jobs)
		.map(|_| {
			let (genesis, next, stop, total, failure, sequences) = (
				genesis.clone(),
				next.clone(),
				stop.clone(),
				total.clone(),
				failure.clone(),
				sequences.clone(),
			);
			let (runs, steps, first) = (options.runs, options.steps, options.seed);
			std::thread::spawn(move || {
				checks::watch_defensive_failures();
				while !stop.load(Ordering::SeqCst) {
					let i = next.fetch_add(1, Ordering::SeqCst);
					if runs.is_some_and(|runs| i >= runs)
						|| until.is_some_and(|u| Instant::now() >= u)
					{
						break;
					}
					match run(&genesis, first.wrapping_add(i), steps) {
						Ok(report) => {
							total.lock().expect("no worker panics holding it").merge(report);
							sequences.fetch_add(1, Ordering::SeqCst);
						}
						Err(broken) => {
							stop.store(true, Ordering::SeqCst);
							*failure.lock().expect("no worker panics holding it") = Some(broken);
						}
					}
				}
			})
		})
		.collect();

	let mut last = Instant::now();
	while workers.iter().any(|w| !w.is_finished()) {
		std::thread::sleep(Duration::from_millis(200));
		if last.elapsed() >= Duration::from_secs(10) {
			last = Instant::now();
			let report = total.lock().expect("no worker panics holding it");
			let secs = started.elapsed().as_secs_f64();
			eprintln!(
				"[{secs:>6.0} s] {} sequences, {} calls ({:.0}/s), {} blocks",
				sequences.load(Ordering::SeqCst),
				report.calls,
				report.calls as f64 / secs,
				report.blocks
			);
		}
	}
	for worker in workers {
		let _ = worker.join();
	}

	let report = total.lock().expect("no worker panics holding it");
	let secs = started.elapsed().as_secs_f64();
	println!(
		"{} sequences, {} calls ({} included), {} blocks in {secs:.0} s",
		sequences.load(Ordering::SeqCst),
		report.calls,
		report.included,
		report.blocks
	);
	// Coverage by outcome: which calls succeeded, and the distinct ways each failed.
	let mut by_call: BTreeMap<&str, (u64, Vec<&str>)> = BTreeMap::new();
	for (outcome, count) in &report.outcomes {
		let (call, result) = outcome.split_once(" → ").unwrap_or((outcome, "?"));
		let entry = by_call.entry(call).or_default();
		if result == "Ok" {
			entry.0 += count;
		} else {
			entry.1.push(result);
		}
	}
	println!("{} distinct (call, outcome) pairs", report.outcomes.len());
	for (call, (ok, errors)) in &by_call {
		println!("  {call:<36} ok {ok:>8}   errors: {}", errors.join(", "));
	}
	if let Some(broken) = failure.lock().expect("no worker panics holding it").take() {
		println!("\nFAILED: {broken}");
		println!("replay: poruka-fuzz --runs 1 --seed {} --steps {}", broken.seed, options.steps);
		return ExitCode::FAILURE;
	}
	println!("no rule broken");
	ExitCode::SUCCESS
}
