//! What must hold after every block, whatever was sent: the pallets' invariants (held ==
//! recorded, queues, liabilities, deposits: their `try_state`), balances that add up, total
//! issuance unchanged (fees and dust go to the cooperative fund, nothing is minted or burned),
//! the block within its weight, and no defensive failure logged by the runtime.

use std::cell::RefCell;

use frame_support::dispatch::DispatchClass;
use pallet_session::ShouldEndSession;
use poruka_runtime::{Agreements, Balance, Balances, Guarantor, Runtime, System};

thread_local! {
	/// Defensive failures (`defensive!`, errors of `runtime*` targets) this thread's runtime
	/// logged, and the last one's message.
	static DEFENSIVE: RefCell<(usize, String)> = const { RefCell::new((0, String::new())) };
}

struct Watch;

impl log::Log for Watch {
	fn enabled(&self, metadata: &log::Metadata) -> bool {
		metadata.level() <= log::Level::Error && metadata.target().starts_with("runtime")
	}

	fn log(&self, record: &log::Record) {
		if self.enabled(record.metadata()) {
			DEFENSIVE.with_borrow_mut(|(count, last)| {
				*count += 1;
				*last = format!("{}: {}", record.target(), record.args());
			});
		}
	}

	fn flush(&self) {}
}

/// Installs the logger that counts the runtime's defensive failures (release builds log them
/// rather than panic). Call once, before running.
pub fn watch_defensive_failures() {
	// A second call keeps the logger already installed.
	let _ = log::set_logger(&Watch).map(|()| log::set_max_level(log::LevelFilter::Error));
}

/// Defensive failures this thread saw so far, and the last one's message.
pub fn defensive_failures() -> (usize, String) {
	DEFENSIVE.with_borrow(|d| d.clone())
}

/// Checks the state after a block; a broken rule's description otherwise.
pub fn after_block(issuance: Balance, defensive_before: usize) -> Result<(), String> {
	Guarantor::do_try_state().map_err(|e| format!("guarantor try_state: {e:?}"))?;
	Agreements::do_try_state().map_err(|e| format!("agreements try_state: {e:?}"))?;
	poruka_runtime::NodeRegistry::do_try_state()
		.map_err(|e| format!("node registry try_state: {e:?}"))?;
	poruka_runtime::ValidatorSet::do_try_state()
		.map_err(|e| format!("validator set try_state: {e:?}"))?;
	poruka_runtime::ContractCommitments::do_try_state()
		.map_err(|e| format!("contract commitments try_state: {e:?}"))?;

	let now = Balances::total_issuance();
	if now != issuance {
		return Err(format!("total issuance changed: {issuance} → {now}"));
	}
	let accounts: Balance = frame_system::Account::<Runtime>::iter_values()
		.map(|a| a.data.free.saturating_add(a.data.reserved))
		.fold(0, Balance::saturating_add);
	if accounts != now {
		return Err(format!("accounts hold {accounts}, total issuance is {now}"));
	}

	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	let weight = System::block_weight();
	let used = weight.total();
	let rotation =
		<poruka_runtime::configs::consensus::Sessions as ShouldEndSession<u32>>::should_end_session(
			System::block_number(),
		);
	if rotation {
		// At a session boundary `pallet-session` claims the whole block for the rotation (its
		// `on_initialize` returns `max_block`), so the other hooks take the total past the
		// limit by their own weight: what must hold is that no transaction gets in.
		let transactions = weight
			.get(DispatchClass::Normal)
			.saturating_add(*weight.get(DispatchClass::Operational));
		if transactions != frame_support::weights::Weight::zero() {
			return Err(format!("a session boundary block took transactions: {transactions:?}"));
		}
	} else if used.any_gt(max) {
		return Err(format!("block weight {used:?} over the limit {max:?}"));
	}

	let (defensive, last) = defensive_failures();
	if defensive > defensive_before {
		return Err(format!("the runtime logged a defensive failure: {last}"));
	}
	Ok(())
}
