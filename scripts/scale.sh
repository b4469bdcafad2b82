#!/usr/bin/env bash
# Usage: scripts/scale.sh [--members N] [--founders F] [--depth D] [--claims M] [--blocks B]
#                         [--accounts A] [--sync full|warp|full,warp|none] [--archive]
#                         [--out DIR] [--no-build]
#
# The chain at scale (docs/performance.md, "The chain at scale"). Builds a dev chain spec whose
# genesis generates a cooperative of N members (default 1000; F founders, default N/200 within
# 4..300; D levels below them, default 8; M open claims, default 1000) with `poruka-scale spec`,
# then on this machine:
#   1. starts a node on it and times the genesis build (start to first RPC answer);
#   2. measures guarantor_member, guarantor_claimStatus and guarantor_tree (depth 8) over 1,000
#      calls each (`poruka-scale query`);
#   3. runs the guarantor scenario of the load tool (A accounts, default 2000) and lets the chain
#      reach B blocks (default 100) and 5 minutes, then reads the node's RSS and database size;
#   4. starts a fresh node that syncs the chain from the first and times it: its own genesis
#      build, then the import of every block; once per mode of --sync (full, the default, warp,
#      or both one after the other: full,warp), each from an empty database.
# With --archive, node A keeps every block's state, and once it stopped, `benchmark block`
# (from the node built with --features runtime-benchmarks: scripts/benchmark.sh builds it)
# re-executes blocks 1..B on its database: what each block of the scenario costs to import at
# this size, measured apart from whatever else the machine was doing while they were built.
# Results (summary.md, spec.json, the logs) go to DIR (default /tmp/poruka-scale/N). Nodes use
# ports 9960, 9961, ... (RPC) and 30960, 30961, ...; everything stops by itself (time limits below).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

members=1000 founders="" depth=8 claims=1000 blocks=100 accounts=2000 sync=full out="" build=1
archive=0
while (($#)); do
  case "$1" in
    --members) members="$2"; shift 2 ;;
    --founders) founders="$2"; shift 2 ;;
    --depth) depth="$2"; shift 2 ;;
    --claims) claims="$2"; shift 2 ;;
    --blocks) blocks="$2"; shift 2 ;;
    --accounts) accounts="$2"; shift 2 ;;
    --sync) sync="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --archive) archive=1; shift ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "$founders" ]]; then
  founders=$((members / 200))
  ((founders < 4)) && founders=4
  ((founders > 300)) && founders=300
fi
out="${out:-/tmp/poruka-scale/$members}"

cd "$repo_root"
((build)) && build_workspace
node="$PORUKA_NODE_BIN"
bin="$CARGO_TARGET_DIR/release"
rm -rf "$out"
mkdir -p "$out"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

