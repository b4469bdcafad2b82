//! Filing, answering, voting on, appealing and arbitrating claims.

use super::*;
use crate::{claims::Tally, ClaimPhase, Claims, ClaimsByAccount, Error, Event, Side};
use frame_support::{assert_noop, BoundedVec};
use poruka_primitives::{ClaimFiler, ClaimOutcome, ClaimSubject};
use sp_runtime::DispatchError;

/// 4 is a member guaranteed by 1 (40), 2 (30) and 3 (20); 5 by 1 and 2 (20 each).
fn two_members() -> ExtBuilder {
	ExtBuilder::default().guarantees(&[(1, 4, 40), (2, 4, 30), (3, 4, 20), (1, 5, 20), (2, 5, 20)])
}

fn evidence(bytes: &[u8]) -> BoundedVec<u8, frame_support::traits::ConstU32<32>> {
	bytes.to_vec().try_into().unwrap()
}

#[test]
fn filing_holds_the_bond_and_seats_the_respondents_guarantors() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(
			RuntimeOrigin::signed(5),
			4,
			50,
			evidence(b"ipfs://x"),
			Some(7)
		));
		assert_eq!(held(HoldReason::ClaimBond, 5), CLAIM_BOND);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!((claim.claimant, claim.respondent, claim.amount), (5, 4, 50));
		assert_eq!(claim.subject, Some(ClaimSubject::Agreement(7)));
		assert_eq!(claim.phase, ClaimPhase::Open);
		assert_eq!(claim.level(), 1);
		assert_eq!(claim.deadline_block(), Some(1 + DECISION_PERIOD));
		// Largest guarantee first.
		let panel: Vec<_> = claim.panel().unwrap().iter().map(|p| (p.who, p.side)).collect();
		assert_eq!(
			panel,
			vec![(1, Side::Respondent), (2, Side::Respondent), (3, Side::Respondent)]
		);
		assert!(guarantor_events().contains(&Event::ClaimFiled {
			claim: 0,
			claimant: 5,
			respondent: 4,
			amount: 50,
			agreement: Some(7),
			contract: None,
			panel: vec![1, 2, 3],
			deadline: Some(1 + DECISION_PERIOD),
		}));
		// Every guarantee standing for the respondent is liable, at its amount now.
		let liable = |g, amount| crate::Liability { guarantor: g, ward: 4, amount, paid_out: 0 };
		// Fixed before the panel is seated (so that arbiters never include a liable
		// guarantor): its event comes first.
		let fixed = Event::LiabilityFixed {
			claim: 0,
			side: Side::Respondent,
			depth: 1,
			liable: vec![liable(1, 40), liable(2, 30), liable(3, 20)],
		};
		let events = guarantor_events();
		let fixed_at = events.iter().position(|e| *e == fixed).expect("LiabilityFixed");
		let filed_at = events.iter().position(|e| matches!(e, Event::ClaimFiled { .. }));
		assert!(Some(fixed_at) < filed_at);
		assert_eq!(Members::<Test>::get(4).unwrap().open_claims, 1);
		for who in [1, 2, 3, 4, 5] {
			assert!(ClaimsByAccount::<Test>::contains_key(who, NewestFirst::new(0)));
		}
	});
}

#[test]
fn the_panel_never_holds_a_party_and_is_capped() {
	ExtBuilder::default()
		.guarantees(&[(1, 4, 10), (2, 4, 50), (3, 4, 30), (1, 5, 10), (2, 5, 10)])
		.build_and_execute(|| {
			vouch_all(4, &[(5, 60)]);
			// 4 has four guarantors; 5 files, so 5 may not judge; MaxPanelSize is 3.
			assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 50, evidence(b""), None));
			let panel: Vec<_> =
				Claims::<Test>::get(0).unwrap().panel().unwrap().iter().map(|p| p.who).collect();
			assert_eq!(panel, vec![2, 3, 1]);
		});
}

