//! Compensation: executing a final verdict. The claimant is paid from the respondent's deposit,
//! then its guarantees pro rata, then the liable guarantees of each level the claim reached;
//! guarantors' payments become the respondent's debts; bonds are returned or forfeited.

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use poruka_primitives::{ClaimId, ClaimOutcome, ClaimOutcomeHandler};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, Saturating, Zero},
	DispatchResult, Rounding,
};

use crate::{
	BalanceOf, ClaimOf, ClaimPayments, ClaimPhase, Claims, Config, Credits, Debts, Error, Event,
	Guarantees, HoldReason, Members, Pallet, Payment, PaymentSource, PaymentsOf, Side, Unbonding,
	Verdict,
};

/// A guarantee liable for a claim at some level.
struct Liable<AccountId, Balance> {
	guarantor: AccountId,
	ward: AccountId,
	amount: Balance,
}

/// Splits `need` over `stakes` in proportion to their size, each share at most its stake,
/// exactly (the rounding remainder goes one unit at a time to the first stakes with room). If
/// the stakes add up to no more than `need`, each pays its whole stake.
pub fn pro_rata<Balance: AtLeast32BitUnsigned + Copy>(
	need: Balance,
	stakes: &[Balance],
) -> Vec<Balance> {
	let total = stakes.iter().fold(Balance::zero(), |sum, s| sum.saturating_add(*s));
	if total <= need {
		return stakes.to_vec();
	}
	let (need_128, total_128): (u128, u128) =
		(need.unique_saturated_into(), total.unique_saturated_into());
	let mut shares: Vec<Balance> = stakes
		.iter()
		.map(|stake| {
			let stake_128: u128 = (*stake).unique_saturated_into();
			Balance::unique_saturated_from(
				multiply_by_rational_with_rounding(need_128, stake_128, total_128, Rounding::Down)
					.unwrap_or_default(),
			)
		})
		.collect();
	let paid = shares.iter().fold(Balance::zero(), |sum, s| sum.saturating_add(*s));
	let mut left = need.saturating_sub(paid);
	// Each share was rounded down by less than one unit, so `left` < the number of stakes.
	for (share, stake) in shares.iter_mut().zip(stakes) {
		if left.is_zero() {
			break;
		}
		if *share < *stake {
			*share = share.saturating_add(Balance::from(1u8));
			left = left.saturating_sub(Balance::from(1u8));
		}
	}
	shares
}

impl<T: Config> Pallet<T> {
	/// Executes a final verdict: pays (or not), settles bonds, closes the claim and tells
	/// `OnClaimFinal`.
	pub(crate) fn finalize(
		id: ClaimId,
		mut claim: ClaimOf<T>,
		verdict: Verdict<BalanceOf<T>>,
	) -> DispatchResult {
		let outcome = match verdict {
			Verdict::Uphold { amount, force_majeure } => {
				let payments = Self::pay_compensation(&claim, amount, force_majeure)?;
				let compensated = payments
					.iter()
					.fold(BalanceOf::<T>::zero(), |sum, p| sum.saturating_add(p.amount));
				let shortfall = amount.saturating_sub(compensated);
				if !shortfall.is_zero() && !force_majeure {
					Self::add_debt(&claim.respondent, &claim.claimant, shortfall)?;
				}
				Self::transition(
					id,
					&mut claim,
					ClaimPhase::Paid { amount, compensated, force_majeure },
				)?;
				Self::settle_bonds(id, &claim, true)?;
				Self::deposit_event(Event::CompensationPaid {
					claim: id,
					claimant: claim.claimant.clone(),
					respondent: claim.respondent.clone(),
					amount,
					compensated,
					shortfall,
					force_majeure,
					payments: payments.to_vec(),
				});
				ClaimPayments::<T>::insert(id, payments);
				ClaimOutcome::Upheld { amount, compensated, force_majeure }
			}
			Verdict::Reject => {
				Self::transition(id, &mut claim, ClaimPhase::Rejected)?;
				Self::settle_bonds(id, &claim, false)?;
				Self::deposit_event(Event::ClaimRejected { claim: id });
				ClaimOutcome::Rejected
			}
		};

		for (who, is_respondent) in [(&claim.respondent, true), (&claim.claimant, false)] {
			let mut member = Members::<T>::get(who).ok_or(Error::<T>::Inconsistent)?;
			if is_respondent {
				member.open_claims = member.open_claims.saturating_sub(1);
			} else {
				member.filed_claims = member.filed_claims.saturating_sub(1);
			}
			Self::store_or_remove(who, member);
		}
		let agreement = claim.agreement;
		Claims::<T>::insert(id, claim);
		T::OnClaimFinal::on_claim_final(id, agreement, outcome);
		Ok(())
	}

