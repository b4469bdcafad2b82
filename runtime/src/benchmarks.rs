//! The pallets whose FRAME benchmarks this runtime runs (with `--features runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_guarantor, Guarantor]
	[pallet_agreements, Agreements]
	[pallet_collective, Council]
	[pallet_preimage, Preimage]
	[pallet_whitelist, Whitelist]
	[pallet_node_registry, NodeRegistry]
	[pallet_validator_set, ValidatorSet]
	[pallet_contract_commitments, ContractCommitments]
);
