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
	/// The node's WebSocket RPC (only a node on this machine).
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// The calls each account sends, in turn (comma separated): transfer.
	#[arg(long, default_value = "transfer", value_delimiter = ',')]
	calls: Vec<String>,
	/// How many accounts send (derived as //Load//0, //Load//1, ...; Alice funds them).
	#[arg(long, default_value_t = 100)]
	accounts: usize,
	/// How many extrinsics each account sends.
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
	let kinds: Result<Vec<Kind>, _> = args.calls.iter().map(|name| Kind::parse(name)).collect();
	let kinds = match kinds {
		Ok(kinds) => kinds,
		Err(error) => {
			eprintln!("poruka-load: {error}");
			return ExitCode::from(2);
		}
	};
	let config = Config {
		url: args.url,
		kinds,
		accounts: args.accounts,
		per_account: args.per_account,
		rate: args.rate,
		time_limit: Duration::from_secs(args.time_limit),
		progress: !args.quiet,
	};
	match run(&config).await {
		Ok(report) => {
			println!("{}", report.table());
			if let Err(error) = report.write(&args.out) {
				eprintln!("poruka-load: cannot write {}: {error}", args.out.display());
				return ExitCode::FAILURE;
			}
			println!("report.json, report.md and blocks.svg are in {}", args.out.display());
			ExitCode::SUCCESS
		}
		Err(error) => {
			eprintln!("poruka-load: {error}");
			ExitCode::FAILURE
		}
	}
}
