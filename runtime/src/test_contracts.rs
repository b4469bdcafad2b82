//! A minimal contract for tests and the fuzzer: an EVM forwarder, hand-assembled so that no
//! compiler is needed to build it. It passes its call data to a fixed target with `CALL`,
//! `STATICCALL` or `DELEGATECALL` and returns or reverts with what it got back, so that a test
//! drives the Poruka precompile (or another contract) through a real contract.

use alloc::{vec, vec::Vec};
use pallet_revive::H160;

/// How a forwarder calls its target.
#[derive(Clone, Copy, Debug)]
pub enum Via {
	Call,
	StaticCall,
	DelegateCall,
}

/// EVM init code deploying a forwarder to `target`.
pub fn forwarder(target: H160, via: Via) -> Vec<u8> {
	let mut code = vec![
		0x36, 0x60, 0x00, 0x60, 0x00, 0x37, // CALLDATACOPY(0, 0, CALLDATASIZE)
		0x60, 0x00, 0x60, 0x00, // retSize, retOffset
		0x36, 0x60, 0x00, // argsSize, argsOffset
	];
	if let Via::Call = via {
		code.extend([0x60, 0x00]); // value
	}
	code.push(0x73); // PUSH20 target
	code.extend(target.as_bytes());
	code.push(0x5a); // GAS
	code.push(match via {
		Via::Call => 0xf1,
		Via::StaticCall => 0xfa,
		Via::DelegateCall => 0xf4,
	});
	code.extend([0x3d, 0x60, 0x00, 0x60, 0x00, 0x3e]); // RETURNDATACOPY(0, 0, RETURNDATASIZE)
	let jumpdest = code.len() as u8 + 7;
	code.extend([0x60, jumpdest, 0x57]); // JUMPI(success)
	code.extend([0x3d, 0x60, 0x00, 0xfd]); // REVERT(0, RETURNDATASIZE)
	code.extend([0x5b, 0x3d, 0x60, 0x00, 0xf3]); // JUMPDEST RETURN(0, RETURNDATASIZE)
	let len = code.len() as u8;
	// Init: CODECOPY(0, 12, len) RETURN(0, len).
	let mut init = vec![0x60, len, 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, len, 0x60, 0x00, 0xf3];
	init.extend(code);
	init
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_jump_lands_on_its_jumpdest() {
		// A target full of JUMPI bytes: the code is read by its layout, not searched.
		for via in [Via::Call, Via::StaticCall, Via::DelegateCall] {
			let init = forwarder(H160::repeat_byte(0x57), via);
			let code = &init[12..];
			assert_eq!(init[1] as usize, code.len(), "the init code copies the whole runtime code");
			// The code ends: PUSH1 target, JUMPI, the revert (4 bytes), the return (5 bytes).
			let jumpi = code.len() - 10;
			assert_eq!((code[jumpi - 2], code[jumpi]), (0x60, 0x57), "PUSH1 target, JUMPI");
			assert_eq!(code[code[jumpi - 1] as usize], 0x5b, "JUMPI's target is the JUMPDEST");
		}
	}
}
