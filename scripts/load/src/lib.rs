//! Poruka's load tool: loads a local node with extrinsics signed in advance and counts, per
//! finalized block, what the chain included.
//!
//! A run: connect (a node on this machine running this tool's runtime), derive the load
//! accounts and have Alice fund them, read their nonces and sign every extrinsic, then start
//! the clock and submit them (at a rate or as fast as the pool takes them) while following new
//! best blocks (inclusion) and finalized blocks (counted once each, in order). It stops when
//! everything the pool accepted is finalized, or at the time limit.
//!
//! With any of the guarantor calls, the run goes on to the guarantor scenario ([`scenario`]):
//! the accounts form a cooperative, one phase (one call) at a time, each phase a burst counted
//! the same way.
//!
//! - [`rpc`]: the node's JSON-RPC;
//! - [`workload`]: the accounts and what they sign;
//! - [`scenario`]: the guarantor scenario's phases;
//! - [`follow`]: following best and finalized blocks;
//! - [`tracker`]: the counting;
//! - [`report`]: the summary table, `report.json` and the plot;
//! - [`scale`]: the chain at scale (`poruka-scale`): a spec whose genesis generates a
//!   synthetic cooperative, and the latency of the `guarantor_*` queries on it.

pub mod driver;
pub mod follow;
pub mod report;
pub mod rpc;
pub mod scale;
pub mod scenario;
pub mod tracker;
pub mod workload;

use std::{
	sync::Arc,
	time::{Duration, Instant},
};

use driver::Driver;

pub use report::{Report, Run};
pub use workload::{Job, Kind};

/// The most accounts a run may use.
pub const MAX_ACCOUNTS: usize = 10_000;
/// The most extrinsics a run may send.
pub const MAX_EXTRINSICS: usize = 1_000_000;
/// The most nodes a run may spread its load over.
pub const MAX_NODES: usize = 16;
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
	/// The nodes' WebSocket RPC, on this machine: the first is followed (and funds the accounts
	/// and sets up the scenario); the load is spread over all of them, each account sending to
	/// one node (account `k` to node `k mod n`, so its nonces arrive in order).
	pub urls: Vec<String>,
	/// The calls, sent in turn by every account.
	pub kinds: Vec<Kind>,
	/// How many accounts send.
	pub accounts: usize,
	/// The first load account's index (`//Load//{first_account}`): a scenario on a chain that
	/// ran one before needs accounts past those used.
	pub first_account: usize,
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
		if self.first_account > MAX_EXTRINSICS {
			return Err(Error::new(format!("the first account is at most {MAX_EXTRINSICS}")));
		}
		if self.urls.is_empty() || self.urls.len() > MAX_NODES {
			return Err(Error::new(format!("the load goes to 1 to {MAX_NODES} nodes")));
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
		let nodes = match self.urls.len() {
			1 => String::new(),
			n => format!(", spread over {n} nodes"),
		};
		format!(
			"{} from {} accounts, {}{nodes}",
			kinds.join(" + "),
			self.accounts,
			self.rate_label()
		)
	}

	pub fn rate_label(&self) -> String {
		self.rate.map_or("as fast as the pool takes them".into(), |r| format!("{r}/s"))
	}

	pub fn say(&self, line: String) {
		if self.progress {
			eprintln!("{line}");
		}
	}
}

