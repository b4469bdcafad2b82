//! The Poruka precompile: the guarantor system, for smart contracts.
//!
//! At `0x0000000000000000000000000000000050520000` ("PR"), with the Solidity interface
//! `contracts/IPoruka.sol` (built from that file, so the two cannot drift apart). Reads answer
//! any caller; writes act for the transaction's signer only when it called the contract
//! directly (`caller_is_origin`): a contract called by another contract, or a delegate call,
//! cannot commit anyone's coverage or file a claim in anyone's name; an account calling the
//! precompile with no contract in between is refused too (`CallerNotContract`). The rules
//! themselves are the `ContractCommitments` and `Guarantor` pallets'; every function charges its
//! benchmarked weight before it does anything (a precompile is not metered otherwise), a filed
//! claim gets back what its filing did not take, and a refusal reverts with the pallet error's
//! name, which a contract can catch.

use alloc::vec::Vec;
use core::{marker::PhantomData, num::NonZero};
use pallet_revive::{
	precompiles::{
		alloy::{
			self,
			primitives::Address,
			sol_types::{Revert, SolCall, SolValue},
		},
		AddressMatcher, Error, Ext, Precompile,
	},
	AddressMapper, H160,
};
use poruka_primitives::{ClaimOutcome, ClaimStage, ClaimView, Commitments, Coverage};
use sp_runtime::DispatchError;

use super::{AccountId, Balance, ContractCommitments, Guarantor, Runtime};
use pallet_contract_commitments::WeightInfo as _;

alloy::sol!("../contracts/IPoruka.sol");

use IPoruka::IPorukaCalls;

/// The precompile's address: `Fixed(0x5052)` puts "PR" in bytes 16 and 17.
pub const PORUKA_PRECOMPILE: H160 =
	H160([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x50, 0x52, 0, 0]);

/// The weights of what the precompile does in `ContractCommitments`.
type Weights = <Runtime as pallet_contract_commitments::Config>::WeightInfo;

/// The Poruka precompile, for [`Runtime`].
pub struct PorukaPrecompile<T>(PhantomData<T>);

impl Precompile for PorukaPrecompile<Runtime> {
	type T = Runtime;
	type Interface = IPorukaCalls;
	const MATCHER: AddressMatcher = AddressMatcher::Fixed(NonZero::new(0x5052).unwrap());
	const HAS_CONTRACT_INFO: bool = false;

	fn call(
		_address: &[u8; 20],
		input: &Self::Interface,
		env: &mut impl Ext<T = Runtime>,
	) -> Result<Vec<u8>, Error> {
		match input {
			IPorukaCalls::isActiveMember(call) => {
				env.charge(Weights::read_coverage())?;
				Ok(Guarantor::is_active_member(&account(&call.member)).abi_encode())
			}
			IPorukaCalls::coverageOf(call) => {
				env.charge(Weights::read_coverage())?;
				Ok(Guarantor::coverage(&account(&call.member)).abi_encode())
			}
			IPorukaCalls::committedOf(call) => {
				env.charge(Weights::read_coverage())?;
				Ok(committed(&account(&call.member)).abi_encode())
			}
			IPorukaCalls::commitmentOf(call) => {
				env.charge(Weights::read_coverage())?;
				let commitment = pallet_contract_commitments::MemberCommitments::<Runtime>::get(
					account(&call.member),
					h160(&call.promisee),
				);
				let (amount, until, open_claims) =
					commitment.map_or((0, 0, 0), |c| (c.amount, c.until, c.open_claims));
				Ok(IPoruka::commitmentOfCall::abi_encode_returns(&IPoruka::commitmentOfReturn {
					amount,
					until,
					openClaims: open_claims,
				}))
			}
			IPorukaCalls::claimStatus(call) => {
				env.charge(<Guarantor as ClaimView<AccountId, Balance>>::claim_summary_weight())?;
				Ok(IPoruka::claimStatusCall::abi_encode_returns(&claim_status(call.claimId)))
			}
			IPorukaCalls::commit(call) => {
				writable(env)?;
				env.charge(Weights::commit())?;
				let (signer, contract) = signer_and_contract(env)?;
				ContractCommitments::do_commit(&signer, contract, call.amount, call.until)
					.map_err(revert)?;
				Ok(Vec::new())
			}
			IPorukaCalls::release(call) => {
				writable(env)?;
				env.charge(Weights::release())?;
				let contract = calling_contract(env)?;
				ContractCommitments::do_release(contract, &account(&call.member), call.amount)
					.map_err(revert)?;
				Ok(Vec::new())
			}
			IPorukaCalls::fileClaim(call) => {
				writable(env)?;
				let charged = env.charge(ContractCommitments::file_claim_weight())?;
				let (signer, contract) = signer_and_contract(env)?;
				let claim = ContractCommitments::do_file_claim(
					contract,
					&signer,
					&account(&call.respondent),
					call.amount,
					&call.evidence,
				)
				.map_err(revert)?;
				// Charged for the most guarantors; the filing took the respondent's. (An
				// adjustment only ever refunds: the filing is at most what was charged.)
				let filed = ContractCommitments::filed_claim_weight(claim);
				debug_assert!(filed.all_lte(ContractCommitments::file_claim_weight()));
				env.adjust_gas(charged, filed);
				Ok(claim.abi_encode())
			}
		}
	}
}

