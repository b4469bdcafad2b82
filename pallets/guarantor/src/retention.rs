//! Retention: a final claim stays readable for `retention` blocks, then it is pruned from
//! state — its record, its payments, its arbitration, and every account's index entry for it —
//! by bounded work
//! in `on_idle`. Pruning moves no money: everything the claim held was settled when it became
//! final. Its events stay in block history, the record of what happened.

use frame_support::{pallet_prelude::*, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::queue::QueueCosts;
use sp_runtime::traits::Saturating;

use crate::{
	Arbitrations, ClaimPayments, ClaimSteps, Claims, ClaimsByAccount, Config, Event, NewestFirst,
	Pallet, PruningQueue, WeightInfo,
};
use poruka_primitives::ClaimId;

/// How many past blocks of the pruning queue one `on_idle` looks at, at most.
const MAX_BLOCKS_SCANNED: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Queues claim `id`, final now, for pruning when its retention ends.
	pub(crate) fn schedule_pruning(id: ClaimId) {
		let at = frame_system::Pallet::<T>::block_number().saturating_add(Self::timing().retention);
		PruningQueue::<T>::push(at, id);
	}

	/// Prunes the final claims whose retention ended by `now`, oldest first, within `limit`;
	/// the rest waits for a block with spare weight.
	pub(crate) fn process_prunings(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		if meter.try_consume(T::WeightInfo::on_initialize_base()).is_err() {
			return Weight::zero();
		}
		let costs = QueueCosts {
			per_block: T::WeightInfo::on_initialize_block(),
			per_entry: T::WeightInfo::prune_claim(T::MaxEscalationLevels::get()),
			max_blocks: MAX_BLOCKS_SCANNED,
		};
		PruningQueue::<T>::process(now, &mut meter, costs, |id, _| Self::prune_claim(id));
		meter.consumed()
	}

	/// Removes final claim `id` from state.
	fn prune_claim(id: ClaimId) {
		let Some(claim) = Claims::<T>::take(id) else {
			Self::broken("a claim queued for pruning does not exist");
			return;
		};
		if !claim.phase.is_final() {
			Self::broken("a claim queued for pruning is not final");
			Claims::<T>::insert(id, claim);
			return;
		}
		ClaimPayments::<T>::remove(id);
		ClaimSteps::<T>::remove(id);
		ClaimsByAccount::<T>::remove(&claim.claimant, NewestFirst::new(id));
		ClaimsByAccount::<T>::remove(&claim.respondent, NewestFirst::new(id));
		for seat in claim.levels.iter().flat_map(|panel| panel.iter()) {
			ClaimsByAccount::<T>::remove(&seat.who, NewestFirst::new(id));
		}
		if let Some(arbitration) = Arbitrations::<T>::take(id) {
			for arbiter in arbitration.arbiters.iter() {
				ClaimsByAccount::<T>::remove(&arbiter.who, NewestFirst::new(id));
			}
		}
		Self::deposit_event(Event::ClaimPruned { claim: id });
	}
}
