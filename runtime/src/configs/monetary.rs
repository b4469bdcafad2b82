//! Money: the POR token (balances with holds and freezes), transaction fees, and the
//! cooperative fund that receives the fees so that total issuance is conserved.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{ConstantMultiplier, IdentityFee},
	PalletId,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::{AccountIdConversion, One};

use super::super::{
	AccountId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT,
};

parameter_types! {
	/// The pallet id whose account is the cooperative fund.
	pub const CooperativeFundPalletId: PalletId = PalletId(*b"por/fund");
	/// The cooperative fund: transaction fees and tips are paid into it, not burned.
	pub CooperativeFund: AccountId = CooperativeFundPalletId::get().into_account_truncating();
	/// Fees do not change with congestion (a cooperative chain, not a fee market).
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	/// Dust of reaped accounts goes to the cooperative fund too.
	type DustRemoval = ResolveTo<CooperativeFund, Balances>;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = frame_system::Pallet<Runtime>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<CooperativeFund, Balances>>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One pico-POR per unit of weight: a transfer costs about a tenth of a milli-POR.
	type WeightToFee = IdentityFee<Balance>;
	/// One micro-POR per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<MICRO_UNIT>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = crate::weights::extensions::TransactionPayment;
}
