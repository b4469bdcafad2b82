//! Poruka's load tool: loads a local node with extrinsics signed in advance and counts, per
//! finalized block, what the chain included.
//!
//! A run: connect (a node on this machine running this tool's runtime), derive the load
//! accounts and have Alice fund them, read their nonces and sign every extrinsic, then start
//! the clock and submit them (at a rate or as fast as the pool takes them) while following new
//! best blocks (inclusion) and finalized blocks (counted once each, in order). It stops when
//! everything the pool accepted is finalized, or at the time limit.
//!
//! - [`rpc`]: the node's JSON-RPC;
//! - [`workload`]: the accounts and what they sign;
//! - [`follow`]: following best and finalized blocks;
//! - [`tracker`]: the counting;
//! - [`report`]: the summary table, `report.json` and the plot.

pub mod follow;
pub mod report;
pub mod rpc;
pub mod tracker;
pub mod workload;

use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use futures::StreamExt;

pub use report::Report;
use tracker::Tracker;
pub use workload::Kind;

/// The most accounts a run may use.
pub const MAX_ACCOUNTS: usize = 10_000;
/// The most extrinsics a run may send.
pub const MAX_EXTRINSICS: usize = 1_000_000;
/// The longest a run may last (after signing).
pub const MAX_DURATION: Duration = Duration::from_secs(3_600);

/// A run's failure, in words.
#[derive(Debug)]
pub struct Error(pub String);

impl Error {
	pub fn new(what: impl Into<String>) -> Error {
		Error(what.into())
	}
}

impl std::fmt::Display for Error {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for Error {}

impl From<jsonrpsee::core::client::Error> for Error {
	fn from(error: jsonrpsee::core::client::Error) -> Error {
		Error(format!("RPC: {error}"))
	}
}

impl From<serde_json::Error> for Error {
	fn from(error: serde_json::Error) -> Error {
		Error(format!("a notification that is not JSON: {error}"))
	}
}

/// What to run.
#[derive(Clone, Debug)]
pub struct Config {
	/// The node's WebSocket RPC, on this machine.
	pub url: String,
	/// The calls, sent in turn by every account.
	pub kinds: Vec<Kind>,
	/// How many accounts send.
	pub accounts: usize,
	/// How many extrinsics each account sends.
	pub per_account: usize,
	/// Extrinsics per second; `None`: as fast as the pool takes them.
	pub rate: Option<u32>,
	/// How long to wait, after the last submission, for everything to be finalized.
	pub time_limit: Duration,
	/// Print a line per finalized block and progress while submitting.
	pub progress: bool,
}

impl Config {
	fn check(&self) -> Result<(), Error> {
		let total = self.accounts.saturating_mul(self.per_account);
		if self.accounts < 2 || self.accounts > MAX_ACCOUNTS {
			return Err(Error::new(format!("accounts must be 2 to {MAX_ACCOUNTS}")));
		}
		if total == 0 || total > MAX_EXTRINSICS {
			return Err(Error::new(format!("the run must send 1 to {MAX_EXTRINSICS} extrinsics")));
		}
		if self.kinds.is_empty() {
			return Err(Error::new("no calls to send"));
		}
		if self.rate == Some(0) {
			return Err(Error::new("a rate of 0 sends nothing"));
		}
		if self.time_limit > MAX_DURATION {
			return Err(Error::new(format!("the time limit is at most {MAX_DURATION:?}")));
		}
		Ok(())
	}