	/// Pays up to `amount` to the claimant: the deposit, then level by level. Returns the
	/// payments made.
	fn pay_compensation(
		claim: &ClaimOf<T>,
		amount: BalanceOf<T>,
		force_majeure: bool,
	) -> Result<PaymentsOf<T>, DispatchError> {
		let mut payments = PaymentsOf::<T>::new();
		let mut need = amount;

		let from_deposit = Self::pay_from_deposit(&claim.respondent, &claim.claimant, need)?;
		if !from_deposit.is_zero() {
			need = need.saturating_sub(from_deposit);
			payments
				.try_push(Payment {
					payer: claim.respondent.clone(),
					source: PaymentSource::Deposit,
					amount: from_deposit,
				})
				.map_err(|_| Error::<T>::Inconsistent)?;
		}

		// A claim that never had a panel still reaches its respondent's guarantees.
		let levels = claim.level().max(1);
		for level in 1..=levels {
			if need.is_zero() {
				break;
			}
			let mut liable = Self::liable_at(claim, level);
			liable.sort_by(|a, b| {
				b.amount.cmp(&a.amount).then_with(|| a.guarantor.cmp(&b.guarantor))
			});
			let stakes: Vec<BalanceOf<T>> = liable.iter().map(|l| l.amount).collect();
			let shares = pro_rata(need, &stakes);
			for (entry, share) in liable.iter().zip(shares) {
				if share.is_zero() {
					continue;
				}
				Self::pay_from_guarantee(&entry.guarantor, &entry.ward, &claim.claimant, share)?;
				if !force_majeure {
					Self::add_debt(&claim.respondent, &entry.guarantor, share)?;
				}
				need = need.saturating_sub(share);
				payments
					.try_push(Payment {
						payer: entry.guarantor.clone(),
						source: PaymentSource::Guarantee { level },
						amount: share,
					})
					.map_err(|_| Error::<T>::Inconsistent)?;
			}
		}
		Ok(payments)
	}

	/// The guarantees liable at `level`: at 1, every guarantee for the respondent; above, the
	/// guarantee that seated each respondent-side panelist of that level. The claimant's own
	/// guarantees never pay it.
	fn liable_at(claim: &ClaimOf<T>, level: u32) -> Vec<Liable<T::AccountId, BalanceOf<T>>> {
		if level == 1 {
			return Guarantees::<T>::iter_prefix(&claim.respondent)
				.filter(|(guarantor, _)| *guarantor != claim.claimant)
				.map(|(guarantor, g)| Liable {
					guarantor,
					ward: claim.respondent.clone(),
					amount: g.amount,
				})
				.collect();
		}
		let Some(panel) = claim.levels.get(level.saturating_sub(1) as usize) else {
			return Vec::new();
		};
		panel
			.iter()
			.filter(|seat| seat.side == Side::Respondent && seat.who != claim.claimant)
			.filter_map(|seat| {
				Guarantees::<T>::get(&seat.ward, &seat.who).map(|g| Liable {
					guarantor: seat.who.clone(),
					ward: seat.ward.clone(),
					amount: g.amount,
				})
			})
			.collect()
	}

	/// Moves up to `need` of `respondent`'s deposit to `claimant`; returns how much.
	fn pay_from_deposit(
		respondent: &T::AccountId,
		claimant: &T::AccountId,
		need: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut member = Members::<T>::get(respondent).ok_or(Error::<T>::Inconsistent)?;
		let pay = need.min(member.deposit);
		if pay.is_zero() {
			return Ok(pay);
		}
		Self::transfer_held(&HoldReason::Deposit, respondent, claimant, pay)?;
		member.deposit = member.deposit.saturating_sub(pay);
		if member.unbonding > member.deposit {
			// The payout came out of funds being withdrawn: trim the newest withdrawals.
			let mut excess = member.unbonding.saturating_sub(member.deposit);
			Unbonding::<T>::mutate_exists(respondent, |chunks| {
				let Some(list) = chunks else { return };
				while !excess.is_zero() {
					let Some(last) = list.last_mut() else { break };
					let cut = excess.min(last.amount);
					last.amount = last.amount.saturating_sub(cut);
					excess = excess.saturating_sub(cut);
					if last.amount.is_zero() {
						list.pop();
					}
				}
				if list.is_empty() {
					*chunks = None;
				}
			});
			member.unbonding = member.deposit;
		}
		Members::<T>::insert(respondent, member);
		Ok(pay)
	}

