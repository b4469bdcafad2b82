//! Balances as decimal strings, hashes as hex, in JSON.
//!
//! The runtime views that the node's RPC serves derive their JSON shape (with `std`): field
//! names in camelCase, phases and roles as words, and balances through this module, as decimal
//! strings of the smallest unit. A `u128` does not fit a JavaScript number, and a string is
//! what polkadot.js and `pallet-transaction-payment`'s RPC give too. Use it as
//! `#[serde(serialize_with = "poruka_primitives::as_string::serialize")]`, or
//! [`option::serialize`] for an `Option`.

use core::fmt::Display;

use serde::Serializer;

/// `value` as its decimal string.
pub fn serialize<S: Serializer, T: Display>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
	serializer.collect_str(value)
}

/// An optional balance: its decimal string, or `null`.
pub mod option {
	use super::*;

	/// `value` as its decimal string, or `null`.
	pub fn serialize<S: Serializer, T: Display>(
		value: &Option<T>,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		match value {
			Some(value) => serializer.collect_str(value),
			None => serializer.serialize_none(),
		}
	}
}

/// Bytes (a hash) as a `0x`-prefixed hex string.
pub mod hex {
	use super::*;

	struct Hex<'a>(&'a [u8]);

	impl Display for Hex<'_> {
		fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
			f.write_str("0x")?;
			self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
		}
	}

	/// `bytes` as `0x` and two lower-case hex digits per byte.
	pub fn serialize<S: Serializer, B: AsRef<[u8]>>(
		bytes: &B,
		serializer: S,
	) -> Result<S::Ok, S::Error> {
		serializer.collect_str(&Hex(bytes.as_ref()))
	}
}

#[cfg(test)]
mod tests {
	#[derive(serde::Serialize)]
	struct Amounts {
		#[serde(serialize_with = "super::serialize")]
		amount: u128,
		#[serde(serialize_with = "super::option::serialize")]
		some: Option<u128>,
		#[serde(serialize_with = "super::option::serialize")]
		none: Option<u128>,
		#[serde(serialize_with = "super::hex::serialize")]
		hash: [u8; 3],
	}

	#[test]
	fn balances_are_decimal_strings_none_is_null_and_hashes_are_hex() {
		let json = serde_json::to_string(&Amounts {
			amount: u128::MAX,
			some: Some(7),
			none: None,
			hash: [0, 0xab, 0x10],
		})
		.expect("serializes");
		assert_eq!(
			json,
			r#"{"amount":"340282366920938463463374607431768211455","some":"7","none":null,"hash":"0x00ab10"}"#
		);
	}
}
