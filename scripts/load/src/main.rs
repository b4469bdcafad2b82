//! `poruka-load`: loads a node on this machine with pre-signed extrinsics and reports what
//! each finalized block included. See `scripts/load/README.md` and docs/performance.md.

use std::{path::PathBuf, process::ExitCode, time::Duration};

use clap::Parser;
use poruka_load::{run, Config, Kind};

/// Loads a local Poruka node with extrinsics signed in advance and counts, per finalized
/// block, what the chain included: extrinsics per block, block weight, submit→included and
/// submit→finalized latency (p50/p95), the pool's refusals. Writes report.json, report.md and
/// blocks.svg to --out.
#[derive(Parser, Debug)]
#[command(name = "poruka-load")]
struct Args {
	/// The node's WebSocket RPC (only nodes on this machine). Several, comma separated, spread
	/// the load: each account sends to one of them (account k to node k mod n); the first is
	/// followed and funds the accounts.
	#[arg(long, default_value = "ws://127.0.0.1:9944", value_delimiter = ',')]
	url: Vec<String>,
	/// The calls (comma separated): transfer; deposit, vouch, propose, accept, confirm,
	/// file_claim, vote (phases of the guarantor scenario: the phases before a chosen one run as
	/// its setup); guarantor (every phase); all (transfers and every phase).
	#[arg(long, default_value = "transfer", value_delimiter = ',')]
	calls: Vec<String>,
	/// How many accounts send (derived as //Load//0, //Load//1, ...; Alice funds them). The
	/// guarantor scenario pairs them: an even number, at least 4.
	#[arg(long, default_value_t = 100)]
	accounts: usize,
	/// The first account's index: a scenario on a chain that ran one before needs fresh
	/// accounts (e.g. --first-account 10000).
	#[arg(long, default_value_t = 0)]
	first_account: usize,
	/// How many transfers each account sends (the scenario's phases have their own counts).
	#[arg(long, default_value_t = 10)]
	per_account: usize,
	/// Extrinsics per second (default: as fast as the pool takes them).
	#[arg(long)]
	rate: Option<u32>,
	/// Seconds to wait after the last submission for everything to be finalized.
	#[arg(long, default_value_t = 120)]
	time_limit: u64,
	/// Where to write report.json, report.md and blocks.svg.
	#[arg(long, default_value = "load-report")]
	out: PathBuf,
	/// Print only the summary.
	#[arg(long)]
	quiet: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
	let args = Args::parse();
	let kinds = match Kind::parse(&args.calls) {
		Ok(kinds) => kinds,
		Err(error) => {
			eprintln!("poruka-load: {error}");
			return ExitCode::from(2);
		}
	};
	let config = Config {
		urls: args.url,
		kinds,
		accounts: args.accounts,
		first_account: args.first_account,
		per_account: args.per_account,
		rate: args.rate,
		time_limit: Duration::from_secs(args.time_limit),
		progress: !args.quiet,
	};
	match run(&config).await {
		Ok(run) => {
			println!("{}", run.table());
			if let Err(error) = run.write(&args.out) {
				eprintln!("poruka-load: cannot write {}: {error}", args.out.display());
				return ExitCode::FAILURE;
			}
			println!("report.json, report.md and blocks.svg are in {}", args.out.display());
			if run.stopped.is_some() {
				return ExitCode::FAILURE;
			}
			ExitCode::SUCCESS
		}
		Err(error) => {
			eprintln!("poruka-load: {error}");
			ExitCode::FAILURE
		}
	}
}
