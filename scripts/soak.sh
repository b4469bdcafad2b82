#!/usr/bin/env bash
# Usage: scripts/soak.sh [--blocks N] [--kill-every K] [--out DIR] [--no-build]
#
# The soak test: the 4-validator local testnet (scripts/testnet.sh) under steady load from
# members (newcomers joining, agreements completing and defaulting, claims filed and judged)
# for N blocks (default 1000), killing one validator (in turn Bob, Charlie, Dave) and
# restarting it on its base path every K blocks (default 100). Per block it records the signed
# extrinsics included and the finalized lag; at the end it checks that finality never stalled
# for more than 3 rounds, that every claim and agreement the load made is final or has a live
# deadline, that total issuance did not change, and that all four nodes agree on the finalized
# block and its state root. Results (soak.csv, lag.svg, summary.md) go to DIR (default
# /tmp/poruka-soak/results); exits 1 if a check fails. The load is scripts/client/soak.mjs.
#
# The nodes run a copy of the node binary (a benchmark build may replace the original), on
# ports shifted by 100 (PORT_OFFSET) in /tmp/poruka-soak, so a dev node or the tests can run
# beside it (PORUKA_SOAK_DIR and PORT_OFFSET move them). --no-build runs $PORUKA_NODE_BIN as it
# is. CI runs a short version: --blocks 20 --kill-every 8.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

blocks=1000 kill_every=100 out="" build=1
while (($#)); do
  case "$1" in
    --blocks) blocks="$2"; shift 2 ;;
    --kill-every) kill_every="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

export PORUKA_TESTNET_DIR="${PORUKA_SOAK_DIR:-/tmp/poruka-soak}"
export PORT_OFFSET="${PORT_OFFSET:-100}"
out="${out:-$PORUKA_TESTNET_DIR/results}"

cd "$repo_root"
((build)) && build_workspace
(cd scripts/client && [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error)

# A fresh chain each time, on a copy of the binary.
"$repo_root/scripts/testnet.sh" stop >/dev/null 2>&1 || true
binary=$(mktemp)
cp "$PORUKA_NODE_BIN" "$binary"
rm -rf "$PORUKA_TESTNET_DIR"
mkdir -p "$PORUKA_TESTNET_DIR"
mv "$binary" "$PORUKA_TESTNET_DIR/poruka-node"
chmod +x "$PORUKA_TESTNET_DIR/poruka-node"
export PORUKA_NODE_BIN="$PORUKA_TESTNET_DIR/poruka-node"
trap '"$repo_root/scripts/testnet.sh" stop >/dev/null 2>&1 || true' EXIT

"$repo_root/scripts/testnet.sh" start 4
# Wait for the first finalized block on node 0.
for _ in $(seq 1 60); do
  if curl -s --max-time 2 -H 'Content-Type: application/json' \
    -d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead","params":[]}' \
    "http://127.0.0.1:$((9945 + PORT_OFFSET))" | grep -q result; then
    break
  fi
  sleep 1
done

node scripts/client/soak.mjs --blocks "$blocks" --kill-every "$kill_every" \
  --testnet-dir "$PORUKA_TESTNET_DIR" --port-offset "$PORT_OFFSET" --out "$out"
