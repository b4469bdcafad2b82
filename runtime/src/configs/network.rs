//! The members' network: which nodes may peer (`pallet-node-registry`).
//!
//! Active members register their nodes' peer ids (at most four each); the council admits the
//! nodes no member runs (bootnodes, a block explorer) by a 2/3 motion. The node reads the
//! authorized set at each best block (`NodeRegistryApi`) and peers with no one else
//! (docs/validator.md).

use frame_support::traits::{ConstU32, Contains};
use poruka_primitives::Coverage;

use super::super::{AccountId, Balance, Runtime};
use super::council::CouncilTwoThirds;

/// The active members, as the guarantor pallet counts them now.
pub struct ActiveMembers;
impl Contains<AccountId> for ActiveMembers {
	fn contains(who: &AccountId) -> bool {
		<pallet_guarantor::Pallet<Runtime> as Coverage<AccountId, Balance>>::is_active_member(who)
	}
}

impl pallet_node_registry::Config for Runtime {
	type ActiveMembers = ActiveMembers;
	type InfraOrigin = CouncilTwoThirds;
	type MaxNodesPerMember = ConstU32<4>;
	type MaxInfraNodes = ConstU32<32>;
	type WeightInfo = pallet_node_registry::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ActiveMembers;
}

#[cfg(feature = "runtime-benchmarks")]
impl poruka_primitives::MakeActiveMember<AccountId> for ActiveMembers {
	fn make_active_member(who: &AccountId) {
		// A founder is an active member with no guarantors to arrange.
		let _ = pallet_guarantor::Pallet::<Runtime>::do_add_founder(who);
	}
}
