#!/usr/bin/env bash
# Usage: scripts/benchmark.sh [target ...]   (default: every target, one after the other)
#   target: runtime, guarantor, agreements, node_registry, validator_set or contract_commitments
#
# Builds poruka-node with `--features runtime-benchmarks` and measures on this machine:
#   runtime      what a block costs (runtime/src/weights/): an empty block and a signed no-op
#                (`benchmark overhead`), a ParityDB read and write (`benchmark storage`, on a
#                dev chain that the load tool first fills: `--calls all --accounts 10000`,
#                about 100,000 keys) and the
#                balances calls (`benchmark pallet --pallet pallet_balances`);
#   <pallet>     a Poruka pallet's calls (`benchmark pallet`), written to its `src/weights.rs`
#                from scripts/weights-template.hbs (folder: pallets/node-registry, ...).
# Run every target together, on a quiet machine, so all weights share one baseline; commit the
# result together with the machine it ran on (docs/performance.md). Takes about an hour here.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
cd "$repo_root"

targets=("$@")
((${#targets[@]})) || targets=(runtime guarantor agreements node_registry validator_set contract_commitments)

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

# The block, the extrinsic base, the database and the balances calls.
runtime_weights() {
  local weights="$repo_root/runtime/src/weights" db
  db=$(mktemp -d)
  trap 'kill "${node_pid:-}" 2>/dev/null || true; rm -rf "$db"' RETURN
  echo "[benchmark] overhead: an empty block, a signed no-op"
  "$bench_bin" benchmark overhead --chain dev --base-path "$db/overhead" \
    --wasm-execution compiled --warmup 10 --repeat 100 --metric p95 --weight-path "$weights/" \
    2>&1 | tee "$repo_root/docs/benchmarks/overhead.txt"

  # Reads and writes cost more as the state grows (a deeper trie): measure on a state of about
  # 100,000 keys, what the load tool's full run leaves (10,000 accounts, 5,000 members with
  # guarantees, agreements and claims), not on an empty dev chain.
  echo "[benchmark] storage: a ParityDB read and write, on a dev chain the load tool filled"
  cargo build --locked --release -p poruka-load
  "$bench_bin" --dev --base-path "$db/chain" --rpc-port 9990 --port 30990 --no-mdns \
    --no-prometheus --no-telemetry --pool-limit 60000 --pool-kbytes 200000 2>"$db/node.log" &
  node_pid=$!
  local tries=0
  until curl -s -o /dev/null http://127.0.0.1:9990; do
    ((++tries < 60)) || { echo "the dev node did not start"; return 1; }
    sleep 1
  done
  "$CARGO_TARGET_DIR/release/poruka-load" --url ws://127.0.0.1:9990 --calls all \
    --accounts 10000 --per-account 1 --quiet --out "$db/load"
  kill -INT "$node_pid" && wait "$node_pid" || true
  "$bench_bin" benchmark storage --chain dev --base-path "$db/chain" --database paritydb \
    --state-version 1 --batch-size 100 --metric p99 --weight-path "$weights/" \
    2>&1 | tee "$repo_root/docs/benchmarks/storage.txt"

  echo "[benchmark] pallet_balances"
  run --pallet pallet_balances --extrinsic '*' --output "$weights/pallet_balances.rs" \
    | tee "$repo_root/docs/benchmarks/pallet_balances.txt"
}

for target in "${targets[@]}"; do
  case "$target" in
    runtime) runtime_weights ;;
    guarantor | agreements | node_registry | validator_set | contract_commitments)
      echo "[benchmark] pallet_$target"
      run \
        --pallet "pallet_$target" \
        --extrinsic '*' \
        --template "$repo_root/scripts/weights-template.hbs" \
        --output "$repo_root/pallets/${target//_/-}/src/weights.rs" \
        | tee "$repo_root/docs/benchmarks/pallet_$target.txt"
      ;;
    *) echo "unknown target: $target (runtime, guarantor, agreements, node_registry, validator_set, contract_commitments)"; exit 2 ;;
  esac
done
