//! # Node registry runtime API
//!
//! How a node learns, at each best block, which peers the chain authorizes: the nodes the
//! council admits and the nodes of the members that are active now.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;

pub use pallet_node_registry::NodeKey;

sp_api::decl_runtime_apis! {
	/// The members' network, as the node enforces it.
	pub trait NodeRegistryApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The peer ids (38-byte ed25519 peer ids) of every node that may peer now: the
		/// council's infrastructure nodes, then the nodes of active members.
		fn authorized_nodes() -> alloc::vec::Vec<[u8; 38]>;

		/// The nodes `who` registered (whether or not it is active now).
		fn nodes_of(who: AccountId) -> alloc::vec::Vec<NodeKey>;
	}
}
