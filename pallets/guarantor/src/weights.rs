//! Weights of `pallet-guarantor`.
//!
//! PLACEHOLDER until `scripts/benchmark.sh` generates this file from the FRAME benchmarks in
//! `benchmarking.rs` run on the reference machine. The pallet is not in the runtime until then.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::weights::Weight;

/// The weight of every call and of the deadline hook.
pub trait WeightInfo {
	fn add_founder() -> Weight;
	fn vouch() -> Weight;
	fn increase_guarantee() -> Weight;
	fn revoke_guarantee() -> Weight;
	fn release_guarantee() -> Weight;
	fn deposit() -> Weight;
	fn withdraw_deposit() -> Weight;
	fn withdraw_unbonded() -> Weight;
	fn leave(g: u32) -> Weight;
	fn file_claim(g: u32) -> Weight;
	fn acknowledge(l: u32) -> Weight;
	fn contest(g: u32) -> Weight;
	fn vote() -> Weight;
	fn appeal(g: u32) -> Weight;
	fn resolve(l: u32) -> Weight;
	fn repay() -> Weight;
	fn set_timing() -> Weight;
	fn on_initialize_base() -> Weight;
	fn on_initialize_block() -> Weight;
	fn on_initialize_claim(p: u32, l: u32) -> Weight;
}

/// Zero weights, for unit tests only.
impl WeightInfo for () {
	fn add_founder() -> Weight {
		Weight::zero()
	}
	fn vouch() -> Weight {
		Weight::zero()
	}
	fn increase_guarantee() -> Weight {
		Weight::zero()
	}
	fn revoke_guarantee() -> Weight {
		Weight::zero()
	}
	fn release_guarantee() -> Weight {
		Weight::zero()
	}
	fn deposit() -> Weight {
		Weight::zero()
	}
	fn withdraw_deposit() -> Weight {
		Weight::zero()
	}
	fn withdraw_unbonded() -> Weight {
		Weight::zero()
	}
	fn leave(_g: u32) -> Weight {
		Weight::zero()
	}
	fn file_claim(_g: u32) -> Weight {
		Weight::zero()
	}
	fn acknowledge(_l: u32) -> Weight {
		Weight::zero()
	}
	fn contest(_g: u32) -> Weight {
		Weight::zero()
	}
	fn vote() -> Weight {
		Weight::zero()
	}
	fn appeal(_g: u32) -> Weight {
		Weight::zero()
	}
	fn resolve(_l: u32) -> Weight {
		Weight::zero()
	}
	fn repay() -> Weight {
		Weight::zero()
	}
	fn set_timing() -> Weight {
		Weight::zero()
	}
	fn on_initialize_base() -> Weight {
		Weight::zero()
	}
	fn on_initialize_block() -> Weight {
		Weight::zero()
	}
	fn on_initialize_claim(_p: u32, _l: u32) -> Weight {
		Weight::zero()
	}
}
