//! The accounts of a synthetic cooperative: members a genesis generates from a few numbers
//! (see the guarantor pallet's `synthetic` genesis field) so that a chain of half a million
//! members is measured without a chain spec that lists them.
//!
//! The `i`-th synthetic account is the BLAKE2-256 hash of the SCALE encoding of the pair
//! (`"poruka/synthetic/"`, `i` as a `u32`): no one holds its key. The runtime derives it when
//! it builds the genesis, and tools off chain (the load tool, the RPC latency measurement)
//! derive the same accounts to query them.

use sp_runtime::traits::{BlakeTwo256, Hash};

/// What every synthetic account's preimage starts with.
pub const DOMAIN: &[u8] = b"poruka/synthetic/";

/// The 32 bytes of the `index`-th synthetic account.
pub fn account_bytes(index: u32) -> [u8; 32] {
	BlakeTwo256::hash_of(&(DOMAIN, index)).0
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;

	#[test]
	fn accounts_are_distinct_and_stable() {
		assert_ne!(account_bytes(0), account_bytes(1));
		// The derivation is part of the tools' contract: it must not change silently.
		let expected = BlakeTwo256::hash(&[DOMAIN.encode(), 7u32.encode()].concat()).0;
		assert_eq!(account_bytes(7), expected);
	}
}