#[test]
fn filing_errors() {
	two_members().build_and_execute(|| {
		let file = |who, against, amount| {
			Guarantor::file_claim(RuntimeOrigin::signed(who), against, amount, evidence(b""), None)
		};
		assert_noop!(file(4, 4, 10), Error::<Test>::SelfClaim);
		assert_noop!(file(5, 4, 0), Error::<Test>::ZeroAmount);
		assert_noop!(file(9, 4, 10), Error::<Test>::NotMember);
		assert_noop!(file(5, 9, 10), Error::<Test>::NotMember);
		vouch_all(6, &[(1, 10)]);
		// A candidate can be neither claimant nor respondent.
		assert_noop!(file(6, 4, 10), Error::<Test>::NotActiveMember);
		assert_noop!(file(5, 6, 10), Error::<Test>::RespondentNotAdmitted);
		// A suspended member cannot file.
		assert_ok!(Guarantor::revoke_guarantee(RuntimeOrigin::signed(1), 5));
		assert_noop!(file(5, 4, 10), Error::<Test>::NotActiveMember);
		// Evidence through the trait is checked for length.
		assert_noop!(
			<Guarantor as ClaimFiler<_, _>>::file_claim(&4, &1, 10, &[0u8; 33], None),
			Error::<Test>::EvidenceTooLong
		);
		// The bond must be affordable.
		let spare = free(1) - 1;
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(1), spare - 1));
		assert_noop!(file(1, 4, 10), Error::<Test>::InsufficientBalance);
	});
}

#[test]
fn a_claim_against_a_founder_without_guarantors_goes_to_the_arbiter() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(4), 1, 30, evidence(b""), None));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.phase, ClaimPhase::Arbitration);
		assert_eq!(claim.deadline_block(), Some(1 + ARBITRATION_PERIOD));
		System::assert_last_event(Event::ClaimSentToArbiter { claim: 0, level: 0 }.into());
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::signed(1), 0, uphold(30)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::root(), 0, uphold(31)),
			Error::<Test>::InvalidAmount
		);
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, uphold(30)));
		assert!(
			guarantor_events().contains(&Event::ClaimResolved { claim: 0, verdict: uphold(30) })
		);
		// Paid from the founder's deposit.
		assert_eq!(held(HoldReason::Deposit, 1), 70);
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::root(), 0, uphold(30)),
			Error::<Test>::ClaimFinal
		);
	});
}

#[test]
fn resolve_only_in_arbitration() {
	two_members().build_and_execute(|| {
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::root(), 0, Verdict::Reject),
			Error::<Test>::UnknownClaim
		);
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 50, evidence(b""), None));
		assert_noop!(
			Guarantor::resolve(RuntimeOrigin::root(), 0, Verdict::Reject),
			Error::<Test>::WrongPhase
		);
	});
}

#[test]
fn acknowledging_pays_from_the_deposit_and_ends_a_claim_it_covers() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 60));
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 50, evidence(b""), Some(3)));
		assert_noop!(
			Guarantor::acknowledge(RuntimeOrigin::signed(5), 0, false),
			Error::<Test>::NotRespondent
		);
		assert_noop!(
			Guarantor::acknowledge(RuntimeOrigin::signed(4), 1, false),
			Error::<Test>::UnknownClaim
		);
		let before = free(5);
		let guarantees = held(HoldReason::Guarantee, 1) + held(HoldReason::Guarantee, 2);
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false));
		assert!(guarantor_events().contains(&Event::ClaimAcknowledged {
			claim: 0,
			paid: 50,
			remaining: 0
		}));
		assert_eq!(free(5), before + 50 + CLAIM_BOND);
		assert_eq!(held(HoldReason::Deposit, 4), 10);
		assert_eq!(held(HoldReason::Guarantee, 1) + held(HoldReason::Guarantee, 2), guarantees);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 50, compensated: 50, force_majeure: false }
		);
		assert_eq!(
			outcomes(),
			vec![(
				0,
				Some(ClaimSubject::Agreement(3)),
				ClaimOutcome::Upheld { amount: 50, compensated: 50, force_majeure: false }
			)]
		);
		assert_noop!(
			Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false),
			Error::<Test>::ClaimFinal
		);
		let member = Members::<Test>::get(4).unwrap();
		assert_eq!((member.open_claims, member.debt), (0, 0));
		// Nothing is liable any more.
		assert_eq!(crate::Liabilities::<Test>::iter().count(), 0);
		assert_eq!(crate::Guarantees::<Test>::get(4, 1).unwrap().liable_claims, 0);
	});
}

#[test]
fn acknowledging_with_the_free_balance_pays_more_and_nothing_to_pay_is_refused() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 50, evidence(b""), None));
		// No deposit and the free balance not offered: nothing to pay with.
		assert_noop!(
			Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, false),
			Error::<Test>::NothingToPay
		);
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 20));
		let (respondent, claimant) = (free(4), free(5));
		assert_ok!(Guarantor::acknowledge(RuntimeOrigin::signed(4), 0, true));
		assert_eq!(free(4), respondent - 30);
		assert_eq!(free(5), claimant + 50 + CLAIM_BOND);
		let payments = crate::ClaimPayments::<Test>::get(0).unwrap().into_inner();
		use crate::{Payment, PaymentSource};
		assert_eq!(
			payments,
			vec![
				Payment { payer: 4, source: PaymentSource::Deposit, amount: 20 },
				Payment { payer: 4, source: PaymentSource::FreeBalance, amount: 30 },
			]
		);
		assert!(Claims::<Test>::get(0).unwrap().phase.is_final());
	});
}

