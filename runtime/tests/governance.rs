//! The council governs: what its motions may do, at which threshold, and what one member or a
//! plain account may not; and its uninvolved members arbitrate claims.

mod common;

use codec::Encode;
use common::*;
use frame_support::{assert_noop, assert_ok, weights::Weight};
use pallet_guarantor::{ClaimPhase, Claims, Timing, Verdict};
use poruka_runtime::{Council, Guarantor, Runtime, RuntimeCall, RuntimeEvent, System};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{traits::Hash, DispatchError, DispatchResult};

/// `proposer` moves `call` with `threshold`, `ayes` vote for it (the proposer's aye is not
/// counted unless it is among them), and it is closed: the result of dispatching it, if it
/// passed.
fn motion(
	proposer: Sr25519Keyring,
	threshold: u32,
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
) -> Option<DispatchResult> {
	let length = call.encoded_size() as u32;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	System::reset_events();
	assert_ok!(Council::propose(signed(proposer), threshold, Box::new(call), length));
	if threshold > 1 {
		let index =
			pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1;
		for voter in ayes {
			assert_ok!(Council::vote(signed(*voter), hash, index, true));
		}
		assert_ok!(Council::close(signed(proposer), hash, index, Weight::MAX / 4, length));
	}
	System::events().into_iter().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

fn set_timing(decision_period: u32) -> RuntimeCall {
	let timing = Timing { decision_period, ..Guarantor::timing() };
	RuntimeCall::Guarantor(pallet_guarantor::Call::set_timing { timing })
}

#[test]
fn the_dev_council_is_five_members() {
	dev_chain().execute_with(|| {
		let mut expected: Vec<_> =
			[Alice, Bob, Charlie, Dave, Eve].iter().map(|k| id(*k)).collect();
		expected.sort();
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			expected
		);
	});
}

#[test]
fn two_thirds_of_the_council_set_the_periods_and_add_founders() {
	dev_chain().execute_with(|| {
		// Four of five is at least two thirds.
		assert_eq!(motion(Alice, 4, set_timing(17), &[Alice, Bob, Charlie, Dave]), Some(Ok(())));
		assert_eq!(Guarantor::timing().decision_period, 17);
		let add = RuntimeCall::Guarantor(pallet_guarantor::Call::add_founder { who: id(Ferdie) });
		assert_eq!(motion(Bob, 4, add, &[Alice, Bob, Charlie, Eve]), Some(Ok(())));
		assert!(pallet_guarantor::Members::<Runtime>::get(id(Ferdie)).is_some_and(|m| m.founder));
		check_invariants();
	});
}