/// Runs the load described by `config` and returns what the chain did with it: a report per
/// phase (transfers, then the guarantor scenario's phases). A scenario phase that does not
/// succeed in full ends the scenario early, with the reason in [`Run::stopped`].
pub async fn run(config: &Config) -> Result<Run, Error> {
	config.check()?;
	let mut nodes = Vec::with_capacity(config.urls.len());
	for url in &config.urls {
		nodes.push(Arc::new(rpc::Chain::connect(url).await?));
	}
	let chain = nodes[0].clone();
	if let Some(other) = nodes.iter().find(|node| node.genesis != chain.genesis) {
		return Err(Error::new(format!(
			"the nodes run different chains (genesis {:?} and {:?})",
			chain.genesis, other.genesis
		)));
	}
	let accounts = workload::accounts(config.first_account, config.accounts);
	let with_scenario = config.kinds.iter().any(|kind| *kind != Kind::Transfer);
	let funding = if with_scenario { scenario::FUNDING } else { workload::FUNDING };
	config.say(format!("[load] funding {} accounts", config.accounts));
	workload::fund(&chain, &accounts, funding).await?;
	let mut cooperative = None;
	if with_scenario {
		let mut founded = scenario::Cooperative::new(&accounts)?;
		config.say(format!("[load] founding a cooperative of {} pairs", accounts.len() / 2));
		founded.found(&chain).await?;
		cooperative = Some(founded);
	}

	let mut driver = Driver::start(nodes, config).await?;
	let mut phases = Vec::new();
	let mut stopped = None;
	if config.kinds.contains(&Kind::Transfer) {
		let jobs = workload::transfers(&accounts, config.per_account);
		let label = format!(
			"{} × transfer_keep_alive from {} accounts, {}",
			jobs.len(),
			accounts.len(),
			config.rate_label()
		);
		phases.push(phase(&mut driver, &accounts, Kind::Transfer, jobs, label).await?.0);
	}
	let outcome = match &mut cooperative {
		Some(cooperative) => {
			scenario_phases(&chain, &mut driver, &accounts, cooperative, &mut phases).await
		}
		None => Ok(None),
	};
	let finality = match outcome {
		Ok(why) => {
			stopped = why;
			driver.wait_finalized().await
		}
		Err(error) => Err(error),
	};
	// Put the chain's periods back whatever happened.
	if let Some(cooperative) = &cooperative {
		cooperative.restore(&chain).await?;
	}
	finality?;

	let mut reports = Vec::new();
	for p in phases {
		let report = driver.report(p.kind, p.label, p.started, p.submitting);
		// The first scenario phase that fell short in the end says why the run stopped.
		if p.kind != Kind::Transfer {
			if let Some(why) = report.incomplete() {
				stopped.get_or_insert(format!("{}: {why}", report.label));
			}
		}
		reports.push(report);
	}
	Ok(Run { label: config.label(), phases: reports, blocks: driver.blocks(), stopped })
}

/// A phase run: what it sent and when, for its report.
struct Phase {
	kind: Kind,
	label: String,
	started: Duration,
	submitting: Duration,
}

/// Signs `jobs`, sends them and waits until they are in the best chain.
async fn phase(
	driver: &mut Driver<'_>,
	accounts: &[sp_core::sr25519::Pair],
	kind: Kind,
	jobs: Vec<Job>,
	label: String,
) -> Result<(Phase, tracker::Progress), Error> {
	let signing = Instant::now();
	let signed = workload::sign(driver.chain(), accounts, jobs).await?;
	driver.say(format!("[load] {label}: signed in {:.1} s", signing.elapsed().as_secs_f64()));
	let started = driver.elapsed();
	let submitting = driver.send(signed).await?;
	let progress = driver.wait_included(kind).await?;
	Ok((Phase { kind, label, started, submitting }, progress))
}

/// The guarantor scenario's phases, in order, each in the best chain in full before the next;
/// the reason if one was not.
async fn scenario_phases(
	chain: &rpc::Chain,
	driver: &mut Driver<'_>,
	accounts: &[sp_core::sr25519::Pair],
	cooperative: &mut scenario::Cooperative,
	phases: &mut Vec<Phase>,
) -> Result<Option<String>, Error> {
	for kind in scenario::PHASES {
		let since = scenario::Cooperative::next_id_before(chain, kind).await?;
		let now = chain.best_number().await?;
		let jobs = cooperative.jobs(kind, now)?;
		let setup = if driver.config().kinds.contains(&kind) { "" } else { " (setup)" };
		let label = format!(
			"{} × {} from {} accounts, {}{setup}",
			jobs.len(),
			kind.name(),
			accounts.len() / 2,
			driver.config().rate_label()
		);
		let (done, progress) = phase(driver, accounts, kind, jobs, label).await?;
		let label = done.label.clone();
		phases.push(done);
		if progress.refused > 0
			|| progress.included < progress.accepted
			|| !progress.failed.is_empty()
		{
			return Ok(Some(format!(
				"{label}: {} refused by the pool, {} of {} included, failed: {:?}",
				progress.refused, progress.included, progress.accepted, progress.failed
			)));
		}
		cooperative.learn(chain, kind, since).await?;
	}
	Ok(None)
}
