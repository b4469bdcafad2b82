//! A synthetic cooperative, built at genesis from a few numbers: for measuring the chain at the
//! scale of the Alma-Ata network (hundreds of thousands of members) without a chain spec that
//! lists them.
//!
//! The members are [`poruka_primitives::synthetic`] accounts `0..members`, no one holds their
//! keys. Accounts `0..founders` are the founders (level 0); the rest fill `depth` levels whose
//! sizes grow geometrically, so a few hundred founders reach half a million members in 6 to 10
//! levels. Each member of level `l` has 2 to 4 guarantors (as its account's first byte says)
//! from level `l - 1`, spread evenly so that no guarantor has more than `MaxWards` wards. Every
//! member holds a deposit; every guarantee is twice `MinGuarantee`. The genesis mints what each
//! member holds, and a little more to pay fees and a claim bond.
//!
//! Then `claims` claims are filed, each by a member against another, and left in the phases a
//! claim sits in before time passes: just filed; one level-1 vote cast; contested by the
//! respondent; decided by the level-1 panel (in its appeal period). Their deadlines are in the
//! deadline queue like any claim's.
//!
//! For measurement chains only: no one holds the members' keys and their money is minted, so
//! a real cooperative's chain spec never sets it (the presets do not).
//!
//! Everything goes through the pallet's own `do_*` functions, so the state is one the calls
//! could have made and `try_state` holds. The genesis fails loudly (it panics, as a genesis
//! must) on parameters that cannot make a valid cooperative.

use alloc::{format, string::String, vec::Vec};
use codec::Decode;
use frame_support::traits::fungible::{Inspect, Mutate};
use poruka_primitives::synthetic::account_bytes;
use sp_runtime::traits::{Get, Saturating, TrailingZeroInput};

use crate::{BalanceOf, ClaimPhase, Claims, Config, Pallet, Verdict};

/// The parameters of a synthetic cooperative.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SyntheticCooperative {
	/// Members in all, founders included.
	pub members: u32,
	/// The founders: the tree's roots.
	pub founders: u32,
	/// The levels below the founders.
	pub depth: u32,
	/// The claims left open.
	pub claims: u32,
}

/// The fewest and the most guarantors a synthetic member has (before `MinGuarantors` and
/// `MaxGuarantors` bound them).
const GUARANTORS: (u32, u32) = (2, 4);

impl SyntheticCooperative {
	/// The number of members at each level, founders first; an error in words if the
	/// parameters cannot make a cooperative whose every member is admitted.
	pub fn level_sizes(&self, min_guarantors: u32, max_wards: u32) -> Result<Vec<u32>, String> {
		let (least, most) = (GUARANTORS.0.max(min_guarantors), GUARANTORS.1.max(min_guarantors));
		if self.founders < least {
			return Err(format!("at least {least} founders are needed to admit anyone"));
		}
		if self.members < self.founders {
			return Err(String::from("members (founders included) are fewer than the founders"));
		}
		let rest = self.members - self.founders;
		if rest > 0 && self.depth == 0 {
			return Err(String::from("members beyond the founders need a depth of at least 1"));
		}
		// The smallest growth ratio (in thousandths) whose levels hold the rest.
		// A level's size from the one above, at most `u32::MAX` (no overflow at any ratio).
		let grow =
			|size: u64, ratio: u64| (size.saturating_mul(ratio) / 1000).clamp(1, u32::MAX.into());
		let total = |ratio: u64| -> u64 {
			let (mut size, mut sum) = (u64::from(self.founders), 0u64);
			for _ in 0..self.depth {
				size = grow(size, ratio);
				sum = sum.saturating_add(size);
			}
			sum
		};
		let (mut low, mut high) = (1u64, 1_000_000u64);
		while low < high {
			let mid = (low + high) / 2;
			if total(mid) >= u64::from(rest) {
				high = mid;
			} else {
				low = mid + 1;
			}
		}
		let mut sizes = Vec::from([self.founders]);
		let (mut size, mut left) = (u64::from(self.founders), rest);
		for level in 1..=self.depth {
			size = grow(size, low);
			let here = if level == self.depth {
				left
			} else {
				u32::try_from(size).unwrap_or(u32::MAX).min(left)
			};
			sizes.push(here);
			left -= here;
		}
		for (level, pair) in sizes.windows(2).enumerate() {
			let (above, here) = (pair[0], pair[1]);
			if here == 0 {
				continue;
			}
			if above < least {
				return Err(format!(
					"level {} has {above} members: too few to guarantee level {}",
					level,
					level + 1
				));
			}
			if most.saturating_mul(here.div_ceil(above)) > max_wards {
				return Err(format!(
					"level {} ({here} members) is too big for its {above} guarantors: raise \
					 founders or depth",
					level + 1
				));
			}
		}
		Ok(sizes)
	}
}

