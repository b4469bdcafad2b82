//! The random source: SplitMix64, so that a seed replays the same sequence on any machine.

/// A seeded generator of the fuzzer's choices.
pub struct Rng(u64);

impl Rng {
	/// The generator for `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number in `0..n` (0 when `n` is 0).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// A number in `low..=high`.
	pub fn between(&mut self, low: u64, high: u64) -> u64 {
		low + self.below(high.saturating_sub(low) + 1)
	}

	/// True `percent` times in a hundred.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// One of `items`, which must not be empty.
	pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize].clone()
	}
}

#[cfg(test)]
mod tests {
	use super::Rng;

	#[test]
	fn a_seed_replays_its_sequence() {
		let (mut a, mut b) = (Rng::new(7), Rng::new(7));
		let first: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
		assert!(first.iter().all(|x| *x == b.next_u64()));
		let mut c = Rng::new(8);
		assert_ne!(first, (0..100).map(|_| c.next_u64()).collect::<Vec<_>>());
		assert!((0..1000).all(|_| a.between(3, 5) >= 3 && a.between(3, 5) <= 5));
	}
}
