//! What an agreement costs in storage, and how long it stays: a proposal holds a deposit from
//! its proposer (`DepositBase` plus `DepositPerObligation` for each obligation), returned when
//! the agreement closes, is cancelled or expires; a closed agreement stays readable for the
//! retention period, then `on_idle` prunes it with the block's spare weight. Its events stay
//! in block history.

use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;
use poruka_primitives::queue::QueueCosts;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchResult,
};

use crate::{
	AgreementId, AgreementOf, Agreements, AgreementsByAccount, BalanceOf, Config, Error, Event,
	HoldReason, NewestFirst, Pallet, PruningQueue, WeightInfo,
};

/// How many past blocks of the pruning queue one `on_idle` looks at, at most.
const MAX_BLOCKS_SCANNED: u32 = 64;

impl<T: Config> Pallet<T> {
	/// The storage deposit of a proposal with `obligations` obligations.
	pub fn storage_deposit(obligations: u32) -> BalanceOf<T> {
		T::DepositPerObligation::get()
			.saturating_mul(obligations.into())
			.saturating_add(T::DepositBase::get())
	}

	/// Holds `amount` from `who` for an agreement's storage.
	pub(crate) fn hold_deposit(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::hold(&HoldReason::StorageDeposit.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// The agreement `id` closed: its deposit goes back to its proposer, and it is queued for
	/// pruning when its retention ends.
	pub(crate) fn on_closed(id: AgreementId, agreement: &mut AgreementOf<T>) -> DispatchResult {
		let amount = core::mem::take(&mut agreement.deposit);
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::StorageDeposit.into(),
				&agreement.proposer,
				amount,
				Precision::Exact,
			)
			.map_err(|error| {
				frame_support::defensive!("an agreement's deposit is not held", error);
				Error::<T>::Inconsistent
			})?;
			Self::deposit_event(Event::DepositReturned {
				id,
				who: agreement.proposer.clone(),
				amount,
			});
		}
		let at = frame_system::Pallet::<T>::block_number().saturating_add(T::Retention::get());
		PruningQueue::<T>::push(at, id);
		Ok(())
	}

	/// Prunes the closed agreements whose retention ended by `now`, oldest first, within
	/// `limit`; the rest waits for a block with spare weight.
	pub(crate) fn process_prunings(now: BlockNumberFor<T>, limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		if meter.try_consume(T::WeightInfo::on_initialize_base()).is_err() {
			return Weight::zero();
		}
		let costs = QueueCosts {
			per_block: T::WeightInfo::on_initialize_block(),
			per_entry: T::WeightInfo::prune_agreement(),
			max_blocks: MAX_BLOCKS_SCANNED,
		};
		PruningQueue::<T>::process(now, &mut meter, costs, |id, _| {
			if let Some(agreement) = Agreements::<T>::get(id).filter(|a| a.phase.is_closed()) {
				for party in agreement.parties.iter() {
					AgreementsByAccount::<T>::remove(party, NewestFirst::new(id));
				}
				Agreements::<T>::remove(id);
				Self::deposit_event(Event::AgreementPruned { id });
			} else {
				frame_support::defensive!("an agreement queued for pruning is missing or open");
			}
		});
		meter.consumed()
	}
}
