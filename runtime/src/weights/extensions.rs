//! The weights of the transaction extensions (`CheckNonce`, `ChargeTransactionPayment`, ...).
//!
//! `benchmark overhead` measures [`super::ExtrinsicBaseWeight`] by executing a block of signed
//! `system.remark`s: every extension runs in it, with the signature check, so their compute is
//! already in the base weight every extrinsic pays. Charging the SDK's extension weights on top
//! would count it twice. What the base cannot show is the sender's account: every remark of
//! that block is Alice's, so after the first her account is read from and written to memory.
//! In a real block each sender's account is read from the database and written back once: that
//! is charged here, on `CheckNonce` (the extension that reads and writes it first);
//! `ChargeTransactionPayment` takes the fee from the same account and pays it into the
//! cooperative fund (one account, written once per block), so it adds nothing.

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

/// `frame_system`'s extensions: the sender's account, read and written once.
pub struct SystemExtensions<T>(PhantomData<T>);

impl<T: frame_system::Config> frame_system::ExtensionsWeightInfo for SystemExtensions<T> {
	fn check_genesis() -> Weight {
		Weight::zero()
	}
	fn check_mortality_mortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_mortality_immortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_non_zero_sender() -> Weight {
		Weight::zero()
	}
	fn check_nonce() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
	fn check_spec_version() -> Weight {
		Weight::zero()
	}
	fn check_tx_version() -> Weight {
		Weight::zero()
	}
	fn check_weight() -> Weight {
		Weight::zero()
	}
	fn weight_reclaim() -> Weight {
		Weight::zero()
	}
}

/// `pallet_transaction_payment`'s extension: in the base weight, on an account `CheckNonce`
/// has already charged for.
pub struct TransactionPayment;

impl pallet_transaction_payment::WeightInfo for TransactionPayment {
	fn charge_transaction_payment() -> Weight {
		Weight::zero()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Runtime;
	use frame_system::ExtensionsWeightInfo as _;

	#[test]
	fn only_the_senders_account_is_charged_on_top_of_the_base() {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		assert_eq!(SystemExtensions::<Runtime>::check_nonce(), db.reads_writes(1, 1));
		assert_eq!(SystemExtensions::<Runtime>::check_weight(), Weight::zero());
		assert_eq!(
			<TransactionPayment as pallet_transaction_payment::WeightInfo>::charge_transaction_payment(),
			Weight::zero()
		);
	}
}
