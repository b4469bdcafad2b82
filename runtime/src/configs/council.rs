//! The cooperative's council and what it may do.
//!
//! - **Council** (`pallet-collective`): the founders at genesis, then whoever the council
//!   itself seats (`council.setMembers` by a 2/3 motion). Members propose motions, vote on
//!   them, and close them when they pass or their time runs out (`MotionDuration`). A member's
//!   first vote on a motion is free; closing a motion that failed is free. A motion cannot
//!   seat more than [`COUNCIL_MAX_MEMBERS`] ([`CouncilWithinBounds`]).
//! - **Two thirds.** Adding founders, changing the rules' periods and changing the council
//!   need a motion carried by at least two thirds of the council (or root, which on a chain
//!   without sudo is reachable only through the council too, below).
//! - **Upgrades** (`pallet-whitelist`, with `pallet-preimage` for its bookkeeping): a runtime
//!   upgrade needs root. A 2/3 motion whitelists the hash of `system.authorizeUpgrade(hash)`
//!   and dispatches it as root in the same `utility.batchAll`; anyone then submits the code
//!   with `system.applyAuthorizedUpgrade`. That is the SDK's way for a collective to act as
//!   root for the calls it chooses, without a sudo key. It means two thirds of the council
//!   *are* root: any root call, `guarantor.resolve` included, is theirs by motion, in the open
//!   (the call is in `council.proposalOf` before anyone votes).
//! - **Arbitration**: the council members uninvolved in a claim arbitrate it (the guarantor
//!   pallet seats them, [`CouncilMembers`]); a motion cannot, because its origin cannot
//!   exclude the members involved in the claim.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU32, Contains, EitherOfDiverse, LinearStoragePrice,
		SortedMembers,
	},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use super::super::{
	AccountId, Balance, Balances, BlockNumber, Preimage, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, DAYS, DEPOSIT_PER_BYTE, UNIT,
};
use super::RuntimeBlockWeights;

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// The most members the council can have (and the most arbiters a claim seats).
pub const COUNCIL_MAX_MEMBERS: u32 = 16;

parameter_types! {
	/// A motion is open for three days; then anyone may close it (it passes if the votes it
	/// has, with the absent ones counted as the prime's, make its threshold).
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may dispatch at most half a block's weight.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

/// Root, or a motion carried by at least two thirds of the council.
pub type CouncilTwoThirds = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = ConstU32<COUNCIL_MAX_MEMBERS>;
	/// At `close`, absent members count as voting as the prime member did, or against if
	/// there is no prime. With a prime set, the prime's vote carries the silent: the council
	/// chooses its prime (`setMembers`) knowing that.
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = CouncilTwoThirds;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CouncilTwoThirds;
	type KillOrigin = CouncilTwoThirds;
	/// No deposit for a proposal: only council members can propose.
	type Consideration = ();
}

/// The runtime's call filter: refuses `council.setMembers` with more than
/// [`COUNCIL_MAX_MEMBERS`] members. The collective itself only logs an oversized council, whose
/// motions its weights would then undercount (and arbitration seats no more than that many).
/// Root is not filtered (FRAME lets it through every filter): on a chain without sudo, root is
/// two thirds of the council through `whitelist`, in the open.
pub struct CouncilWithinBounds;
impl Contains<RuntimeCall> for CouncilWithinBounds {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Council(pallet_collective::Call::set_members { new_members, .. }) => {
				new_members.len() <= COUNCIL_MAX_MEMBERS as usize
			}
			_ => true,
		}
	}
}

/// The council's members as the guarantor pallet reads them (sorted), for arbitration.
pub struct CouncilMembers;
impl SortedMembers<AccountId> for CouncilMembers {
	fn sorted_members() -> Vec<AccountId> {
		let mut members = pallet_collective::Members::<Runtime, CouncilCollective>::get();
		// The collective keeps them sorted; sorting again costs nothing at this size.
		members.sort();
		members
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn add(who: &AccountId) {
		pallet_collective::Members::<Runtime, CouncilCollective>::mutate(|members| {
			if let Err(at) = members.binary_search(who) {
				members.insert(at, who.clone());
			}
		});
	}
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = CouncilTwoThirds;
	type DispatchWhitelistedOrigin = CouncilTwoThirds;
	type Preimages = Preimage;
	/// Deferred dispatches (for calls too heavy for one block) expire after a day.
	type DeferredDispatchExpiration = ConstU32<{ DAYS }>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// Noting a preimage holds 1 POR plus the storage price of its bytes, returned when it is
	/// unnoted: state costs whoever fills it.
	pub const PreimageBaseDeposit: Balance = UNIT;
	pub const PreimageByteDeposit: Balance = DEPOSIT_PER_BYTE;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Only root (the council, through the whitelist) manages preimages by hand.
	type ManagerOrigin = EnsureRoot<AccountId>;
	/// Anyone may note a preimage, holding a deposit for it (the whitelist's own requests are
	/// free: a requested preimage is the chain's, not the noter's).
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
