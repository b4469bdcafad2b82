//! Claims about contracts: a contract files one for a broken promise against a member
//! committed to it, and the guarantor pallet tells how it ended.

use frame_support::{ensure, weights::Weight};
use poruka_primitives::{
	ClaimFiler, ClaimId, ClaimOutcome, ClaimOutcomeHandler, ClaimSubject, Coverage,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

use crate::{Config, ContractClaims, Error, Event, MemberCommitments, Pallet, WeightInfo, H160};

impl<T: Config> Pallet<T> {
	/// `contract` files a claim for `claimant` (the member who signed the transaction, which
	/// posts the claim bond) against `respondent`, committed to the contract, for `amount`
	/// (at most what `respondent` committed), with `evidence`. The claim's subject is the
	/// contract. Returns the claim's id.
	pub fn do_file_claim(
		contract: H160,
		claimant: &T::AccountId,
		respondent: &T::AccountId,
		amount: T::Balance,
		evidence: &[u8],
	) -> Result<ClaimId, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		// As for a claim filed by hand: only an active member files.
		ensure!(T::Coverage::is_active_member(claimant), Error::<T>::NotActiveMember);
		let mut commitment =
			MemberCommitments::<T>::get(respondent, contract).ok_or(Error::<T>::NoCommitment)?;
		// Claims about one commitment together ask for at most what it holds.
		ensure!(
			amount <= commitment.amount.saturating_sub(commitment.claimed),
			Error::<T>::ExceedsCommitment
		);
		let open_claims = commitment.open_claims.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let claim = T::Claims::file_claim(
			claimant,
			respondent,
			amount,
			evidence,
			Some(ClaimSubject::Contract(contract)),
		)?;
		commitment.open_claims = open_claims;
		commitment.claimed = commitment.claimed.saturating_add(amount);
		MemberCommitments::<T>::insert(respondent, contract, commitment);
		ContractClaims::<T>::insert(claim, (respondent.clone(), contract, amount));
		Self::deposit_event(Event::ClaimFiled {
			claim,
			contract,
			claimant: claimant.clone(),
			respondent: respondent.clone(),
			amount,
		});
		Ok(claim)
	}

	/// The most weight [`Pallet::do_file_claim`] takes, the guarantor pallet's filing included.
	pub fn file_claim_weight() -> Weight {
		T::WeightInfo::file_claim().saturating_add(T::Claims::file_claim_weight())
	}

	/// The weight [`Pallet::do_file_claim`] took to file `claim` (at most
	/// [`Pallet::file_claim_weight`]): the guarantor pallet's filing as it was, for a refund.
	pub fn filed_claim_weight(claim: ClaimId) -> Weight {
		T::WeightInfo::file_claim().saturating_add(T::Claims::filed_claim_weight(claim))
	}

	/// Claim `claim` about `contract` is final: the respondent's commitment no longer waits for
	/// it, and an upheld claim settles that much of the commitment.
	fn settle(claim: ClaimId, contract: H160, outcome: ClaimOutcome<T::Balance>) {
		let Some((respondent, filed_about, claimed)) = ContractClaims::<T>::take(claim) else {
			frame_support::defensive!("a claim about a contract was filed through this pallet");
			return;
		};
		if filed_about != contract {
			frame_support::defensive!("a claim keeps the contract it was filed about");
		}
		let Some(mut commitment) = MemberCommitments::<T>::get(&respondent, filed_about) else {
			frame_support::defensive!("a commitment stays while a claim about it is open");
			return;
		};
		commitment.open_claims = commitment.open_claims.saturating_sub(1);
		commitment.claimed = commitment.claimed.saturating_sub(claimed);
		let settled = match outcome {
			ClaimOutcome::Upheld { amount, .. } => amount.min(commitment.amount),
			_ => Zero::zero(),
		};
		commitment.amount = commitment.amount.saturating_sub(settled);
		// Stored whatever the total says, so that the claim no longer holds the commitment.
		let _ = Self::reduce_total(&respondent, settled);
		Self::store(&respondent, filed_about, commitment);
		Self::deposit_event(Event::ClaimSettled {
			claim,
			contract: filed_about,
			respondent,
			outcome,
			settled,
			remaining: commitment.amount,
		});
	}
}

/// The outcomes of claims about contracts come back here; other claims are not this pallet's.
impl<T: Config> ClaimOutcomeHandler<T::Balance> for Pallet<T> {
	fn on_claim_final(
		claim: ClaimId,
		subject: Option<ClaimSubject>,
		outcome: ClaimOutcome<T::Balance>,
	) {
		if let Some(ClaimSubject::Contract(contract)) = subject {
			Self::settle(claim, contract, outcome);
		}
	}

	fn on_claim_final_weight() -> Weight {
		T::WeightInfo::on_claim_final()
	}
}