	/// Moves `amount` of `guarantor`'s guarantee for `ward` to `claimant`, shrinking (or
	/// removing) the guarantee and updating the ward.
	fn pay_from_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		claimant: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut guarantee =
			Guarantees::<T>::get(ward, guarantor).ok_or(Error::<T>::Inconsistent)?;
		ensure!(amount <= guarantee.amount, Error::<T>::Inconsistent);
		Self::transfer_held(&HoldReason::Guarantee, guarantor, claimant, amount)?;
		if amount == guarantee.amount {
			return Self::remove_guarantee(guarantor, ward, &guarantee);
		}
		guarantee.amount = guarantee.amount.saturating_sub(amount);
		if guarantee.is_live() {
			Members::<T>::mutate(ward, |member| {
				if let Some(member) = member {
					member.backing = member.backing.saturating_sub(amount);
				}
			});
		}
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Ok(())
	}

	/// Returns the bonds of the side that won and gives the other side's to the winner.
	fn settle_bonds(id: ClaimId, claim: &ClaimOf<T>, upheld: bool) -> DispatchResult {
		for bond in claim.bonds.iter().filter(|b| !b.amount.is_zero()) {
			let is_claimants = bond.who == claim.claimant;
			if is_claimants == upheld {
				Self::release(&HoldReason::ClaimBond, &bond.who, bond.amount)?;
				Self::deposit_event(Event::BondReturned {
					claim: id,
					who: bond.who.clone(),
					amount: bond.amount,
				});
			} else {
				let winner = if upheld { &claim.claimant } else { &claim.respondent };
				Self::transfer_held(&HoldReason::ClaimBond, &bond.who, winner, bond.amount)?;
				Self::deposit_event(Event::BondForfeited {
					claim: id,
					from: bond.who.clone(),
					to: winner.clone(),
					amount: bond.amount,
				});
			}
		}
		Ok(())
	}

	/// Moves exactly `amount` held from `from` for `reason` to `to`'s free balance.
	fn transfer_held(
		reason: &HoldReason,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&(*reason).into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)
		.map(|_| ())
	}

	/// Records that `debtor` owes `creditor` `amount` more.
	pub(crate) fn add_debt(
		debtor: &T::AccountId,
		creditor: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Members::<T>::try_mutate(debtor, |member| -> DispatchResult {
			let member = member.as_mut().ok_or(Error::<T>::Inconsistent)?;
			member.debt = member.debt.saturating_add(amount);
			Ok(())
		})?;
		let total = Debts::<T>::get(debtor, creditor).unwrap_or_default().saturating_add(amount);
		Debts::<T>::insert(debtor, creditor, total);
		Credits::<T>::insert(creditor, debtor, total);
		Self::deposit_event(Event::DebtRecorded {
			debtor: debtor.clone(),
			creditor: creditor.clone(),
			amount,
		});
		Ok(())
	}

	/// `debtor` repays up to `amount` of what it owes `creditor`.
	pub fn do_repay(
		debtor: &T::AccountId,
		creditor: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let owed = Debts::<T>::get(debtor, creditor).ok_or(Error::<T>::NoDebt)?;
		let pay = amount.min(owed);
		T::Currency::transfer(debtor, creditor, pay, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		let remaining = owed.saturating_sub(pay);
		if remaining.is_zero() {
			Debts::<T>::remove(debtor, creditor);
			Credits::<T>::remove(creditor, debtor);
		} else {
			Debts::<T>::insert(debtor, creditor, remaining);
			Credits::<T>::insert(creditor, debtor, remaining);
		}
		let mut member = Members::<T>::get(debtor).ok_or(Error::<T>::Inconsistent)?;
		member.debt = member.debt.saturating_sub(pay);
		Self::store_or_remove(debtor, member);
		Self::deposit_event(Event::DebtRepaid {
			debtor: debtor.clone(),
			creditor: creditor.clone(),
			amount: pay,
			remaining,
		});
		Ok(())
	}
}
