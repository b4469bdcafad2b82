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
mod members_network;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
