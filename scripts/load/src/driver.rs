//! A run's hold on the chain: one follower of best and finalized blocks for the whole run, the
//! submitter, and the waits between phases. A phase waits only until its calls are in the best
//! chain (what the next phase needs); finality is awaited once, at the end, and every call is
//! counted in the finalized block that holds it.

use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use futures::StreamExt;
use tokio::task::JoinHandle;

use crate::{
	follow,
	report::Report,
	rpc::Chain,
	tracker::{BlockRow, Progress, Tracker},
	workload::{Kind, Signed},
	Config, Error,
};

/// Finalized blocks in a row without progress (no new inclusion, or no new finality, of what
/// is awaited), after which what is still pending is taken as never to be included.
pub const STALLED_AFTER: u32 = 10;

/// How many submissions may wait for the node's answer at once.
const IN_FLIGHT: usize = 256;

/// The followers and the counting of one run.
pub struct Driver<'a> {
	/// The followed node (the first of `nodes`).
	chain: Arc<Chain>,
	/// The nodes the load is spread over.
	nodes: Vec<Arc<Chain>>,
	config: &'a Config,
	tracker: Arc<Mutex<Tracker>>,
	best: JoinHandle<Result<(), Error>>,
	finalized: JoinHandle<Result<(), Error>>,
}

