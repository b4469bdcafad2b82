//! Compensation: executing a final verdict. The party found at fault pays the other from its
//! own deposit, then from its side's liable guarantees depth by depth, pro rata within a
//! depth; guarantors' payments become that party's debts; bonds are returned or forfeited.

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
	BalanceOf, BondKind, ClaimOf, ClaimPayments, ClaimPhase, Claims, Config, Credits, Debts, Error,
	Event, Guarantees, HoldReason, Members, Pallet, Payment, PaymentSource, PaymentsOf, Side,
	Unbonding, Verdict,
};

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

/// How a final claim's bonds are settled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Settlement {
	/// A verdict: the side at fault (none for a rejection) loses its bonds to the other.
	Judged(Option<Side>),
	/// A dismissal: nobody was found at fault, every bond returns.
	Dismissed,
}

impl<T: Config> Pallet<T> {
	/// Executes a final verdict: the side at fault pays through its own waterfall (or nobody
	/// pays), bonds are settled, every liability is released, the claim closes and
	/// `OnClaimFinal` is told.
	///
	/// A respondent that acknowledged the claim owes all of it; the verdict then only decides
	/// how much of what its own payment left its guarantors pay.
	pub(crate) fn finalize(
		id: ClaimId,
		mut claim: ClaimOf<T>,
		verdict: Verdict<BalanceOf<T>>,
	) -> DispatchResult {
		let acknowledged = claim.acknowledged;
		let (side, judged, force_majeure) = match verdict.at_fault() {
			Some(found) => found,
			None => (Side::Respondent, Zero::zero(), false),
		};
		// What the party at fault owes in all: the verdict's amount, or the whole claim if the
		// respondent acknowledged it.
		let owed = if side == Side::Respondent && !acknowledged.is_zero() {
			claim.amount.max(judged)
		} else {
			judged
		};
		// Who was found at fault, for the bonds; and the outcome for `OnClaimFinal`.
		let (at_fault, outcome) = if owed.is_zero() {
			Self::transition(id, &mut claim, ClaimPhase::Rejected)?;
			Self::deposit_event(Event::ClaimRejected { claim: id });
			(None, ClaimOutcome::Rejected)
		} else {
			// The acknowledgement paid part of it already; the waterfall pays the rest of what
			// the verdict found.
			let already = if side == Side::Respondent { acknowledged } else { Zero::zero() };
			let due = judged.saturating_sub(already);
			let mut payments = ClaimPayments::<T>::get(id).unwrap_or_default();
			let paid = Self::pay_waterfall(id, &claim, side, due, force_majeure, &mut payments)?;
			let compensated = already.saturating_add(paid);
			let shortfall = owed.saturating_sub(compensated);
			let (debtor, creditor) = match side {
				Side::Respondent => (&claim.respondent, &claim.claimant),
				Side::Claimant => (&claim.claimant, &claim.respondent),
			};
			if !shortfall.is_zero() && !force_majeure {
				Self::add_debt(debtor, creditor, shortfall)?;
			}
			let (phase, outcome) = match side {
				Side::Respondent => (
					ClaimPhase::Paid { amount: owed, compensated, force_majeure },
					ClaimOutcome::Upheld { amount: owed, compensated, force_majeure },
				),
				Side::Claimant => (
					ClaimPhase::CounterPaid { amount: owed, compensated, force_majeure },
					ClaimOutcome::CounterUpheld { amount: owed, compensated, force_majeure },
				),
			};
			Self::transition(id, &mut claim, phase)?;
			Self::deposit_event(Event::CompensationPaid {
				claim: id,
				at_fault: side,
				claimant: claim.claimant.clone(),
				respondent: claim.respondent.clone(),
				amount: owed,
				compensated,
				shortfall,
				force_majeure,
				payments: payments.to_vec(),
			});
			ClaimPayments::<T>::insert(id, payments);
			(Some(side), outcome)
		};
		Self::close(id, claim, Settlement::Judged(at_fault), outcome)
	}

