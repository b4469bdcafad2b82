//! # Node registry pallet
//!
//! The members' network: which nodes may peer with the cooperative's nodes.
//!
//! - An **active member** registers the peer id of each node it runs ([`register_node`]), at
//!   most `MaxNodesPerMember`; a peer id belongs to one member. It deregisters them when it
//!   wants ([`deregister_node`]).
//! - The **council** admits nodes no member runs ([`set_infra_nodes`]): bootnodes, a block
//!   explorer or a public RPC node — a public read-only mode is the council's choice, on chain.
//! - The **authorized nodes** are the infrastructure nodes and the nodes of the members that are
//!   active *now* ([`Pallet::authorized_nodes`], read by the node through a runtime API at each
//!   best block): a member that is suspended or leaves loses its nodes' place at once, with no
//!   write; a member reinstated gets it back. Its entries stay until it deregisters them or
//!   anyone prunes them ([`prune_nodes`], free when it removes something).
//!
//! Why not `pallet-node-authorization` (docs/validator.md): it knows nothing of membership,
//! lets any account claim any number of nodes (its storage is unbounded), and finds an owner's
//! nodes only by scanning every node.
//!
//! [`register_node`]: Pallet::register_node
//! [`deregister_node`]: Pallet::deregister_node
//! [`set_infra_nodes`]: Pallet::set_infra_nodes
//! [`prune_nodes`]: Pallet::prune_nodes
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod node;
pub mod registry;
#[cfg(test)]
mod tests;
pub mod weights;

pub use node::{NodeKey, PeerIdBytes};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is an active member now (the guarantor pallet, through the runtime).
		type ActiveMembers: Contains<Self::AccountId>;

		/// Who admits the nodes no member runs (bootnodes, observers): the council.
		type InfraOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most nodes one member may register.
		#[pallet::constant]
		type MaxNodesPerMember: Get<u32>;

		/// The most nodes the council may admit.
		#[pallet::constant]
		type MaxInfraNodes: Get<u32>;

		/// The weights of the calls.
		type WeightInfo: WeightInfo;

		/// Makes accounts active members for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: poruka_primitives::MakeActiveMember<Self::AccountId>;
	}

	/// Each member's registered nodes.
	#[pallet::storage]
	pub type NodesOf<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<NodeKey, T::MaxNodesPerMember>,
		ValueQuery,
	>;

	/// The member each registered node belongs to (a node belongs to one member).
	#[pallet::storage]
	pub type OwnerOf<T: Config> = StorageMap<_, Blake2_128Concat, NodeKey, T::AccountId>;

	/// The nodes the council admits without a member: bootnodes, observers.
	#[pallet::storage]
	pub type InfraNodes<T: Config> =
		StorageValue<_, BoundedVec<NodeKey, T::MaxInfraNodes>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Members' nodes at genesis: `(member, node key)`.
		pub nodes: Vec<(T::AccountId, NodeKey)>,
		/// The nodes admitted without a member.
		pub infra_nodes: Vec<NodeKey>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (member, node) in &self.nodes {
				Pallet::<T>::add_node(member, *node)
					.expect("genesis nodes are distinct and within MaxNodesPerMember");
			}
			let infra = BoundedVec::try_from(self.infra_nodes.clone())
				.expect("genesis infrastructure nodes are within MaxInfraNodes");
			InfraNodes::<T>::put(infra);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `member` registered `node`: it may peer while `member` is active.
		NodeRegistered { member: T::AccountId, node: NodeKey },
		/// `member` deregistered `node`.
		NodeDeregistered { member: T::AccountId, node: NodeKey },
		/// The nodes of `member`, no longer an active member, were removed.
		NodesPruned { member: T::AccountId, nodes: Vec<NodeKey> },
		/// The council set the nodes admitted without a member.
		InfraNodesSet { nodes: Vec<NodeKey> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an active member may register a node.
		NotActiveMember,
		/// The bytes are not the peer id of a Substrate node (an ed25519 peer id, 38 bytes).
		InvalidPeerId,
		/// That node is registered already (by this member or another).
		AlreadyRegistered,
		/// The member has registered `MaxNodesPerMember` nodes already.
		TooManyNodes,
		/// That node is not registered to the caller.
		NotOwner,
		/// The member is active: its nodes stay.
		StillActive,
		/// The member has no nodes registered.
		NoNodes,
		/// The same node is given twice.
		Duplicate,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register the node with peer id `peer_id` (its bytes, decoded from base58) as one of
		/// the caller's nodes.
		///
		/// The caller must be an active member with fewer than `MaxNodesPerMember` nodes; the
		/// node must not be registered by anyone. It may peer with the cooperative's nodes
		/// while the caller is active. Emits `NodeRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_node())]
		pub fn register_node(origin: OriginFor<T>, peer_id: PeerIdBytes) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register(&who, &peer_id)
		}

		/// Deregister the caller's node with peer id `peer_id`. Any member, active or not, may
		/// deregister its own nodes. Emits `NodeDeregistered`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deregister_node())]
		pub fn deregister_node(origin: OriginFor<T>, peer_id: PeerIdBytes) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deregister(&who, &peer_id)
		}

		/// Remove every node of `member`, which is no longer an active member. Anyone may call
		/// it; it is free when it removes something. Emits `NodesPruned`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::prune_nodes(T::MaxNodesPerMember::get()))]
		pub fn prune_nodes(
			origin: OriginFor<T>,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let pruned = Self::do_prune(&member)?;
			Ok((Some(T::WeightInfo::prune_nodes(pruned)), Pays::No).into())
		}

		/// Set the nodes admitted without a member (bootnodes, observers), replacing the list.
		/// The origin must be `InfraOrigin` (the council). Emits `InfraNodesSet`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_infra_nodes(T::MaxInfraNodes::get()))]
		pub fn set_infra_nodes(
			origin: OriginFor<T>,
			peer_ids: BoundedVec<PeerIdBytes, T::MaxInfraNodes>,
		) -> DispatchResult {
			T::InfraOrigin::ensure_origin(origin)?;
			Self::do_set_infra(&peer_ids)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