#[test]
fn a_majority_upholds_with_the_median_amount() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(60)));
		System::assert_last_event(
			Event::Voted { claim: 0, level: 1, voter: 1, verdict: uphold(60) }.into(),
		);
		assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Open);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(3), 0, uphold(20)));
		// Two of three: decided; the lower median of (20, 60) is 20.
		let appeal_until = 1 + APPEAL_PERIOD;
		System::assert_last_event(
			Event::ClaimDecided { claim: 0, level: 1, verdict: uphold(20), appeal_until }.into(),
		);
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(claim.phase, ClaimPhase::Decided { verdict: uphold(20) });
		assert_eq!(claim.deadline_block(), Some(appeal_until));
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(20)),
			Error::<Test>::WrongPhase
		);
	});
}

#[test]
fn a_majority_rejects() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, Verdict::Reject));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(10)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(3), 0, Verdict::Reject));
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Decided { verdict: Verdict::Reject }
		);
	});
}

#[test]
fn vote_errors() {
	two_members().build_and_execute(|| {
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(1), 0, Verdict::Reject),
			Error::<Test>::UnknownClaim
		);
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(5), 0, Verdict::Reject),
			Error::<Test>::NotPanelist
		);
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(0)),
			Error::<Test>::InvalidAmount
		);
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(91)),
			Error::<Test>::InvalidAmount
		);
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(90)));
		assert_noop!(
			Guarantor::vote(RuntimeOrigin::signed(1), 0, Verdict::Reject),
			Error::<Test>::AlreadyVoted
		);
	});
}

#[test]
fn tally_counts_strict_majorities_medians_and_deadlocks() {
	type G = crate::Pallet<Test>;
	let up = |a, fm| Some(Verdict::Uphold { amount: a, force_majeure: fm });
	let rej = Some(Verdict::Reject);
	assert_eq!(G::tally([up(5, false), None, None].into_iter()), Tally::Pending);
	assert_eq!(
		G::tally([up(5, false), up(9, true), up(7, true)].into_iter()),
		Tally::Decided(Verdict::Uphold { amount: 7, force_majeure: true })
	);
	assert_eq!(
		G::tally([up(5, true), up(9, false), None].into_iter()),
		Tally::Decided(Verdict::Uphold { amount: 5, force_majeure: false })
	);
	assert_eq!(G::tally([rej, rej, up(1, false)].into_iter()), Tally::Decided(Verdict::Reject));
	assert_eq!(G::tally([rej, up(1, false)].into_iter()), Tally::Deadlock);
	assert_eq!(G::tally([rej, up(1, false), None, None].into_iter()), Tally::Pending);
	let counter = |a| Some(Verdict::CounterUphold { amount: a, force_majeure: false });
	assert_eq!(
		G::tally([counter(8), counter(4), up(9, false)].into_iter()),
		Tally::Decided(Verdict::CounterUphold { amount: 4, force_majeure: false })
	);
	// Three verdicts, no strict majority for any: a deadlock.
	assert_eq!(G::tally([counter(8), rej, up(9, false)].into_iter()), Tally::Deadlock);
	assert_eq!(G::tally([counter(8), counter(6), rej, up(9, false)].into_iter()), Tally::Deadlock);
}

#[test]
fn an_unappealed_decision_becomes_final_and_is_executed() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::deposit(RuntimeOrigin::signed(4), 100));
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(40)));
		assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(40)));
		run_to_block(APPEAL_PERIOD);
		assert!(matches!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Decided { .. }));
		assert_eq!(crate::OpenClaims::<Test>::get(), 1);
		run_to_block(1 + APPEAL_PERIOD);
		assert_eq!(crate::OpenClaims::<Test>::get(), 0);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount: 40, compensated: 40, force_majeure: false }
		);
		assert_eq!(held(HoldReason::Deposit, 4), 60);
		assert_eq!(held(HoldReason::ClaimBond, 5), 0);
		assert_noop!(Guarantor::appeal(RuntimeOrigin::signed(4), 0), Error::<Test>::ClaimFinal);
	});
}

