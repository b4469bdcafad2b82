//! A fuzzer of the real Poruka runtime.
//!
//! Each sequence starts from the `development` preset's genesis and applies random steps
//! ([`calls::next_step`]): signed calls of every Guarantor, Agreements, ContractCommitments and
//! Balances call (and Utility batches, and root calls through Sudo), and calls of contracts
//! that call the Poruka precompile (deployed in the first block), from a fixed set of funded
//! accounts, applied through `Executive` with every transaction extension and fee, and random
//! advances of up to 150 blocks that cross every period. After every block
//! [`checks::after_block`] checks the pallets' `try_state`, balances, total issuance, block
//! weight and defensive failures. A sequence is replayed exactly from its seed.
//!
//! The generator is seeded, not coverage-guided: see `docs/reliability.md` for why, and for
//! the long run's numbers.

pub mod calls;
pub mod chain;
pub mod checks;
pub mod rng;

use std::collections::BTreeMap;

use calls::Step;
use chain::Chain;
use frame_support::traits::fungible::Inspect as _;
use poruka_runtime::{Balances, Runtime, RuntimeCall, RuntimeEvent};
use sp_runtime::{DispatchError, Storage};

/// What a sequence did.
#[derive(Default, Debug)]
pub struct Report {
	/// Calls generated.
	pub calls: u64,
	/// Calls included in a block (the rest were refused as transactions: bad nonce, no funds
	/// for the fee, block full).
	pub included: u64,
	/// Blocks built.
	pub blocks: u64,
	/// How often each call ended each way ("Guarantor.vote → Ok", "… → NotOnPanel").
	pub outcomes: BTreeMap<String, u64>,
}

impl Report {
	/// Adds `other`'s counts to this one.
	pub fn merge(&mut self, other: Report) {
		self.calls += other.calls;
		self.included += other.included;
		self.blocks += other.blocks;
		for (outcome, count) in other.outcomes {
			*self.outcomes.entry(outcome).or_default() += count;
		}
	}
}

/// A broken rule: the seed that breaks it, the step and block, what broke, and the steps.
#[derive(Debug)]
pub struct Failure {
	pub seed: u64,
	pub step: usize,
	pub block: u32,
	pub what: String,
	pub steps: Vec<Step>,
}

impl std::fmt::Display for Failure {
	fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		writeln!(
			f,
			"seed {} broke at step {} (block {}): {}",
			self.seed, self.step, self.block, self.what
		)?;
		for (i, step) in self.steps.iter().enumerate() {
			writeln!(f, "  {i:>4}: {step:?}")?;
		}
		Ok(())
	}
}

/// The `call`'s name as "Pallet.call", and for `Sudo.sudo` the call it wraps:
/// "Sudo.sudo(Guarantor.set_timing)".
fn call_name(call: &RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let meta = call.get_call_metadata();
	let name = format!("{}.{}", meta.pallet_name, meta.function_name);
	match call {
		RuntimeCall::Sudo(pallet_sudo::Call::sudo { call }) => {
			format!("{name}({})", call_name(call))
		}
		// A contract call: the precompile's function it asks for ("Revive.call(commit)").
		RuntimeCall::Revive(pallet_revive::Call::call { data, .. }) => {
			use pallet_revive::precompiles::alloy::sol_types::SolInterface;
			use poruka_runtime::precompiles::IPoruka::IPorukaCalls as F;
			let function = match F::abi_decode(data) {
				Ok(F::isActiveMember(_)) => "isActiveMember",
				Ok(F::coverageOf(_)) => "coverageOf",
				Ok(F::committedOf(_)) => "committedOf",
				Ok(F::commitmentOf(_)) => "commitmentOf",
				Ok(F::claimStatus(_)) => "claimStatus",
				Ok(F::commit(_)) => "commit",
				Ok(F::release(_)) => "release",
				Ok(F::fileClaim(_)) => "fileClaim",
				Err(_) => "no function",
			};
			format!("{name}({function})")
		}
		_ => name,
	}
}

