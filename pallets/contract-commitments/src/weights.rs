//! Weights of `pallet_contract_commitments`.
//!
//! Estimated from each call's reads and writes before its first benchmark run; `scripts/benchmark.sh
//! contract_commitments` replaces this file with the measured weights.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

/// The weight of every call and of what the precompile does in this pallet.
pub trait WeightInfo {
	fn commit() -> Weight;
	fn release() -> Weight;
	fn lapse() -> Weight;
	fn file_claim() -> Weight;
	fn on_claim_final() -> Weight;
	fn read_coverage() -> Weight;
}

/// The weights, with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Committing: the member's record and guarantees (coverage), its agreements' and contracts' totals, the commitment.
	fn commit() -> Weight {
		Weight::from_parts(40_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Releasing: the commitment and the total.
	fn release() -> Weight {
		Weight::from_parts(20_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Letting a commitment lapse: the commitment and the total.
	fn lapse() -> Weight {
		Weight::from_parts(20_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Filing a claim about a contract, without the guarantor pallet's filing (added by the caller): the claimant's record, the commitment, the claim index.
	fn file_claim() -> Weight {
		Weight::from_parts(25_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// A claim about a contract made final: the claim index, the commitment, the total.
	fn on_claim_final() -> Weight {
		Weight::from_parts(25_000_000, 3600)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// The precompile's reads of a member: its record and guarantees, its agreements' and contracts' totals.
	fn read_coverage() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(0))
	}
}

/// The same weights with RocksDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn commit() -> Weight {
		Weight::from_parts(40_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn release() -> Weight {
		Weight::from_parts(20_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn lapse() -> Weight {
		Weight::from_parts(20_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn file_claim() -> Weight {
		Weight::from_parts(25_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn on_claim_final() -> Weight {
		Weight::from_parts(25_000_000, 3600)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn read_coverage() -> Weight {
		Weight::from_parts(30_000_000, 6000)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(0))
	}
}
