#!/usr/bin/env bash
# Usage: scripts/benchmark.sh [pallet ...]   (default: the guarantor pallet)
#   pallet: guarantor, agreements, node_registry or validator_set (folder: pallets/node-registry, ...)
#
# Builds poruka-node with `--features runtime-benchmarks`, runs the FRAME benchmarks of the
# given pallets on this machine, and writes each pallet's `src/weights.rs` from
# scripts/weights-template.hbs. Commit the result together with the machine it ran on.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
cd "$repo_root"

pallets=("$@")
((${#pallets[@]})) || pallets=(guarantor)

# frame-benchmarking-cli's storage-access test runtime cannot find itself through our
# WASM_BUILD_WORKSPACE_HINT, and `benchmark pallet` does not use it.
SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
  cargo build --locked --release -p poruka-node --features runtime-benchmarks
# Keep the benchmarking binary apart: the next ordinary build replaces target/release/poruka-node.
bench_bin="$CARGO_TARGET_DIR/release/poruka-node-benchmarks"
cp "$CARGO_TARGET_DIR/release/poruka-node" "$bench_bin"

mkdir -p "$repo_root/docs/benchmarks"
run() {
  "$bench_bin" benchmark pallet --chain dev --wasm-execution compiled \
    --steps "${STEPS:-50}" --repeat "${REPEAT:-20}" --heap-pages 4096 "$@"
}

# The anchor the guarantor's weight targets are compared with (docs/performance.md).
echo "[benchmark] pallet_balances::transfer_keep_alive (anchor)"
run --pallet pallet_balances --extrinsic transfer_keep_alive \
  | tee "$repo_root/docs/benchmarks/pallet_balances-transfer_keep_alive.txt"

for pallet in "${pallets[@]}"; do
  echo "[benchmark] pallet_$pallet"
  run \
    --pallet "pallet_$pallet" \
    --extrinsic '*' \
    --template "$repo_root/scripts/weights-template.hbs" \
    --output "$repo_root/pallets/${pallet//_/-}/src/weights.rs" \
    | tee "$repo_root/docs/benchmarks/pallet_$pallet.txt"
done