/// The `index`-th synthetic account.
pub fn account<T: Config>(index: u32) -> T::AccountId {
	let bytes = account_bytes(index);
	T::AccountId::decode(&mut TrailingZeroInput::new(&bytes))
		.expect("an account decodes from any 32 bytes followed by zeros")
}

/// How many guarantors the member at `index` has: 2 to 4 as its account's first byte says,
/// within `[least, most]` and at most the level above.
fn guarantors_of(index: u32, least: u32, most: u32, above: u32) -> u32 {
	let spread = GUARANTORS.1 - GUARANTORS.0 + 1;
	let wanted = GUARANTORS.0 + u32::from(account_bytes(index)[0]) % spread;
	wanted.clamp(least, most).min(above)
}

impl<T: Config> Pallet<T> {
	/// Builds the synthetic cooperative `spec` (see the module's docs). Panics, as a genesis
	/// must, on parameters that cannot make one.
	pub fn build_synthetic(spec: &SyntheticCooperative) {
		let min_guarantors = T::MinGuarantors::get();
		let sizes = spec
			.level_sizes(min_guarantors, T::MaxWards::get())
			.unwrap_or_else(|error| panic!("synthetic cooperative: {error}"));
		let least = GUARANTORS.0.max(min_guarantors);
		let most = GUARANTORS.1.max(min_guarantors).min(T::MaxGuarantors::get());
		let guarantee = T::MinGuarantee::get().saturating_mul(2u32.into());
		let deposit = T::MinGuarantee::get().saturating_mul(5u32.into());
		let pocket = T::MinGuarantee::get().saturating_add(T::ClaimBond::get());
		let opening = T::Currency::minimum_balance().saturating_add(deposit).saturating_add(pocket);

		let fund = |who: &T::AccountId| {
			T::Currency::mint_into(who, opening).expect("a synthetic member can be funded");
		};
		for index in 0..spec.founders {
			let who = account::<T>(index);
			Self::do_add_founder(&who).expect("synthetic founders are distinct and new");
			fund(&who);
			Self::do_deposit(&who, deposit).expect("a synthetic founder can hold its deposit");
		}
		let (mut above_start, mut start) = (0u32, spec.founders);
		for pair in sizes.windows(2) {
			let (above, here) = (pair[0], pair[1]);
			for place in 0..here {
				let index = start + place;
				let ward = account::<T>(index);
				fund(&ward);
				let count = guarantors_of(index, least, most, above);
				let stride = above / count;
				for c in 0..count {
					let guarantor = account::<T>(above_start + (place + c * stride) % above);
					T::Currency::mint_into(&guarantor, guarantee)
						.expect("a synthetic guarantor can be funded");
					Self::do_vouch(&guarantor, &ward, guarantee)
						.expect("a synthetic guarantee is valid");
				}
				Self::do_deposit(&ward, deposit).expect("a synthetic member can hold its deposit");
			}
			above_start = start;
			start += here;
		}
		Self::file_synthetic_claims(spec);
	}

	/// Files `spec.claims` claims among the non-founders and leaves each in one of four phases.
	fn file_synthetic_claims(spec: &SyntheticCooperative) {
		let admitted = spec.members - spec.founders;
		if spec.claims == 0 {
			return;
		}
		assert!(admitted >= 2, "synthetic cooperative: claims need two admitted members");
		let step = (admitted / spec.claims).max(1);
		let amount = T::MinGuarantee::get();
		for c in 0..spec.claims {
			let respondent = account::<T>(spec.founders + c.saturating_mul(step) % admitted);
			// Half the admitted members away: never the respondent itself.
			let claimant =
				account::<T>(spec.founders + (c.saturating_mul(step) + admitted / 2) % admitted);
			let id = Self::do_file_claim(&claimant, &respondent, amount, b"synthetic", None, true)
				.expect("a synthetic claim can be filed");
			let uphold = Verdict::Uphold { amount, force_majeure: false };
			match c % 4 {
				0 => {}
				1 => Self::cast_synthetic_votes(id, uphold, 1),
				2 => {
					Self::do_contest(&respondent, id, None)
						.expect("a synthetic respondent can contest");
				}
				_ => Self::cast_synthetic_votes(id, uphold, u32::MAX),
			}
		}
	}

	/// Up to `votes` of the current panel's members vote `verdict`, stopping once the claim
	/// leaves its vote.
	fn cast_synthetic_votes(id: crate::ClaimId, verdict: Verdict<BalanceOf<T>>, votes: u32) {
		let claim = Claims::<T>::get(id).expect("the claim was just filed");
		let panel: Vec<T::AccountId> = claim
			.levels
			.last()
			.map(|p| p.iter().map(|s| s.who.clone()).collect())
			.unwrap_or_default();
		for who in panel.into_iter().take(votes as usize) {
			let phase = Claims::<T>::get(id).map(|c| c.phase);
			if !phase.as_ref().is_some_and(ClaimPhase::is_voting) {
				break;
			}
			Self::do_vote(&who, id, verdict).expect("a synthetic panelist can vote");
		}
	}
}