rpc() { # rpc PORT METHOD [PARAMS]: the result, as JSON
  curl -s --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
    "http://127.0.0.1:$1" | sed -n 's/.*"result":\(.*\)}$/\1/p'
}
best() { rpc "$1" chain_getHeader | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p' | xargs printf '%d' 2>/dev/null || echo 0; }
# wait_rpc PORT PID LIMIT: seconds until the node answers RPC (the genesis is built before).
wait_rpc() {
  local started=$SECONDS
  until [[ -n "$(rpc "$1" system_health)" ]]; do
    kill -0 "$2" 2>/dev/null || { echo "the node stopped: see $out" >&2; exit 1; }
    ((SECONDS - started < $3)) || { echo "no RPC after $3 s" >&2; exit 1; }
    sleep 0.2
  done
  echo $((SECONDS - started))
}
now_ms() { date +%s%3N; }

echo "[scale] spec: $members members, $founders founders, depth $depth, $claims claims"
"$node" build-spec --chain dev 2>/dev/null |
  "$bin/poruka-scale" spec --members "$members" --founders "$founders" --depth "$depth" \
    --claims "$claims" >"$out/spec.json" 2>"$out/levels.txt"
cat "$out/levels.txt"
echo "[scale] spec.json: $(stat -c %s "$out/spec.json") bytes"

common=(--chain "$out/spec.json" --no-mdns --no-prometheus --no-telemetry
  --pool-limit 60000 --pool-kbytes 200000)
echo "[scale] node A: building the genesis and producing blocks"
start_ms=$(now_ms)
pruning=()
((archive)) && pruning=(--state-pruning archive --blocks-pruning archive)
"$node" "${common[@]}" "${pruning[@]}" --alice --validator --force-authoring --base-path "$out/a" \
  --rpc-port 9960 --port 30960 --node-key "$(printf %064x 1)" 2>"$out/a.log" &
a=$!
pids+=("$a")
wait_rpc 9960 "$a" 3600 >/dev/null
genesis_ms=$(($(now_ms) - start_ms))
echo "[scale] genesis built and RPC up in $((genesis_ms / 1000)).$((genesis_ms % 1000 / 100)) s"

echo "[scale] queries: 1,000 calls each"
"$bin/poruka-scale" query --url ws://127.0.0.1:9960 --members "$members" --founders "$founders" \
  --depth "$depth" --claims "$claims" --calls 1000 | tee "$out/queries.md"

echo "[scale] load: the guarantor scenario from $accounts accounts"
load_start=$SECONDS
"$bin/poruka-load" --url ws://127.0.0.1:9960 --calls guarantor --accounts "$accounts" \
  --quiet --time-limit 600 --out "$out/load" | tee "$out/load.txt"
load_s=$((SECONDS - load_start))

echo "[scale] waiting for block $blocks and 5 minutes of uptime"
until (($(best 9960) >= blocks)) && (($(now_ms) - start_ms >= 300000)); do
  kill -0 "$a" || { echo "node A stopped: see $out/a.log" >&2; exit 1; }
  sleep 5
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$a/status")
db_bytes=$(du -sb "$out/a/chains" | cut -f1)
target=$(best 9960)
echo "[scale] node A at block $target: RSS $((rss_kb / 1024)) MiB, database $((db_bytes / 1048576)) MiB"

peer=$(rpc 9960 system_localPeerId | tr -d '"')
sync_rows=()
port=9961
modes="$sync"
[[ "$sync" == none ]] && modes=""
for mode in ${modes//,/ }; do
  echo "[scale] a fresh node: $mode sync to block $target"
  start_b=$(now_ms)
  "$node" "${common[@]}" --base-path "$out/$mode" --rpc-port "$port" --port $((port + 21000)) \
    --node-key "$(printf %064x "$port")" --sync "$mode" \
    --bootnodes "/ip4/127.0.0.1/tcp/30960/p2p/$peer" 2>"$out/$mode.log" &
  b=$!
  pids+=("$b")
  wait_rpc "$port" "$b" 3600 >/dev/null
  genesis_b_ms=$(($(now_ms) - start_b))
  until (($(best "$port") >= target)); do
    kill -0 "$b" || { echo "the $mode-syncing node stopped: see $out/$mode.log" >&2; exit 1; }
    (($(now_ms) - start_b < 3600000)) || { echo "the $mode-syncing node did not sync in an hour" >&2; exit 1; }
    sleep 0.5
  done
  sync_ms=$(($(now_ms) - start_b))
  import_ms=$((sync_ms - genesis_b_ms))
  echo "[scale] $mode sync of $target blocks in $((sync_ms / 1000)) s (its genesis: $((genesis_b_ms / 1000)) s)"
  kill -INT "$b"
  wait "$b" 2>/dev/null || true
  sync_rows+=("$mode $sync_ms $genesis_b_ms $import_ms")
  port=$((port + 1))
done

block_rows=""
if ((archive)); then
  kill -INT "$a"
  wait "$a" 2>/dev/null || true
  bench="$CARGO_TARGET_DIR/release/poruka-node-benchmarks"
  if [[ -x "$bench" ]]; then
    echo "[scale] benchmark block 1..$target on node A's database (3 repeats each)"
    "$bench" benchmark block --chain "$out/spec.json" --base-path "$out/a" --from 1 \
      --to "$target" --repeat 3 2>&1 | tee "$out/block-bench.txt" | grep -E "Block [0-9]+ with" || true
    # "Block 9 with   512 tx used  61.20% of its weight (   612,000,000 of 1,000,000,000 ns)"
    block_rows=$(sed -n 's/.*Block \([0-9]*\) with *\([0-9]*\) tx used *\([0-9.]*\)% of its weight ( *\([0-9,]*\) of *\([0-9,]*\) ns).*/\1 \2 \4 \5 \3/p' \
      "$out/block-bench.txt" | awk '$2 > 1 { gsub(",", "", $3); gsub(",", "", $4);
        printf "| %s | %s | %.1f ms | %.1f ms | %s %% |\n", $1, $2, $3 / 1e6, $4 / 1e6, $5 }')
  else
    echo "[scale] no $bench (run scripts/benchmark.sh first): skipping benchmark block" >&2
  fi
fi

ms() { printf '%d.%01d' $(($1 / 1000)) $(($1 % 1000 / 100)); }
{
  echo "# The chain at $members members"
  echo
  echo "\`scripts/scale.sh --members $members --founders $founders --depth $depth --claims $claims --blocks $blocks --accounts $accounts --sync $sync$( ((archive)) && echo ' --archive')\`"
  echo
  echo "Levels (founders first): $(sed 's/.*: //' "$out/levels.txt")"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| chain spec | $(stat -c %s "$out/spec.json") bytes |"
  echo "| genesis build (node start to first RPC answer) | $(ms "$genesis_ms") s |"
  echo "| database after $target blocks | $((db_bytes / 1048576)) MiB ($((db_bytes / members)) bytes per member) |"
  echo "| node RSS after 5 minutes | $((rss_kb / 1024)) MiB |"
  echo "| guarantor scenario ($accounts accounts) | $load_s s |"
  for row in "${sync_rows[@]}"; do
    read -r mode sync_ms genesis_b_ms import_ms <<<"$row"
    echo "| fresh node, $mode sync of $target blocks | $(ms "$sync_ms") s |"
    echo "| of which its genesis build | $(ms "$genesis_b_ms") s |"
    echo "| of which syncing | $(ms "$import_ms") s ($((import_ms / (target > 0 ? target : 1))) ms per block) |"
  done
  echo
  cat "$out/queries.md"
  if [[ -n "$block_rows" ]]; then
    echo
    echo "Re-executing node A's blocks (\`benchmark block\`, only blocks with more than the timestamp):"
    echo
    echo "| block | extrinsics | execution (mean of 3) | weight charged | execution / weight |"
    echo "|---:|---:|---:|---:|---:|"
    echo "$block_rows"
  fi
} >"$out/summary.md"
cat "$out/summary.md"