#[test]
fn contesting_forms_the_level_again_with_both_sides_and_restarts_its_deadline() {
	// 4 is guaranteed by 1 (40) and 2 (30); 5 by 3 (25) and 6 (15); 6 by 1 and 2.
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (1, 6, 20), (2, 6, 20), (3, 5, 25), (6, 5, 15)])
		.build_and_execute(|| {
			assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(2), 0, uphold(10)));
			run_to_block(4);
			assert_noop!(
				Guarantor::contest(RuntimeOrigin::signed(5), 0, None),
				Error::<Test>::NotRespondent
			);
			assert_noop!(
				Guarantor::contest(RuntimeOrigin::signed(4), 0, Some(0)),
				Error::<Test>::ZeroAmount
			);
			assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
			let claim = Claims::<Test>::get(0).unwrap();
			assert_eq!(claim.contest, Some(crate::Contest { at_level: 1, counter_claim: None }));
			// As many seats for each side (⌊3/2⌋ = 1), the largest stakes; the votes start over.
			let panel: Vec<_> =
				claim.panel().unwrap().iter().map(|p| (p.who, p.side, p.vote)).collect();
			assert_eq!(panel, vec![(1, Side::Respondent, None), (3, Side::Claimant, None)]);
			assert_eq!(claim.deadline_block(), Some(4 + DECISION_PERIOD));
			System::assert_last_event(
				Event::ClaimContested {
					claim: 0,
					counter_claim: None,
					panel: vec![1, 3],
					deadline: Some(4 + DECISION_PERIOD),
				}
				.into(),
			);
			assert_noop!(
				Guarantor::contest(RuntimeOrigin::signed(4), 0, None),
				Error::<Test>::CannotContest
			);
			// Without a counter-claim, no verdict can find the claimant at fault.
			assert_noop!(
				Guarantor::vote(
					RuntimeOrigin::signed(1),
					0,
					Verdict::CounterUphold { amount: 10, force_majeure: false }
				),
				Error::<Test>::NoCounterClaim
			);
		});
}

#[test]
fn a_contest_with_nobody_to_seat_for_the_claimant_goes_to_the_arbiter() {
	two_members().build_and_execute(|| {
		assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 90, evidence(b""), None));
		// 5's guarantors, 1 and 2, sit for the respondent already: the claimant's side has
		// nobody, and one side must not judge a two-sided dispute alone.
		assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
		let claim = Claims::<Test>::get(0).unwrap();
		assert_eq!(
			(claim.phase, claim.deadline_block()),
			(ClaimPhase::Arbitration, Some(1 + ARBITRATION_PERIOD))
		);
		assert!(guarantor_events().contains(&Event::ClaimContested {
			claim: 0,
			counter_claim: None,
			panel: vec![],
			deadline: Some(1 + ARBITRATION_PERIOD),
		}));
		System::assert_last_event(Event::ClaimSentToArbiter { claim: 0, level: 1 }.into());
		assert_noop!(
			Guarantor::resolve(
				RuntimeOrigin::root(),
				0,
				Verdict::CounterUphold { amount: 10, force_majeure: false }
			),
			Error::<Test>::NoCounterClaim
		);
		assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, Verdict::Reject));
	});
}

#[test]
fn a_two_sided_dispute_is_judged_by_both_sides_guarantors() {
	// 4 is guaranteed by 1 and 2; 5 by 3 and 6; 6 by 1 and 2.
	ExtBuilder::default()
		.guarantees(&[(1, 4, 40), (2, 4, 30), (1, 6, 20), (2, 6, 20), (3, 5, 25), (6, 5, 15)])
		.build_and_execute(|| {
			assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 80, evidence(b""), None));
			assert_ok!(Guarantor::contest(RuntimeOrigin::signed(4), 0, None));
			let claim = Claims::<Test>::get(0).unwrap();
			let panel: Vec<_> = claim.panel().unwrap().iter().map(|p| (p.who, p.side)).collect();
			// One seat for each side (MaxPanelSize 3): the odd seat goes to neither.
			assert_eq!(panel, vec![(1, Side::Respondent), (3, Side::Claimant)]);
			assert!(ClaimsByAccount::<Test>::contains_key(3, NewestFirst::new(0)));
			// The claimant's guarantor and the respondent's agree on half.
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(3), 0, uphold(40)));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(40)));
			assert_eq!(
				Claims::<Test>::get(0).unwrap().phase,
				ClaimPhase::Decided { verdict: uphold(40) }
			);
			run_to_block(1 + APPEAL_PERIOD);
			// Paid from the respondent's guarantors only (4 has no deposit): 40 over 40 + 30.
			assert_eq!(held(HoldReason::Guarantee, 3), 25);
			assert_eq!(crate::Guarantees::<Test>::get(4, 1).unwrap().amount, 40 - 23);
			assert_eq!(crate::Guarantees::<Test>::get(4, 2).unwrap().amount, 30 - 17);
		});
}

