//! General smart contracts: `pallet-revive`, running PolkaVM code and EVM bytecode (Solidity
//! compiled by plain `solc` deploys as is).
//!
//! Members' sr25519 accounts reach contracts through an Ethereum-style 20-byte address
//! (`AccountId32Mapper`): an account calls `Revive.map_account` once (the funded genesis accounts
//! are mapped at genesis). Contracts pay for the state they keep at the same price per byte as
//! the rest of the chain. See `docs/contracts.md`.

use frame_support::{
	derive_impl, parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstBool, ConstU32, ConstU64},
};
use frame_system::EnsureSigned;
use sp_runtime::{generic::Era, Perbill};

use super::super::{
	precompiles::PorukaPrecompile, AccountId, Agreements, Balance, Balances, BlockNumber,
	Guarantor, Nonce, Runtime, Timestamp, TxExtension, DAYS, DEPOSIT_PER_BYTE,
};
// The runtime's aggregated types, which `derive_impl` injects.
#[allow(unused_imports)]
use super::super::{RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin};
use super::monetary::CooperativeFund;

parameter_types! {
	/// A byte a contract keeps in state holds what a byte of any other state holds.
	pub const ContractDepositPerByte: Balance = DEPOSIT_PER_BYTE;
	/// A storage item holds the price of 40 bytes (its key and trie overhead) beside its bytes.
	pub const ContractDepositPerItem: Balance = 40 * DEPOSIT_PER_BYTE;
	/// Uploaded code a contract uses is locked at 30% of its own deposit against removal.
	pub const CodeHashLockupDepositPercent: Perbill = Perbill::from_percent(30);
}

/// The chain id Ethereum tools see: 0x706f72, "por" in ASCII.
pub const CHAIN_ID: u64 = 0x706f72;

#[derive_impl(pallet_revive::config_preludes::TestDefaultConfig)]
impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = Balance;
	type Currency = Balances;
	/// Gas rounding goes to the cooperative fund, as fees do: nothing is burned.
	type OnBurn = ResolveTo<CooperativeFund, Balances>;
	/// The pallet's own benchmarks at their defaults (not re-run on this machine).
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Self>;
	type DepositPerByte = ContractDepositPerByte;
	type DepositPerItem = ContractDepositPerItem;
	type DepositPerChildTrieItem = ContractDepositPerItem;
	type CodeHashLockupDepositPercent = CodeHashLockupDepositPercent;
	type AddressMapper = pallet_revive::AccountId32Mapper<Self>;
	/// Solidity compiled by plain `solc` deploys as is.
	type AllowEVMBytecode = ConstBool<true>;
	/// Any member may upload code and instantiate contracts; it pays their deposits.
	type UploadOrigin = EnsureSigned<AccountId>;
	type InstantiateOrigin = EnsureSigned<AccountId>;
	type ChainId = ConstU64<CHAIN_ID>;
	/// POR has 12 decimals, ETH 18: a pico-POR is 10^6 wei.
	type NativeToEthRatio = ConstU32<1_000_000>;
	/// Accounts are mapped by `map_account`, which holds a deposit for the mapping.
	type AutoMap = ConstBool<false>;
	type DebugEnabled = ConstBool<false>;
	/// The Poruka precompile: the guarantor system, for contracts.
	type Precompiles = (PorukaPrecompile<Self>,);
}

/// How an Ethereum transaction would become one of ours: our transaction extensions with the
/// Ethereum transaction's nonce and tip. Ethereum transactions themselves are not accepted by
/// this runtime (its extrinsic type is the plain one); the revive runtime API uses this for its
/// dry runs and fee estimates.
pub struct EthExtraImpl;

impl pallet_revive::evm::runtime::EthExtra for EthExtraImpl {
	type Config = Runtime;
	type ExtensionV0 = TxExtension;
	type ExtensionOtherVersions = sp_runtime::traits::InvalidVersion;

	fn get_eth_extension(nonce: Nonce, tip: Balance) -> TxExtension {
		(
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::Immortal),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		)
	}
}

parameter_types! {
	/// A commitment to a contract's promise runs at most a year.
	pub const MaxCommitPeriod: BlockNumber = 365 * DAYS;
}

/// The bridge from contracts to the guarantor system: members commit coverage to contracts'
/// promises, and contracts file claims for broken ones (through the Poruka precompile).
impl pallet_contract_commitments::Config for Runtime {
	type Balance = Balance;
	/// Membership and coverage come from the guarantor pallet...
	type Coverage = Guarantor;
	/// ...where agreements hold coverage too...
	type OtherCommitments = Agreements;
	/// ...and claims are filed and judged.
	type Claims = Guarantor;
	/// A member's commitments are bounded in number (no storage deposit is held for them).
	type MaxContractsPerMember = ConstU32<16>;
	type MaxCommitPeriod = MaxCommitPeriod;
	type WeightInfo = pallet_contract_commitments::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CoveredMembers;
}

/// Makes founders with a deposit of the coverage asked, for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct CoveredMembers;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_contract_commitments::BenchmarkHelper<AccountId, Balance> for CoveredMembers {
	fn make_covered_member(who: &AccountId, coverage: Balance) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, coverage.saturating_add(1_000 * super::super::UNIT));
		let _ = pallet_guarantor::Pallet::<Runtime>::do_add_founder(who);
		let _ = pallet_guarantor::Pallet::<Runtime>::do_deposit(who, coverage);
	}
}
