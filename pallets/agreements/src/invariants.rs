//! The invariants `try_state` checks (and the unit tests check after every test):
//!
//! - for every party of every agreement, the funds held under `Escrow` equal the sum of its
//!   escrowed payments: pending payments of active agreements, and of proposed agreements it
//!   accepted;
//! - for every member, `Committed` equals the sum of its open deliveries: pending or disputed
//!   deliveries of active agreements, and of proposed agreements it accepted;
//! - a closed agreement that completed or defaulted has every obligation settled, and an
//!   active one at least one not settled;
//! - the accepted and cancelling masks name parties only.

use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{traits::Saturating, TryRuntimeError};

use crate::{
	AgreementPhase, Agreements, BalanceOf, Committed, Config, HoldReason, ObligationKind,
	ObligationState, Pallet,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's state.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut escrow: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut committed: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, agreement) in Agreements::<T>::iter() {
			// Every party is checked: one with nothing escrowed must hold nothing.
			for party in agreement.parties.iter() {
				escrow.entry(party.clone()).or_default();
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
		Ok(())
	}

	/// The escrow each account should hold, for tests that check an account with no
	/// agreements holds none.
	#[cfg(test)]
	pub fn escrow_of(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::Escrow.into(), who)
	}
}