	/// A one-line description of the run, for the report.
	pub fn label(&self) -> String {
		let kinds: Vec<&str> = self.kinds.iter().map(|kind| kind.name()).collect();
		let rate = self.rate.map_or("as fast as the pool takes them".into(), |r| format!("{r}/s"));
		format!(
			"{} × {} from {} accounts, {rate}",
			self.accounts * self.per_account,
			kinds.join(" + "),
			self.accounts
		)
	}
}

/// Finalized blocks in a row without any of the load, once everything is sent, after which
/// what is still pending is taken as never to be included.
const STALLED_AFTER: usize = 10;

/// How many submissions may wait for the node's answer at once.
const IN_FLIGHT: usize = 256;

/// Runs the load described by `config` and returns what the chain did with it.
pub async fn run(config: &Config) -> Result<Report, Error> {
	config.check()?;
	let say = |line: String| {
		if config.progress {
			eprintln!("{line}");
		}
	};
	let chain = Arc::new(rpc::Chain::connect(&config.url).await?);
	say(format!("[load] funding {} accounts", config.accounts));
	let accounts = workload::accounts(config.accounts);
	workload::fund(&chain, &accounts).await?;
	let signing = Instant::now();
	let signed = workload::sign_all(&chain, &accounts, &config.kinds, config.per_account).await?;
	say(format!(
		"[load] signed {} extrinsics in {:.1} s",
		signed.len(),
		signing.elapsed().as_secs_f64()
	));

	// Follow the chain from its finalized block now, before anything is sent.
	let finalized: sp_core::H256 = chain.finalized_head().await?;
	let start = chain.header(finalized).await?.number;
	let tracker = Arc::new(Mutex::new(Tracker::new(start)));
	let progress = config.progress;
	let on_block: follow::OnBlock = Box::new(move |row, pending| {
		if progress {
			let ours: Vec<String> = row.ours.iter().map(|(k, v)| format!("{k} {v}")).collect();
			eprintln!(
				"[load] #{:<6} finalized at {:>6.1} s: {:>5} of ours ({}), {} failed, weight {:.1}% \
				 (normal {:.1}%), {pending} pending",
				row.number,
				row.finalized_after.as_secs_f64(),
				row.ours_total(),
				if ours.is_empty() { "-".into() } else { ours.join(", ") },
				row.failed,
				row.weight_percent,
				row.normal_percent,
			);
		}
	});
	let best = tokio::spawn(follow::best_blocks(chain.clone(), tracker.clone()));
	let final_ = tokio::spawn(follow::finalized_blocks(chain.clone(), tracker.clone(), on_block));

	tracker.lock().expect("the tracker").start_clock();
	let began = Instant::now();
	let total = signed.len();
	let mut submissions = futures::stream::iter(signed.into_iter().enumerate())
		.map(|(k, one)| {
			let chain = chain.clone();
			async move {
				if let Some(rate) = config.rate {
					let due = began + Duration::from_secs_f64(k as f64 / f64::from(rate));
					tokio::time::sleep_until(due.into()).await;
				}
				let outcome = chain.submit(&one.encoded).await;
				(one, outcome, Instant::now())
			}
		})
		.buffer_unordered(IN_FLIGHT);
	let mut done = 0;
	let mut last_note = Instant::now();
	while let Some((one, outcome, at)) = submissions.next().await {
		let mut tracker = tracker.lock().expect("the tracker");
		match outcome {
			Ok(hash) if hash == one.hash => tracker.sent(one.hash, one.kind.name(), at),
			Ok(hash) => {
				return Err(Error::new(format!("the pool hashed {hash:?}, not {:?}", one.hash)))
			}
			Err(reason) => tracker.rejected(reason),
		}
		done += 1;
		if last_note.elapsed() > Duration::from_secs(2) {
			last_note = Instant::now();
			let totals = tracker.totals();
			let refused: usize = totals.rejected.values().sum();
			say(format!("[load] submitted {done}/{total} ({refused} refused)"));
		}
	}
	let submitting = began.elapsed();
	say(format!(
		"[load] all {total} submitted in {:.1} s; waiting for finality",
		submitting.as_secs_f64()
	));

	let deadline = Instant::now() + config.time_limit;
	loop {
		if best.is_finished() || final_.is_finished() {
			let failed = if best.is_finished() { best } else { final_ };
			return Err(match failed.await {
				Ok(Err(error)) => error,
				Ok(Ok(())) => Error::new("the chain follower stopped"),
				Err(error) => Error::new(format!("the chain follower panicked: {error}")),
			});
		}
		let (pending, idle) = {
			let tracker = tracker.lock().expect("the tracker");
			(tracker.pending(), tracker.idle_blocks())
		};
		if pending == 0 {
			break;
		}
		// The pool may accept a transaction it can never include: the next nonce of an account
		// whose earlier one it refused waits in the future queue for good.
		if idle >= STALLED_AFTER {
			say(format!(
				"[load] {STALLED_AFTER} finalized blocks without any of the load: {pending} \
				 accepted but never included"
			));
			break;
		}
		if Instant::now() > deadline {
			say(format!(
				"[load] time limit reached with {} pending",
				tracker.lock().expect("the tracker").pending()
			));
			break;
		}
		tokio::time::sleep(Duration::from_millis(200)).await;
	}
	best.abort();
	final_.abort();
	let tracker = tracker.lock().expect("the tracker");
	Ok(Report {
		label: config.label(),
		totals: tracker.totals(),
		blocks: tracker.blocks().to_vec(),
		submitting,
		elapsed: began.elapsed(),
	})
}