/// The account behind a 20-byte address.
fn account(address: &Address) -> AccountId {
	<Runtime as pallet_revive::Config>::AddressMapper::to_account_id(&h160(address))
}

fn h160(address: &Address) -> H160 {
	H160::from_slice(address.as_slice())
}

/// What agreements and contracts hold of `who`'s coverage.
fn committed(who: &AccountId) -> Balance {
	<Runtime as pallet_guarantor::Config>::Commitments::committed(who)
}

/// A refusal the calling contract can catch: the error's name.
fn revert(error: DispatchError) -> Error {
	let reason: &'static str = error.into();
	Error::Revert(Revert { reason: reason.into() })
}

/// Writes are refused in a read-only (static) call.
fn writable(env: &impl Ext<T = Runtime>) -> Result<(), Error> {
	if env.is_read_only() {
		return Err(pallet_revive::Error::<Runtime>::StateChangeDenied.into());
	}
	Ok(())
}

/// The contract that called the precompile (not by a delegate call into the precompile; a
/// library that a contract delegate-calls, and that calls the precompile, acts as that
/// contract, which chose to run it).
fn calling_contract(env: &impl Ext<T = Runtime>) -> Result<H160, Error> {
	if env.is_delegate_call() {
		return Err(Error::Revert(Revert { reason: "NotDirectCall".into() }));
	}
	let caller = env.caller();
	let account = caller.account_id().map_err(|_| revert_str("NotDirectCall"))?;
	let contract = <Runtime as pallet_revive::Config>::AddressMapper::to_address(account);
	// An account calling the precompile itself is no contract: nothing to promise to.
	if env.code_size(&contract) == 0 {
		return Err(revert_str("CallerNotContract"));
	}
	Ok(contract)
}

/// The transaction's signer and the contract it called directly, which called the
/// precompile: the only case in which the precompile acts for a member.
fn signer_and_contract(env: &impl Ext<T = Runtime>) -> Result<(AccountId, H160), Error> {
	let contract = calling_contract(env)?;
	if !env.caller_is_origin(true) {
		return Err(revert_str("NotSignerCall"));
	}
	let signer = env.origin().account_id().map_err(|_| revert_str("NotSignerCall"))?.clone();
	Ok((signer, contract))
}

fn revert_str(reason: &str) -> Error {
	Error::Revert(Revert { reason: reason.into() })
}

/// What `IPoruka.claimStatus` returns for claim `id`.
fn claim_status(id: u32) -> IPoruka::claimStatusReturn {
	let Some(summary) = <Guarantor as ClaimView<AccountId, Balance>>::claim_summary(id) else {
		return IPoruka::claimStatusReturn {
			exists: false,
			phase: 0,
			level: 0,
			verdict: 0,
			upheld: 0,
			compensated: 0,
		};
	};
	let verdict = |outcome: ClaimOutcome<Balance>| match outcome {
		ClaimOutcome::Upheld { amount, compensated, .. } => (1, amount, compensated),
		ClaimOutcome::Rejected => (2, 0, 0),
		ClaimOutcome::CounterUpheld { amount, compensated, .. } => (3, amount, compensated),
		ClaimOutcome::Dismissed => (4, 0, 0),
	};
	let (phase, (verdict, upheld, compensated)) = match summary.stage {
		ClaimStage::Open => (0, (0, 0, 0)),
		ClaimStage::Appealed => (1, (0, 0, 0)),
		ClaimStage::Decided(outcome) => (2, verdict(outcome)),
		ClaimStage::Arbitration => (3, (0, 0, 0)),
		ClaimStage::Final(outcome) => (4, verdict(outcome)),
	};
	IPoruka::claimStatusReturn {
		exists: true,
		phase,
		level: summary.level,
		verdict,
		upheld,
		compensated,
	}
}
