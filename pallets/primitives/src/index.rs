//! Per-account indexes listed newest first: the key an id is stored under, and the one way a
//! page of them is read. The guarantor pallet's claims by account and the agreements pallet's
//! agreements by account both use it.

use alloc::vec::Vec;
use codec::{Decode, Encode, EncodeLike, FullCodec, MaxEncodedLen};
use frame_support::storage::IterableStorageDoubleMap;
use scale_info::TypeInfo;

/// An id (a claim's or an agreement's) as a per-account index keys it: newest first. The key's
/// bytes are `u32::MAX - id`, big-endian, and stored unhashed (`Identity`), so iterating an
/// account's entries walks its ids from the newest (highest) to the oldest, and a listing can
/// go on from any id.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct NewestFirst([u8; 4]);

impl NewestFirst {
	/// The key of `id`.
	pub fn new(id: u32) -> Self {
		Self((u32::MAX - id).to_be_bytes())
	}

	/// The id it keys.
	pub fn id(self) -> u32 {
		u32::MAX - u32::from_be_bytes(self.0)
	}
}

/// A page of the ids `who` has in `Index`, newest first: at most `limit`, older than `before`
/// if given (to go on from the last one listed). Returns them and whether there are older
/// ones. Reads at most `limit + 1` keys.
pub fn newest_first_page<AccountId, Index>(
	who: &AccountId,
	before: Option<u32>,
	limit: usize,
) -> (Vec<u32>, bool)
where
	AccountId: FullCodec + EncodeLike,
	Index: IterableStorageDoubleMap<AccountId, NewestFirst, ()>,
{
	let keys = match before {
		// Iteration starts after the given key: with the newest-first order, at the next
		// older id.
		Some(id) => {
			Index::iter_key_prefix_from(who, Index::hashed_key_for(who, NewestFirst::new(id)))
		}
		None => Index::iter_key_prefix(who),
	};
	let mut ids: Vec<u32> = keys.take(limit.saturating_add(1)).map(NewestFirst::id).collect();
	let more = ids.len() > limit;
	ids.truncate(limit);
	(ids, more)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn keys_order_newest_first_and_give_the_id_back() {
		for id in [0, 1, 255, 256, 70_000, u32::MAX] {
			assert_eq!(NewestFirst::new(id).id(), id);
		}
		// Encoded keys sort as the storage iterates them: the higher id first.
		let mut keys: Vec<Vec<u8>> =
			[3u32, 300, 1, 70_000].map(|id| NewestFirst::new(id).encode()).to_vec();
		keys.sort();
		let ids: Vec<u32> =
			keys.iter().map(|k| NewestFirst::decode(&mut &k[..]).unwrap().id()).collect();
		assert_eq!(ids, vec![70_000, 300, 3, 1]);
	}
}