	/// Dismisses claim `id`, in arbitration with no decision and no standing verdict: nobody
	/// was found at fault, so nothing is paid and every bond returns to who put it up.
	pub(crate) fn dismiss(id: ClaimId, mut claim: ClaimOf<T>) -> DispatchResult {
		Self::transition(id, &mut claim, ClaimPhase::Dismissed)?;
		Self::deposit_event(Event::ClaimDismissed { claim: id });
		Self::close(id, claim, Settlement::Dismissed, ClaimOutcome::Dismissed)
	}

	/// Closes a claim that just became final: settles its bonds, releases every liability,
	/// updates the parties' counts, stores it and tells `OnClaimFinal`.
	fn close(
		id: ClaimId,
		claim: ClaimOf<T>,
		settlement: Settlement,
		outcome: ClaimOutcome<BalanceOf<T>>,
	) -> DispatchResult {
		Self::settle_bonds(id, &claim, settlement)?;
		Self::release_liabilities(id)?;

		let countered = claim.counter_claim().is_some();
		for (who, is_respondent) in [(&claim.respondent, true), (&claim.claimant, false)] {
			let Some(mut member) = Members::<T>::get(who) else {
				return Err(Self::broken("an open claim's party has no record").into());
			};
			if is_respondent {
				member.open_claims = member.open_claims.saturating_sub(1);
			} else {
				member.filed_claims = member.filed_claims.saturating_sub(1);
				if countered {
					member.countered_claims = member.countered_claims.saturating_sub(1);
				}
			}
			Self::store_or_remove(who, member);
		}
		let subject = claim.subject;
		Claims::<T>::insert(id, claim);
		T::OnClaimFinal::on_claim_final(id, subject, outcome);
		Ok(())
	}

	/// Pays up to `need` from `side`'s party to the other party: the party's deposit, then its
	/// side's liable guarantees depth by depth, pro rata within a depth. Guarantors' payments
	/// become the party's debts to them (unless force majeure). Appends the payments made to
	/// `payments` and returns their sum.
	fn pay_waterfall(
		id: ClaimId,
		claim: &ClaimOf<T>,
		side: Side,
		need: BalanceOf<T>,
		force_majeure: bool,
		payments: &mut PaymentsOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let (party, winner) = match side {
			Side::Respondent => (&claim.respondent, &claim.claimant),
			Side::Claimant => (&claim.claimant, &claim.respondent),
		};
		let mut left = need;
		if left.is_zero() {
			return Ok(left);
		}
		let from_deposit = Self::pay_from_deposit(party, winner, left)?;
		if !from_deposit.is_zero() {
			left = left.saturating_sub(from_deposit);
			let payment = Payment {
				payer: party.clone(),
				source: PaymentSource::Deposit,
				amount: from_deposit,
			};
			payments.try_push(payment).map_err(|_| Self::broken("MaxPaymentsOf is too small"))?;
		}

		for (depth, liable) in Self::liable_depths(id, claim, side) {
			if left.is_zero() {
				break;
			}
			let mut stakes = Vec::with_capacity(liable.len());
			for entry in liable.iter() {
				let Some(guarantee) = Guarantees::<T>::get(&entry.ward, &entry.guarantor) else {
					return Err(Self::broken("a liable guarantee disappeared").into());
				};
				stakes.push(Self::available(entry, &guarantee));
			}
			let shares = pro_rata(left, &stakes);
			for (entry, share) in liable.iter().zip(shares) {
				if share.is_zero() {
					continue;
				}
				Self::pay_from_guarantee(&entry.guarantor, &entry.ward, winner, share)?;
				if !force_majeure {
					Self::add_debt(party, &entry.guarantor, share)?;
				}
				left = left.saturating_sub(share);
				let payment = Payment {
					payer: entry.guarantor.clone(),
					source: PaymentSource::Guarantee { level: depth },
					amount: share,
				};
				payments
					.try_push(payment)
					.map_err(|_| Self::broken("MaxPaymentsOf is too small"))?;
			}
		}
		Ok(need.saturating_sub(left))
	}