impl<'a> Driver<'a> {
	/// Starts following the chain (on the first of `nodes`) from its finalized block now,
	/// before anything is sent; the run's clock starts.
	pub async fn start(nodes: Vec<Arc<Chain>>, config: &'a Config) -> Result<Driver<'a>, Error> {
		let chain = nodes.first().cloned().ok_or_else(|| Error::new("no node to load"))?;
		let finalized = chain.finalized_head().await?;
		let start = chain.header(finalized).await?.number;
		let tracker = Arc::new(Mutex::new(Tracker::new(start)));
		let progress = config.progress;
		let on_block: follow::OnBlock = Box::new(move |row, pending| {
			if progress {
				let ours: Vec<String> = row.ours.iter().map(|(k, v)| format!("{k} {v}")).collect();
				eprintln!(
					"[load] #{:<6} finalized at {:>6.1} s: {:>5} of ours ({}), {} failed, weight \
					 {:.1}% (normal {:.1}%), {pending} pending",
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
		let finalized =
			tokio::spawn(follow::finalized_blocks(chain.clone(), tracker.clone(), on_block));
		Ok(Driver { chain, nodes, config, tracker, best, finalized })
	}

	/// The chain.
	pub fn chain(&self) -> &Chain {
		&self.chain
	}

	/// The run's configuration.
	pub fn config(&self) -> &Config {
		self.config
	}

	/// Prints a progress line unless the run is quiet.
	pub fn say(&self, line: String) {
		self.config.say(line);
	}

	/// Time since the run's clock started.
	pub fn elapsed(&self) -> Duration {
		self.tracker().started().elapsed()
	}

	fn tracker(&self) -> std::sync::MutexGuard<'_, Tracker> {
		self.tracker.lock().expect("the tracker")
	}

	/// Submits `signed` in order, at the run's rate or as fast as the pool takes them, each to
	/// its account's node; returns how long submitting took.
	pub async fn send(&self, signed: Vec<Signed>) -> Result<Duration, Error> {
		let began = Instant::now();
		let total = signed.len();
		let rate = self.config.rate;
		let mut submissions = futures::stream::iter(signed.into_iter().enumerate())
			.map(|(k, one)| {
				let chain = self.nodes[one.account % self.nodes.len()].clone();
				async move {
					if let Some(rate) = rate {
						let due = began + Duration::from_secs_f64(k as f64 / f64::from(rate));
						tokio::time::sleep_until(due.into()).await;
					}
					let outcome = chain.submit(&one.encoded).await;
					(one, outcome, Instant::now())
				}
			})
			.buffer_unordered(IN_FLIGHT);
		let (mut done, mut refused) = (0, 0);
		let mut last_note = Instant::now();
		while let Some((one, outcome, at)) = submissions.next().await {
			let mut tracker = self.tracker();
			match outcome {
				Ok(hash) if hash == one.hash => tracker.sent(one.hash, one.kind.name(), at),
				Ok(hash) => {
					return Err(Error::new(format!("the pool hashed {hash:?}, not {:?}", one.hash)))
				}
				Err(reason) => {
					refused += 1;
					tracker.rejected(one.kind.name(), reason)
				}
			}
			done += 1;
			if last_note.elapsed() > Duration::from_secs(2) {
				last_note = Instant::now();
				self.config.say(format!("[load] submitted {done}/{total} ({refused} refused)"));
			}
		}
		let submitting = began.elapsed();
		self.config.say(format!(
			"[load] all {total} submitted in {:.1} s ({refused} refused)",
			submitting.as_secs_f64()
		));
		Ok(submitting)
	}

	/// Fails if a follower stopped (the node went away, say).
	fn check_followers(&mut self) -> Result<(), Error> {
		for task in [&mut self.best, &mut self.finalized] {
			if task.is_finished() {
				return Err(Error::new("the chain follower stopped: is the node still up?"));
			}
		}
		Ok(())
	}

	/// Waits until `done` says so, or until [`STALLED_AFTER`] finalized blocks pass without
	/// `measure` moving, or the run's time limit. Returns whether `done` was reached.
	async fn wait(
		&mut self,
		what: &str,
		done: impl Fn(&Tracker) -> bool,
		measure: impl Fn(&Tracker) -> usize,
	) -> Result<bool, Error> {
		let deadline = Instant::now() + self.config.time_limit;
		let (mut last, mut since) = {
			let tracker = self.tracker();
			(measure(&tracker), tracker.counted_up_to())
		};
		loop {
			self.check_followers()?;
			{
				let tracker = self.tracker();
				if done(&tracker) {
					return Ok(true);
				}
				let now = measure(&tracker);
				if now != last {
					(last, since) = (now, tracker.counted_up_to());
				}
				// The pool may accept a transaction it can never include: the next nonce of an
				// account whose earlier one it refused waits in the future queue for good.
				if tracker.counted_up_to().saturating_sub(since) >= STALLED_AFTER {
					drop(tracker);
					self.config.say(format!(
						"[load] {STALLED_AFTER} finalized blocks without progress: giving up on {what}"
					));
					return Ok(false);
				}
			}
			if Instant::now() > deadline {
				self.config.say(format!("[load] time limit reached waiting for {what}"));
				return Ok(false);
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Waits until every call of `kind` the pool accepted is in the best chain; returns where
	/// they stand.
	pub async fn wait_included(&mut self, kind: Kind) -> Result<Progress, Error> {
		let name = kind.name();
		let what = format!("the {name} calls' inclusion");
		self.wait(
			&what,
			|t| {
				let p = t.progress(name);
				p.included == p.accepted
			},
			|t| t.progress(name).included,
		)
		.await?;
		Ok(self.tracker().progress(name))
	}

	/// Waits until everything the pool accepted is finalized.
	pub async fn wait_finalized(&mut self) -> Result<(), Error> {
		self.config.say("[load] waiting for finality".into());
		self.wait("finality", |t| t.pending() == 0, |t| t.totals().finalized).await?;
		Ok(())
	}

	/// The report of the calls of `kind`, a phase that started at `started` on the run's clock
	/// and took `submitting` to send.
	pub fn report(
		&self,
		kind: Kind,
		label: String,
		started: Duration,
		submitting: Duration,
	) -> Report {
		let name = kind.name();
		let tracker = self.tracker();
		let blocks: Vec<BlockRow> = tracker
			.blocks()
			.iter()
			.filter(|row| row.ours.contains_key(name))
			.map(|row| {
				let mut row = row.clone();
				row.ours.retain(|k, _| *k == name);
				row
			})
			.collect();
		let last = blocks.last().map_or(started, |row| row.finalized_after);
		Report {
			label,
			totals: tracker.totals_of(name),
			blocks,
			started,
			submitting,
			elapsed: last.saturating_sub(started),
		}
	}

	/// Every finalized block counted, with all of the load's calls in it.
	pub fn blocks(&self) -> Vec<BlockRow> {
		self.tracker().blocks().to_vec()
	}
}

impl Drop for Driver<'_> {
	fn drop(&mut self) {
		self.best.abort();
		self.finalized.abort();
	}
}
