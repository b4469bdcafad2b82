//! `poruka-node`: the Poruka node, producing blocks with Aura and finalizing them with GRANDPA.

#![warn(missing_docs)]
// The node returns the SDK's own error types (`sc_cli::Error`, `sc_service::Error`), which are
// large by their design; boxing them at every call site would only obscure the code.
#![allow(clippy::result_large_err)]

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod genesis;
mod members_network;
mod rpc;
mod service;

/// jemalloc, not glibc's malloc, allocates for the node on Linux: building the genesis of a
/// 100,000-member chain took a third less time (44 s, not 67 s) and left the node holding
/// 1,352 MiB, not 1,666 MiB (docs/performance.md, "The chain at scale").
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> sc_cli::Result<()> {
	command::run()
}
