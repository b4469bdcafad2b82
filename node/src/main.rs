//! `poruka-node`: the Poruka node, producing blocks with Aura and finalizing them with GRANDPA.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
