//! The chain at scale: a chain spec whose genesis generates a synthetic cooperative (see
//! `pallet_guarantor::synthetic`), and the latency of the `guarantor_*` queries on it.
//!
//! `spec` takes the dev chain's spec (`poruka-node build-spec --chain dev`, the form with the
//! preset's patch, not `--raw`) and adds the synthetic cooperative to its guarantor genesis,
//! so a 500,000-member chain's spec stays as small as the dev chain's: the node builds the
//! members when it starts.

use std::time::{Duration, Instant};

use frame_support::traits::Get;
use jsonrpsee::{core::client::ClientT, rpc_params};
use pallet_guarantor::SyntheticCooperative;
use poruka_primitives::synthetic::account_bytes;
use poruka_runtime::{AccountId, Runtime};
use serde_json::{json, Value};

use crate::{rpc::Chain, Error};

/// The runtime's `MinGuarantors` and `MaxWards`: what the synthetic levels must respect.
fn runtime_bounds() -> (u32, u32) {
	(
		<Runtime as pallet_guarantor::Config>::MinGuarantors::get(),
		<Runtime as pallet_guarantor::Config>::MaxWards::get(),
	)
}

/// The level sizes the runtime will build for `cooperative`, or why it would refuse it.
pub fn levels(cooperative: &SyntheticCooperative) -> Result<Vec<u32>, Error> {
	let (min_guarantors, max_wards) = runtime_bounds();
	cooperative.level_sizes(min_guarantors, max_wards).map_err(Error)
}

/// `spec` (a chain spec in its patch form) with `cooperative` in its guarantor genesis, named
/// and identified as a scale chain of that many members (its own base-path directory).
pub fn spec(mut spec: Value, cooperative: &SyntheticCooperative) -> Result<Value, Error> {
	levels(cooperative)?;
	let runtime = spec
		.pointer_mut("/genesis/runtimeGenesis")
		.ok_or_else(|| Error::new("not a chain spec: no genesis.runtimeGenesis"))?;
	let patch = runtime.get_mut("patch").ok_or_else(|| {
		Error::new(
			"the spec has no genesis patch: give the spec the node builds from its preset \
			 (`build-spec --chain dev`, without --raw)",
		)
	})?;
	let guarantor = patch
		.as_object_mut()
		.ok_or_else(|| Error::new("the genesis patch is not a JSON object"))?
		.entry("guarantor")
		.or_insert_with(|| json!({}));
	guarantor["synthetic"] = serde_json::to_value(cooperative)?;
	spec["name"] = json!(format!("Poruka scale ({} members)", cooperative.members));
	spec["id"] = json!(format!("poruka_scale_{}", cooperative.members));
	Ok(spec)
}

/// The `index`-th synthetic member's account.
pub fn account(index: u32) -> AccountId {
	AccountId::new(account_bytes(index))
}

/// One query's latencies over a run.
#[derive(Clone, Debug)]
pub struct Latency {
	/// The RPC method.
	pub method: &'static str,
	/// The calls made.
	pub calls: usize,
	/// The median.
	pub p50: Duration,
	/// The 95th percentile.
	pub p95: Duration,
	/// The slowest.
	pub max: Duration,
}

/// A small deterministic generator (xorshift64*): the same members queried on every run.
struct Picks(u64);

impl Picks {
	fn below(&mut self, bound: u32) -> u32 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		(self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as u32 % bound.max(1)
	}
}

