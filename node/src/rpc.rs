//! The node's JSON-RPC methods beyond the standard `system_*`, `chain_*`, `state_*` and
//! `author_*` ones: `system_accountNextIndex` (frame-system), `payment_*` (transaction
//! payment), and Poruka's own: `guarantor_*` (claims, members, the guarantor tree) and
//! `agreements_status`. `docs/rpc.md` describes them.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use poruka_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need of the node.
pub struct FullDeps<C, P> {
	/// The client: state and runtime API access.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// Builds the RPC module with the node's own methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_guarantor_rpc::GuarantorRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	C::Api: pallet_agreements_rpc::AgreementsRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	P: TransactionPool + 'static,
{
	use pallet_agreements_rpc::AgreementsRpcServer;
	use pallet_guarantor_rpc::GuarantorRpcServer;
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use poruka_rpc_support::Reader;
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	// One reader serves both namespaces: `guarantor_*` and `agreements_*`.
	let reader = || Reader::<_, (Block, AccountId, Balance, BlockNumber)>::new(client.clone());
	module.merge(GuarantorRpcServer::into_rpc(reader()))?;
	module.merge(AgreementsRpcServer::into_rpc(reader()))?;

	Ok(module)
}