#[test]
fn appeals_escalate_with_a_growing_bond() {
	// 4 guaranteed by 5 and 6; 5 by 1 and 2; 6 by 2 and 3.
	ExtBuilder::default()
		.guarantees(&[
			(1, 5, 20),
			(2, 5, 20),
			(2, 6, 20),
			(3, 6, 20),
			(5, 4, 30),
			(6, 4, 30),
			(1, 7, 20),
			(2, 7, 20),
		])
		.build_and_execute(|| {
			assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(7), 4, 50, evidence(b""), None));
			assert_noop!(Guarantor::appeal(RuntimeOrigin::signed(4), 0), Error::<Test>::WrongPhase);
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(5), 0, Verdict::Reject));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(6), 0, Verdict::Reject));
			assert_noop!(Guarantor::appeal(RuntimeOrigin::signed(1), 0), Error::<Test>::NotParty);
			assert_ok!(Guarantor::appeal(RuntimeOrigin::signed(7), 0));
			assert_eq!(held(HoldReason::ClaimBond, 7), CLAIM_BOND + APPEAL_BOND);
			let claim = Claims::<Test>::get(0).unwrap();
			assert_eq!(claim.phase, ClaimPhase::Appealed);
			assert_eq!(claim.level(), 2);
			// 5's and 6's guarantors, less the claimant's... 1 and 2 and 3 are not parties.
			let panel: Vec<_> = claim.panel().unwrap().iter().map(|p| p.who).collect();
			assert_eq!(panel, vec![1, 2, 3]);
			assert!(guarantor_events().contains(&Event::ClaimEscalated {
				claim: 0,
				level: 2,
				reason: crate::EscalationReason::Appeal,
				panel: vec![1, 2, 3],
				deadline: 1 + DECISION_PERIOD,
			}));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(1), 0, uphold(50)));
			assert_ok!(Guarantor::vote(RuntimeOrigin::signed(3), 0, uphold(50)));
			// The respondent appeals level 2's decision: twice the bond; nobody is left.
			assert_ok!(Guarantor::appeal(RuntimeOrigin::signed(4), 0));
			assert_eq!(held(HoldReason::ClaimBond, 4), 2 * APPEAL_BOND);
			assert_eq!(Claims::<Test>::get(0).unwrap().phase, ClaimPhase::Arbitration);
			// The arbiter upholds: the claimant's bonds return, the respondent's go to it.
			let before = free(7);
			assert_ok!(Guarantor::resolve(RuntimeOrigin::root(), 0, uphold(50)));
			assert_eq!(free(7), before + 50 + CLAIM_BOND + APPEAL_BOND + 2 * APPEAL_BOND);
			assert_eq!(held(HoldReason::ClaimBond, 4), 0);
		});
}

#[test]
fn an_accounts_claims_are_listed_newest_first_a_page_at_a_time() {
	use crate::queries::MAX_LISTED;
	// A member flooded with claims (or a council member who arbitrates many) still sees its
	// newest first, and can page back to the oldest: version 4's index listed an arbitrary
	// 256 of them.
	two_members().build_and_execute(|| {
		use frame_support::traits::fungible::Mutate;
		let filed = MAX_LISTED + 44;
		<Balances as Mutate<_>>::set_balance(&5, 10 * CLAIM_BOND * filed as Balance);
		for _ in 0..filed {
			assert_ok!(Guarantor::file_claim(RuntimeOrigin::signed(5), 4, 1, evidence(b""), None));
		}
		assert_eq!(crate::OpenClaims::<Test>::get(), filed);
		let ids = |view: &crate::queries::ClaimsOfView| -> Vec<u32> {
			view.claims.iter().map(|c| c.id).collect()
		};
		for who in [4, 5, 1] {
			let first = Guarantor::claims_of(&who, None);
			assert_eq!(ids(&first), (44..filed).rev().collect::<Vec<_>>(), "{who}'s first page");
			assert!(first.truncated);
			let second = Guarantor::claims_of(&who, Some(44));
			assert_eq!(ids(&second), (0..44).rev().collect::<Vec<_>>(), "{who}'s second page");
			assert!(!second.truncated);
			// From any id, whether or not the account has it.
			assert_eq!(ids(&Guarantor::claims_of(&who, Some(3))), vec![2, 1, 0]);
			assert!(Guarantor::claims_of(&who, Some(0)).claims.is_empty());
		}
		// An account with no claims, and one past the newest.
		assert!(Guarantor::claims_of(&7, None).claims.is_empty());
		assert_eq!(Guarantor::claims_of(&4, Some(u32::MAX)).claims.len(), MAX_LISTED as usize);
	});
}