/// `calls` calls each of `guarantor_member` (random members), `guarantor_claimStatus` (random
/// synthetic claims) and `guarantor_tree` (depth 8, above random members of the deepest
/// level), one at a time, each checked for an answer about a real member or claim.
pub async fn query_latency(
	chain: &Chain,
	cooperative: &SyntheticCooperative,
	calls: usize,
) -> Result<Vec<Latency>, Error> {
	let sizes = levels(cooperative)?;
	let deepest = sizes.last().copied().unwrap_or(cooperative.members);
	let deepest_start = cooperative.members - deepest;
	let mut picks = Picks(0x9e37_79b9_7f4a_7c15);
	let mut results = Vec::new();
	for method in ["guarantor_member", "guarantor_claimStatus", "guarantor_tree"] {
		if method == "guarantor_claimStatus" && cooperative.claims == 0 {
			continue;
		}
		let mut times = Vec::with_capacity(calls);
		for _ in 0..calls {
			let started = Instant::now();
			let answer: Value = match method {
				"guarantor_member" => {
					let who = account(picks.below(cooperative.members)).to_string();
					chain.client().request(method, rpc_params![who]).await?
				}
				"guarantor_claimStatus" => {
					let id = picks.below(cooperative.claims);
					chain.client().request(method, rpc_params![id]).await?
				}
				_ => {
					let who = account(deepest_start + picks.below(deepest)).to_string();
					chain.client().request(method, rpc_params![who, 8]).await?
				}
			};
			times.push(started.elapsed());
			check(method, &answer)?;
		}
		times.sort();
		let at = |q: usize| times[(times.len() * q / 100).min(times.len() - 1)];
		results.push(Latency {
			method,
			calls,
			p50: at(50),
			p95: at(95),
			max: times.last().copied().unwrap_or_default(),
		});
	}
	Ok(results)
}

/// Refuses an answer that is not about a synthetic member or claim (a chain without the
/// synthetic cooperative, say).
fn check(method: &str, answer: &Value) -> Result<(), Error> {
	let ok = match method {
		"guarantor_member" => answer["status"].as_str().is_some_and(|s| s != "none"),
		"guarantor_claimStatus" => answer.get("respondent").is_some(),
		_ => answer.is_object(),
	};
	if ok {
		Ok(())
	} else {
		Err(Error::new(format!("{method} answered about no synthetic member or claim: {answer}")))
	}
}

/// The latencies as a Markdown table.
pub fn latency_table(results: &[Latency]) -> String {
	let ms = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1000.0);
	let mut table =
		String::from("| query | calls | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
	for r in results {
		table.push_str(&format!(
			"| `{}` | {} | {} | {} | {} |\n",
			r.method,
			r.calls,
			ms(r.p50),
			ms(r.p95),
			ms(r.max)
		));
	}
	table
}

#[cfg(test)]
mod tests {
	use super::*;

	fn cooperative() -> SyntheticCooperative {
		SyntheticCooperative { members: 1_000, founders: 10, depth: 6, claims: 100 }
	}

	#[test]
	fn the_spec_gets_the_cooperative_in_its_guarantor_genesis_and_its_own_id() {
		let dev = json!({
			"name": "Development", "id": "dev",
			"genesis": { "runtimeGenesis": { "code": "0x00", "patch": {
				"guarantor": { "founders": [], "guarantees": [] }
			}}}
		});
		let scale = spec(dev, &cooperative()).unwrap();
		assert_eq!(scale["id"], "poruka_scale_1000");
		let synthetic = &scale["genesis"]["runtimeGenesis"]["patch"]["guarantor"]["synthetic"];
		assert_eq!(synthetic, &json!({"members": 1000, "founders": 10, "depth": 6, "claims": 100}));
		// The rest of the guarantor genesis is kept.
		assert!(scale["genesis"]["runtimeGenesis"]["patch"]["guarantor"]["founders"].is_array());
	}

	#[test]
	fn a_raw_spec_or_impossible_parameters_are_refused_in_words() {
		let raw = json!({"genesis": {"raw": {}}});
		assert!(spec(raw, &cooperative()).unwrap_err().0.contains("runtimeGenesis"));
		let no_patch = json!({"genesis": {"runtimeGenesis": {"code": "0x00"}}});
		assert!(spec(no_patch, &cooperative()).unwrap_err().0.contains("without --raw"));
		let too_few = SyntheticCooperative { founders: 1, ..cooperative() };
		assert!(levels(&too_few).unwrap_err().0.contains("founders"));
	}

	#[test]
	fn synthetic_accounts_are_the_runtime_s() {
		assert_eq!(account(3), pallet_guarantor::synthetic::account::<Runtime>(3));
	}
}
