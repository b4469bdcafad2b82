//! The genesis block, built only when the database has none.
//!
//! `sc_service::new_full_parts` makes a `GenesisBlockBuilder`, which computes the whole genesis
//! storage from the chain spec as soon as it is made (running the runtime's genesis builder),
//! at every start; the client then uses it only if the database is empty. For a chain whose
//! genesis is large, a restart paid for a genesis it threw away: a node of the 500,000-member
//! scale chain took 253 s and 5 GiB to restart on its own database (docs/performance.md).
//! [`OnFirstStart`] defers that work to the one start that needs it.

use std::sync::Arc;

use poruka_runtime::opaque::Block;
use sc_service::{BuildGenesisBlock, ChainSpec, GenesisBlockBuilder};

type FullBackend = sc_service::TFullBackend<Block>;

/// Builds the genesis block from `chain_spec` when (and only when) the client asks for it: on
/// the first start, with an empty database.
pub struct OnFirstStart<E> {
	chain_spec: Box<dyn ChainSpec>,
	commit_genesis_state: bool,
	backend: Arc<FullBackend>,
	executor: E,
}

impl<E> OnFirstStart<E> {
	/// A builder for `chain_spec`'s genesis into `backend`; `commit_genesis_state` as
	/// `sc_service` sets it (`!config.no_genesis()`).
	pub fn new(
		chain_spec: Box<dyn ChainSpec>,
		commit_genesis_state: bool,
		backend: Arc<FullBackend>,
		executor: E,
	) -> Self {
		Self { chain_spec, commit_genesis_state, backend, executor }
	}
}

impl<E> BuildGenesisBlock<Block> for OnFirstStart<E>
where
	E: sc_executor::RuntimeVersionOf,
{
	type BlockImportOperation =
		<FullBackend as sc_client_api::backend::Backend<Block>>::BlockImportOperation;

	fn build_genesis_block(self) -> sp_blockchain::Result<(Block, Self::BlockImportOperation)> {
		log::info!(target: "poruka", "building the genesis state from the chain spec");
		let started = std::time::Instant::now();
		let built = GenesisBlockBuilder::new(
			self.chain_spec.as_storage_builder(),
			self.commit_genesis_state,
			self.backend,
			self.executor,
		)?
		.build_genesis_block()?;
		log::info!(
			target: "poruka",
			"genesis state built in {:.1} s",
			started.elapsed().as_secs_f64()
		);
		Ok(built)
	}
}
