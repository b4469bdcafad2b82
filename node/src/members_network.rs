//! The members' network, enforced by every node: it peers only with the nodes the chain
//! authorizes (`pallet-node-registry`: the nodes of active members and those the council
//! admits).
//!
//! The node reads the authorized set at its best block (`NodeRegistryApi::authorized_nodes`)
//! when it starts, at each new best block, and every [`POLL`] (while a node syncs, imported
//! blocks are not announced as new best blocks). The set becomes the network's reserved peers
//! on the block-announce protocol, in reserved-only mode: a peer outside it is refused, and a
//! peer that leaves it is disconnected. GRANDPA and transactions gossip only with the peers of
//! that protocol, so they follow it. Both network backends, litep2p and libp2p, enforce the same
//! rule. docs/validator.md says why this is a node task and not `pallet-node-authorization`.
//!
//! A chain whose registry is empty (the dev chain, a chain before the pallet) is not
//! restricted. Once the node enforces a set it never lifts it: an emptied registry keeps the
//! last set (the network must not open to everyone because the last node was removed).

use std::{collections::HashSet, sync::Arc, time::Duration};

use futures::StreamExt;
use pallet_node_registry_runtime_api::NodeRegistryApi;
use poruka_runtime::{opaque::Block, AccountId};
use sc_client_api::BlockchainEvents;
use sc_network::{service::traits::NetworkService, PeerId};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

use crate::service::FullClient;

/// How often the set is read again without a new best block.
pub const POLL: Duration = Duration::from_secs(6);

/// The log target.
const TARGET: &str = "members-network";

/// The peers the chain authorizes at the node's best block: `None` if the chain has no node
/// registry or it is empty (no restriction), or it cannot be read.
pub fn authorized_peers(client: &FullClient) -> Option<HashSet<PeerId>> {
	let best = client.info().best_hash;
	let api = client.runtime_api();
	if !api.has_api::<dyn NodeRegistryApi<Block, AccountId>>(best).unwrap_or(false) {
		return None;
	}
	let nodes = api
		.authorized_nodes(best)
		.inspect_err(|error| {
			log::warn!(target: TARGET, "cannot read the authorized nodes: {error}");
		})
		.ok()?;
	let peers: HashSet<PeerId> =
		nodes.iter().filter_map(|bytes| PeerId::from_bytes(bytes).ok()).collect();
	(!peers.is_empty()).then_some(peers)
}

/// Keeps the node's peers to the authorized set, for as long as the node runs. `enforcing`:
/// whether the network was started in reserved-only mode (the chain had a set at start).
pub async fn enforce(client: Arc<FullClient>, network: Arc<dyn NetworkService>, enforcing: bool) {
	let mut enforcer = Enforcer { enforcing, current: None };
	let best_blocks = client.import_notification_stream().filter(|n| {
		let best = n.is_new_best;
		async move { best }
	});
	let mut best_blocks = std::pin::pin!(best_blocks);
	loop {
		enforcer.update(authorized_peers(&client), network.as_ref());
		tokio::select! {
			_ = best_blocks.next() => {},
			_ = tokio::time::sleep(POLL) => {},
		}
	}
}

/// What the node enforces now.
struct Enforcer {
	/// Whether the network is in reserved-only mode.
	enforcing: bool,
	/// The reserved peers last handed to the network.
	current: Option<HashSet<PeerId>>,
}

impl Enforcer {
	/// Applies `authorized` if it differs from what the network has.
	fn update(&mut self, authorized: Option<HashSet<PeerId>>, network: &dyn NetworkService) {
		let local = network.local_peer_id();
		let Some(mut authorized) = authorized else {
			if self.enforcing && self.current.is_some() {
				log::debug!(target: TARGET, "no authorized nodes: keeping the last set");
			}
			return;
		};
		authorized.remove(&local);
		if self.current.as_ref() == Some(&authorized) {
			return;
		}
		if !self.enforcing {
			// The chain started using the registry while this node ran: drop every peer first
			// (switching modes with reserved peers connected confuses litep2p's peer set), then
			// reconnect to the authorized ones.
			log::info!(target: TARGET, "the chain now restricts its network: reconnecting");
			network.set_authorized_only(true);
			self.enforcing = true;
		}
		log::info!(
			target: TARGET,
			"members' network: peering only with the {} nodes the chain authorizes",
			authorized.len()
		);
		network.set_authorized_peers(authorized.clone());
		self.current = Some(authorized);
	}
}
