//! The invariants `try_state` checks (and the unit tests check after every test):
//!
//! - for every party of every agreement, the funds held under `Escrow` equal the sum of its
//!   escrowed payments: pending payments of active agreements, and of proposed agreements it
//!   accepted;
//! - for every member, `Committed` equals the sum of its open deliveries: pending or disputed
//!   deliveries of active agreements, and of proposed agreements it accepted;
//! - a closed agreement that completed or defaulted has every obligation settled, and an
//!   active one at least one not settled;
//! - the accepted and cancelling masks name parties only;
//! - the task queue's bookkeeping is consistent, every queued task names an agreement that
//!   exists, and every task still to come (`Pallet::pending_tasks`) is queued exactly once at
//!   its block (or the next block to be processed, if that one is past);
//! - `AgreementsByAccount` lists exactly the parties of the agreements in state;
//! - every closed agreement, and nothing else, is queued for pruning exactly once; a closed
//!   agreement holds no deposit, and each proposer holds under `StorageDeposit` exactly the
//!   deposits of its agreements.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

use crate::{
	AgreementPhase, Agreements, BalanceOf, Committed, Config, HoldReason, ObligationKind,
	ObligationState, Pallet, TaskQueue,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's state.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut committed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		TaskQueue::<T>::check()?;
		// How many times each (block, agreement, task) is queued.
		let mut queued = BTreeMap::new();
		let next_id = crate::NextAgreementId::<T>::get();
		for (slot, (id, task)) in TaskQueue::<T>::entries() {
			// A task may outlive its agreement's pruning; it then does nothing.
			ensure!(id < next_id, "a queued task names an agreement that never was");
			*queued.entry((slot.block, id, task)).or_insert(0u32) += 1;
		}
		// Every closed agreement is queued for pruning once, and nothing else is.
		let mut to_prune = BTreeMap::new();
		for (_, id) in crate::PruningQueue::<T>::entries() {
			let agreement = Agreements::<T>::get(id).ok_or("a pruning names a gone agreement")?;
			ensure!(agreement.phase.is_closed(), "an agreement queued for pruning is open");
			*to_prune.entry(id).or_insert(0u32) += 1;
		}
		crate::PruningQueue::<T>::check()?;
		// Each proposer holds the deposits of its open agreements; a closed one holds none.
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let cursor = crate::TaskCursor::<T>::get();
		for (id, agreement) in Agreements::<T>::iter() {
			if agreement.phase.is_closed() {
				ensure!(to_prune.get(&id) == Some(&1), "a closed agreement is not queued once");
				ensure!(agreement.deposit.is_zero(), "a closed agreement still holds a deposit");
			}
			let d = deposits.entry(agreement.proposer.clone()).or_default();
			*d = d.saturating_add(agreement.deposit);
			for (task, block) in Self::pending_tasks(&agreement) {
				ensure!(
					queued.get(&(block.max(cursor), id, task)) == Some(&1),
					"a task still to come is not queued exactly once at its block"
				);
			}
		}
		let mut indexed = 0usize;
		for (id, agreement) in Agreements::<T>::iter() {
			// Every party is checked: one with nothing escrowed must hold nothing.
			for party in agreement.parties.iter() {
				escrow.entry(party.clone()).or_default();
				ensure!(
					crate::AgreementsByAccount::<T>::contains_key(
						party,
						crate::NewestFirst::new(id)
					),
					"a party's agreement is not in its index"
				);
				indexed += 1;
			}
			let all = agreement.all_parties();
			ensure!(agreement.accepted & !all == 0, "an acceptance bit names no party");
			ensure!(agreement.cancelling & !all == 0, "a cancel bit names no party");
			match agreement.phase {
				AgreementPhase::Completed | AgreementPhase::Defaulted { .. } => {
					ensure!(agreement.is_settled(), "a closed agreement has open obligations")
				}
				AgreementPhase::Active => {
					ensure!(!agreement.is_settled(), "a settled agreement is still active")
				}
				_ => {}
			}
			let open =
				matches!(agreement.phase, AgreementPhase::Active | AgreementPhase::Proposed { .. });
			if !open {
				continue;
			}
			let active = agreement.phase == AgreementPhase::Active;
			for record in agreement.obligations.iter() {
				let from = &record.obligation.from;
				let accepted = agreement
					.party_index(from)
					.is_some_and(|i| agreement.accepted & (1u32 << i) != 0);
				if !(active || accepted) {
					continue;
				}
				match (record.obligation.kind, record.state) {
					(ObligationKind::Payment { amount }, ObligationState::Pending) => {
						let e = escrow.entry(from.clone()).or_default();
						*e = e.saturating_add(amount);
					}
					(ObligationKind::Delivery { value, .. }, ObligationState::Pending)
					| (ObligationKind::Delivery { value, .. }, ObligationState::Disputed { .. }) => {
						let c = committed.entry(from.clone()).or_default();
						*c = c.saturating_add(value);
					}
					_ => {}
				}
			}
		}
		// The index holds the parties of the agreements in state, and nothing else.
		ensure!(
			crate::AgreementsByAccount::<T>::iter_keys().count() == indexed,
			"the per-account index lists an agreement its account is not a party to"
		);
		for (who, amount) in Committed::<T>::iter() {
			ensure!(
				committed.remove(&who) == Some(amount),
				"Committed disagrees with the open deliveries"
			);
		}
		ensure!(committed.is_empty(), "open deliveries are not in Committed");
		let reason = HoldReason::Escrow.into();
		for (who, amount) in escrow.iter() {
			ensure!(
				T::Currency::balance_on_hold(&reason, who) == *amount,
				"held Escrow disagrees with the escrowed payments"
			);
		}
		let reason = HoldReason::StorageDeposit.into();
		for (who, amount) in deposits.iter() {
			ensure!(
				T::Currency::balance_on_hold(&reason, who) == *amount,
				"a held StorageDeposit disagrees with the agreements' deposits"
			);
		}
		Ok(())
	}

	/// The escrow each account should hold, for tests that check an account with no
	/// agreements holds none.
	#[cfg(test)]
	pub fn escrow_of(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
