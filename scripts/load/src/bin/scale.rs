//! `poruka-scale`: the chain at scale. `spec` turns the dev chain's spec into one whose genesis
//! generates a synthetic cooperative; `query` measures the `guarantor_*` queries' latency on a
//! node running it. `scripts/scale.sh` runs both with the measurements around them; see
//! docs/performance.md.

use std::{io::Read, process::ExitCode};

use clap::{Parser, Subcommand};
use pallet_guarantor::SyntheticCooperative;
use poruka_load::{rpc::Chain, scale, Error};

#[derive(Parser, Debug)]
#[command(name = "poruka-scale")]
struct Args {
	#[command(subcommand)]
	command: Command,
}

/// The cooperative's shape.
#[derive(clap::Args, Debug)]
struct Shape {
	/// Members in all, founders included.
	#[arg(long)]
	members: u32,
	/// The founders (the tree's roots).
	#[arg(long, default_value_t = 300)]
	founders: u32,
	/// The levels below the founders.
	#[arg(long, default_value_t = 8)]
	depth: u32,
	/// The claims left open at genesis, in four phases.
	#[arg(long, default_value_t = 1_000)]
	claims: u32,
}

impl Shape {
	fn cooperative(&self) -> SyntheticCooperative {
		SyntheticCooperative {
			members: self.members,
			founders: self.founders,
			depth: self.depth,
			claims: self.claims,
		}
	}
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Reads a chain spec with a genesis patch (`poruka-node build-spec --chain dev`) on
	/// stdin, writes it with the synthetic cooperative to stdout, and the level sizes to
	/// stderr.
	Spec(Shape),
	/// Calls `guarantor_member`, `guarantor_claimStatus` and `guarantor_tree` (depth 8) on
	/// the node, one at a time, and prints their latency (p50, p95, max) as a Markdown table.
	Query {
		#[command(flatten)]
		shape: Shape,
		/// The node's WebSocket RPC (only a node on this machine).
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
		/// Calls of each query.
		#[arg(long, default_value_t = 1_000)]
		calls: usize,
	},
}

async fn run(args: Args) -> Result<(), Error> {
	match args.command {
		Command::Spec(shape) => {
			let cooperative = shape.cooperative();
			let mut input = String::new();
			std::io::stdin()
				.read_to_string(&mut input)
				.map_err(|e| Error::new(format!("cannot read the spec: {e}")))?;
			let spec = scale::spec(serde_json::from_str(&input)?, &cooperative)?;
			eprintln!("levels (founders first): {:?}", scale::levels(&cooperative)?);
			println!("{}", serde_json::to_string_pretty(&spec)?);
		}
		Command::Query { shape, url, calls } => {
			let chain = Chain::connect(&url).await?;
			let results = scale::query_latency(&chain, &shape.cooperative(), calls).await?;
			print!("{}", scale::latency_table(&results));
		}
	}
	Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
	match run(Args::parse()).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("poruka-scale: {error}");
			ExitCode::FAILURE
		}
	}
}