#[test]
fn one_member_a_bare_majority_or_a_plain_account_cannot() {
	dev_chain().execute_with(|| {
		let before = Guarantor::timing();
		// A plain signed account, and a council member acting alone (a motion of threshold 1
		// executes at once, as that one member).
		assert_noop!(
			Guarantor::set_timing(signed(Ferdie), set_timing_value(3)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Guarantor::set_timing(signed(Alice), set_timing_value(3)),
			DispatchError::BadOrigin
		);
		assert_eq!(motion(Alice, 1, set_timing(3), &[]), Some(Err(DispatchError::BadOrigin)));
		// Three of five is a majority but not two thirds.
		assert_eq!(
			motion(Alice, 3, set_timing(3), &[Alice, Bob, Charlie]),
			Some(Err(DispatchError::BadOrigin))
		);
		let add = RuntimeCall::Guarantor(pallet_guarantor::Call::add_founder { who: id(Ferdie) });
		assert_eq!(
			motion(Alice, 3, add, &[Alice, Bob, Charlie]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert_eq!(Guarantor::timing(), before);
		assert!(pallet_guarantor::Members::<Runtime>::get(id(Ferdie)).is_none());
	});
}

#[test]
fn the_council_grows_by_motion_but_never_past_its_bound() {
	dev_chain().execute_with(|| {
		let members = || pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		let five = members();
		let set = |count: u32| {
			let mut new_members = five.clone();
			new_members
				.extend((0..count - 5).map(|i| sp_core::crypto::AccountId32::new([i as u8; 32])));
			RuntimeCall::Council(pallet_collective::Call::set_members {
				new_members,
				prime: None,
				old_count: 5,
			})
		};
		let ayes = [Alice, Bob, Charlie, Dave];
		// Seventeen: more than COUNCIL_MAX_MEMBERS, refused by the runtime's call filter.
		let refused = motion(Alice, 4, set(17), &ayes);
		assert_eq!(refused, Some(Err(frame_system::Error::<Runtime>::CallFiltered.into())));
		assert_eq!(members(), five);
		// Sixteen: seated.
		assert_eq!(motion(Alice, 4, set(16), &ayes), Some(Ok(())));
		assert_eq!(members().len(), 16);
	});
}

fn set_timing_value(decision_period: u32) -> Timing<u32> {
	Timing { decision_period, ..Guarantor::timing() }
}

/// Whether the last motion authorized an upgrade to `code_hash`.
fn upgrade_authorized(code_hash: sp_core::H256) -> bool {
	System::events().into_iter().any(|record| {
		matches!(
			record.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. })
				if h == code_hash
		)
	})
}

#[test]
fn a_two_thirds_motion_authorizes_a_runtime_upgrade_without_sudo() {
	dev_chain().execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		let call_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&authorize);
		// Whitelisted and dispatched as root by the same motion.
		let upgrade = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash }),
				RuntimeCall::Whitelist(
					pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
						call: Box::new(authorize.clone()),
					},
				),
			],
		});
		// A bare majority cannot.
		assert_eq!(
			motion(Alice, 3, upgrade.clone(), &[Alice, Bob, Charlie]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert!(!upgrade_authorized(code_hash));
		assert_eq!(motion(Alice, 4, upgrade, &[Alice, Bob, Charlie, Dave]), Some(Ok(())));
		assert!(upgrade_authorized(code_hash));
		// No council member can do it alone.
		assert_noop!(System::authorize_upgrade(signed(Alice), code_hash), DispatchError::BadOrigin);
	});
}

#[test]
fn the_uninvolved_council_members_arbitrate_a_claim() {
	dev_chain().execute_with(|| {
		// Charlie is a founder: no panel can judge a claim against him, so it goes straight to
		// arbitration. Dave files it; neither may arbitrate.
		assert_ok!(Guarantor::file_claim(
			signed(Dave),
			id(Charlie),
			50 * poruka_runtime::UNIT,
			Default::default(),
			None
		));
		let claim = Claims::<Runtime>::get(0).expect("filed");
		assert_eq!(claim.phase, ClaimPhase::Arbitration);
		let arbiters: Vec<_> = pallet_guarantor::Arbitrations::<Runtime>::get(0)
			.expect("arbiters seated")
			.arbiters
			.iter()
			.map(|a| a.who.clone())
			.collect();
		let mut expected = vec![id(Alice), id(Bob), id(Eve)];
		expected.sort();
		assert_eq!(arbiters, expected);
		let verdict = Verdict::Uphold { amount: 40 * poruka_runtime::UNIT, force_majeure: false };
		for involved in [Charlie, Dave] {
			assert_noop!(
				Guarantor::vote(signed(involved), 0, verdict),
				pallet_guarantor::Error::<Runtime>::InvolvedArbiter
			);
		}
		assert_noop!(
			Guarantor::vote(signed(Ferdie), 0, verdict),
			pallet_guarantor::Error::<Runtime>::NotPanelist
		);
		assert_ok!(Guarantor::vote(signed(Alice), 0, verdict));
		run_to_block(2);
		assert_eq!(Claims::<Runtime>::get(0).unwrap().phase, ClaimPhase::Arbitration);
		assert_ok!(Guarantor::vote(signed(Eve), 0, verdict));
		run_to_block(3);
		assert!(matches!(
			Claims::<Runtime>::get(0).unwrap().phase,
			ClaimPhase::Paid { amount, .. } if amount == 40 * poruka_runtime::UNIT
		));
		// A motion cannot stand in for the arbiters: `resolve` is root's only.
		let resolve = RuntimeCall::Guarantor(pallet_guarantor::Call::resolve { claim: 0, verdict });
		assert_eq!(
			motion(Alice, 4, resolve, &[Alice, Bob, Charlie, Dave]),
			Some(Err(DispatchError::BadOrigin))
		);
		check_invariants();
	});
}