/// The outcome of the call `sudo` dispatched in the extrinsic just applied, from its `Sudid`
/// event: "Ok" or the error's name.
fn sudo_result() -> Option<String> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => Some(sudo_result),
			_ => None,
		})
		.last()
		.map(|result| result.map_or_else(error_name, |()| "Ok".to_string()))
}

/// The name of a dispatch error ("NotOnPanel", "BadOrigin", …).
fn error_name(error: DispatchError) -> String {
	match error {
		DispatchError::Module(module) => match module.message {
			Some(message) => message.into(),
			// An error carried by an event has lost its name: find it by its indices.
			None => match poruka_runtime::RuntimeError::from_dispatch_error(error) {
				Some(known) => format!("{known:?}")
					.rsplit('(')
					.next()
					.unwrap_or_default()
					.trim_end_matches(')')
					.to_string(),
				None => format!("{module:?}"),
			},
		},
		other => format!("{other:?}"),
	}
}

/// Runs the sequence of `seed`, `steps` steps long, from `genesis`.
pub fn run(genesis: &Storage, seed: u64, steps: usize) -> Result<Report, Failure> {
	let mut rng = rng::Rng::new(seed);
	let mut ext = sp_io::TestExternalities::new(genesis.clone());
	let mut taken = Vec::with_capacity(steps);
	let outcome = ext.execute_with(|| {
		std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
			let mut chain = Chain::at_genesis();
			let mut report = Report::default();
			let (mut defensive, _) = checks::defensive_failures();
			let fail = |step: usize, block: u32, what: String| (step, block, what);
			let (genesis_total, genesis_active) =
				(Balances::total_issuance(), Balances::active_issuance());
			chain.open_block();
			let contracts = chain::deploy_contracts(&chain);
			// `pallet-revive` mints each new contract account's existential deposit and
			// deactivates it, and nothing else may mint: total issuance grows by exactly that,
			// active issuance not at all. The sequence's contracts are all made here and never
			// destroyed, so issuance is conserved from here on.
			let issuance = Balances::total_issuance();
			let minted = contracts.count() * poruka_runtime::EXISTENTIAL_DEPOSIT;
			if issuance != genesis_total + minted || Balances::active_issuance() != genesis_active {
				return Err(fail(
					0,
					1,
					format!(
						"deploying the contracts took issuance from {genesis_total} (active \
					 {genesis_active}) to {issuance} (active {}), not by {minted} inactive",
						Balances::active_issuance()
					),
				));
			}
			for step in 0..steps {
				let next = calls::next_step(&mut rng, &contracts);
				taken.push(next.clone());
				match next {
					Step::Call { signer, call } => {
						report.calls += 1;
						let name = call_name(&call);
						let outcome = match chain.apply(signer, *call) {
							Ok(Ok(())) => {
								report.included += 1;
								match sudo_result() {
									// `sudo` succeeds whatever its call did: name that outcome.
									Some(inner) if name.starts_with("Sudo.sudo(") => inner,
									_ => "Ok".to_string(),
								}
							}
							Ok(Err(error)) => {
								report.included += 1;
								error_name(error)
							}
							Err(invalid) => format!("refused: {invalid:?}"),
						};
						*report.outcomes.entry(format!("{name} → {outcome}")).or_default() += 1;
					}
					Step::Advance { blocks } => {
						for _ in 0..=blocks {
							chain.close_block();
							report.blocks += 1;
							checks::after_block(issuance, defensive)
								.map_err(|what| fail(step, chain.number(), what))?;
							defensive = checks::defensive_failures().0;
							chain.open_block();
						}
					}
				}
			}
			chain.close_block();
			report.blocks += 1;
			checks::after_block(issuance, defensive)
				.map_err(|what| fail(steps, chain.number(), what))?;
			Ok(report)
		}))
	});
	let broken = |step, block, what| Failure { seed, step, block, what, steps: taken.clone() };
	match outcome {
		Ok(Ok(report)) => Ok(report),
		Ok(Err((step, block, what))) => Err(broken(step, block, what)),
		Err(panic) => {
			let what = panic
				.downcast_ref::<String>()
				.cloned()
				.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
				.unwrap_or_else(|| "a panic".into());
			Err(broken(taken.len(), 0, format!("panicked: {what}")))
		}
	}
}
