//! `try_state`: what must always hold.

use alloc::collections::BTreeMap;
use frame_support::ensure;
use sp_runtime::{traits::Zero, TryRuntimeError};

use crate::{Config, ContractClaims, MemberCommitments, Pallet, Total, Totals, H160};

impl<T: Config> Pallet<T> {
	/// Each member's total is the sum and count of its commitments, within
	/// `MaxContractsPerMember`; a commitment with nothing committed stays only while a claim
	/// about it is open; each open claim about a contract is counted on its commitment, and
	/// nothing else is.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut totals: BTreeMap<T::AccountId, Total<T::Balance>> = BTreeMap::new();
		let mut open: BTreeMap<(T::AccountId, H160), (u32, T::Balance)> = BTreeMap::new();
		for (member, contract, commitment) in MemberCommitments::<T>::iter() {
			ensure!(
				!commitment.amount.is_zero() || commitment.open_claims > 0,
				"an empty commitment with no open claim is kept"
			);
			ensure!(
				commitment.claimed <= commitment.amount,
				"open claims ask for more than a commitment holds"
			);
			let total = totals.entry(member.clone()).or_default();
			total.amount += commitment.amount;
			total.contracts += 1;
			if commitment.open_claims > 0 || !commitment.claimed.is_zero() {
				open.insert((member, contract), (commitment.open_claims, commitment.claimed));
			}
		}
		let stored: BTreeMap<T::AccountId, Total<T::Balance>> = Totals::<T>::iter().collect();
		ensure!(stored == totals, "a member's total is not the sum of its commitments");
		let max = <T::MaxContractsPerMember as frame_support::traits::Get<u32>>::get();
		ensure!(
			totals.values().all(|t| t.contracts <= max),
			"a member is committed to more than MaxContractsPerMember contracts"
		);
		let mut claimed: BTreeMap<(T::AccountId, H160), (u32, T::Balance)> = BTreeMap::new();
		for (_, (member, contract, amount)) in ContractClaims::<T>::iter() {
			let entry = claimed.entry((member, contract)).or_default();
			entry.0 += 1;
			entry.1 += amount;
		}
		ensure!(claimed == open, "the open claims about contracts are not their commitments'");
		Ok(())
	}
}