	/// Moves up to `need` of `respondent`'s deposit (the party paying) to `claimant` (the
	/// party paid); returns how much.
	pub(crate) fn pay_from_deposit(
		respondent: &T::AccountId,
		claimant: &T::AccountId,
		need: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let Some(mut member) = Members::<T>::get(respondent) else {
			return Err(Self::broken("a party at fault has no member record").into());
		};
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

	/// Moves `amount` of `guarantor`'s guarantee for `ward` to `to`, shrinking the guarantee
	/// (a guarantee paid down to nothing stays, frozen, until no claim holds it) and updating
	/// the ward. A guarantee that falls below `MinGuarantee` no longer counts:
	/// `GuaranteeDepleted`.
	fn pay_from_guarantee(
		guarantor: &T::AccountId,
		ward: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let Some(mut guarantee) = Guarantees::<T>::get(ward, guarantor) else {
			return Err(Self::broken("a paying guarantee is missing").into());
		};
		if amount > guarantee.amount {
			return Err(Self::broken("a guarantee pays more than it holds").into());
		}
		let Some(mut record) = Members::<T>::get(ward) else {
			return Err(Self::broken("a guarantee's ward has no member record").into());
		};
		Self::transfer_held(&HoldReason::Guarantee, guarantor, to, amount)?;
		let struck_out = Self::guarantor_struck_out(guarantor);
		let before = Self::contribution(&guarantee, struck_out);
		guarantee.amount = guarantee.amount.saturating_sub(amount);
		guarantee.paid_out = guarantee.paid_out.saturating_add(amount);
		let after = Self::contribution(&guarantee, struck_out);
		let min = T::MinGuarantee::get();
		if guarantee.is_live()
			&& guarantee.amount < min
			&& guarantee.amount.saturating_add(amount) >= min
		{
			// It just fell below `MinGuarantee`: it no longer counts.
			Self::deposit_event(Event::GuaranteeDepleted {
				guarantor: guarantor.clone(),
				ward: ward.clone(),
				amount: guarantee.amount,
			});
		}
		Self::recount(ward, &mut record, before, after)?;
		Guarantees::<T>::insert(ward, guarantor, guarantee);
		Members::<T>::insert(ward, record);
		Ok(())
	}

	/// Returns the bonds of the side that won and gives the other side's to it (see
	/// [`BondKind`]); a dismissed claim returns every bond.
	fn settle_bonds(id: ClaimId, claim: &ClaimOf<T>, settlement: Settlement) -> DispatchResult {
		let Settlement::Judged(at_fault) = settlement else {
			for bond in claim.bonds.iter().filter(|b| !b.amount.is_zero()) {
				Self::release(&HoldReason::ClaimBond, &bond.who, bond.amount)?;
				Self::deposit_event(Event::BondReturned {
					claim: id,
					who: bond.who.clone(),
					amount: bond.amount,
				});
			}
			return Ok(());
		};
		let upheld = at_fault == Some(Side::Respondent);
		for bond in claim.bonds.iter().filter(|b| !b.amount.is_zero()) {
			let by_claimant = bond.who == claim.claimant;
			let returned = match bond.kind {
				BondKind::Claim => upheld,
				BondKind::CounterClaim => at_fault == Some(Side::Claimant),
				BondKind::Appeal if by_claimant => upheld,
				BondKind::Appeal => !upheld,
			};
			if returned {
				Self::release(&HoldReason::ClaimBond, &bond.who, bond.amount)?;
				Self::deposit_event(Event::BondReturned {
					claim: id,
					who: bond.who.clone(),
					amount: bond.amount,
				});
			} else {
				let other = if by_claimant { &claim.respondent } else { &claim.claimant };
				Self::transfer_held(&HoldReason::ClaimBond, &bond.who, other, bond.amount)?;
				Self::deposit_event(Event::BondForfeited {
					claim: id,
					from: bond.who.clone(),
					to: other.clone(),
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
			let Some(member) = member.as_mut() else {
				return Err(Self::broken("a debtor has no member record").into());
			};
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
		let Some(mut member) = Members::<T>::get(debtor) else {
			return Err(Self::broken("a debtor has no member record").into());
		};
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
