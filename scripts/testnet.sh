#!/usr/bin/env bash
# Usage: scripts/testnet.sh start [N] | member | validator | stop | status
#
# A local testnet of N (default 4, at most 4) validators of `--chain local` on 127.0.0.1:
# Alice, Bob, Charlie, Dave. Each has its own base path, ports (p2p 30334+i, RPC 9945+i,
# Prometheus 9616+i for i = 0..N-1; shift them with PORT_OFFSET), a fixed node key (1 to 4:
# the nodes the chain's genesis registers, so they may peer) and its session keys in its
# keystore. `member` adds Eve's full node (node index 4, node key 5): Eve registers it on chain
# (nodeRegistry.registerNode, through scripts/client) and it syncs; it runs with --validator
# and no keys, so it authors nothing until `validator`: its node makes Eve's session keys, she
# sets them (session.setKeys) and the council seats her (a 2/3 motion of Alice, Bob, Charlie
# and Dave): she authors from the session after the next (sessions of 600 blocks). Logs, keys and pid files
# live in $PORUKA_TESTNET_DIR (default /tmp/poruka-testnet). `stop` ends exactly the processes
# `start` and `member` started; `status` shows each node's best and finalized block and peers.
# The node binary is $PORUKA_NODE_BIN (built by scripts/dev.sh or scripts/test.sh). For
# measurements, PORUKA_TESTNET_CHAIN names another chain spec of the same validators (a file
# from `build-spec --chain local`, e.g. with a sudo key; docs/performance.md) and
# PORUKA_TESTNET_ARGS adds flags to every node (e.g. a larger pool).
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib/env.sh"

dir="${PORUKA_TESTNET_DIR:-/tmp/poruka-testnet}"
chain="${PORUKA_TESTNET_CHAIN:-local}"
read -r -a extra_args <<<"${PORUKA_TESTNET_ARGS:-}"
offset="${PORT_OFFSET:-0}"
names=(alice bob charlie dave eve)
seeds=(//Alice //Bob //Charlie //Dave //Eve)

p2p_port() { echo $((30334 + offset + $1)); }
rpc_port() { echo $((9945 + offset + $1)); }
prometheus_port() { echo $((9616 + offset + $1)); }

# A fixed ed25519 node key per node: 32 bytes, the node's index + 1 in the last one.
node_key() { printf '%062d%02x' 0 $(($1 + 1)); }

rpc() {
  curl -s --max-time 3 -H 'Content-Type: application/json' \
    -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
    "http://127.0.0.1:$(rpc_port "$1")"
}

hex_number() { printf '%d' "$(sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"; }

start() {
  local count="${1:-4}"
  if ((count < 1 || count > 4)); then
    echo "N must be 1 to 4 (the local chain has four authorities)" >&2
    exit 2
  fi
  if [[ ! -x "$PORUKA_NODE_BIN" ]]; then
    echo "no node binary at $PORUKA_NODE_BIN: run scripts/dev.sh or scripts/test.sh first" >&2
    exit 1
  fi
  mkdir -p "$dir/logs"
  local bootnode=""
  for ((i = 0; i < count; i++)); do
    local name=${names[$i]} base="$dir/${names[$i]}"
    if [[ -f "$dir/$name.pid" ]] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
      echo "$name is already running (pid $(cat "$dir/$name.pid"))"
    else
      mkdir -p "$base"
      node_key "$i" >"$base/node-key"
      # Session keys: Aura signs blocks (sr25519), GRANDPA votes (ed25519).
      "$PORUKA_NODE_BIN" key insert --base-path "$base" --chain "$chain" \
        --scheme sr25519 --suri "${seeds[$i]}" --key-type aura
      "$PORUKA_NODE_BIN" key insert --base-path "$base" --chain "$chain" \
        --scheme ed25519 --suri "${seeds[$i]}" --key-type gran
      local args=(--chain "$chain" --validator --name "$name" --base-path "$base"
        --node-key-file "$base/node-key" --listen-addr "/ip4/127.0.0.1/tcp/$(p2p_port "$i")"
        --rpc-port "$(rpc_port "$i")" --prometheus-port "$(prometheus_port "$i")"
        --no-mdns --no-telemetry "${extra_args[@]}")
      [[ -n "$bootnode" ]] && args+=(--bootnodes "$bootnode")
      nohup "$PORUKA_NODE_BIN" "${args[@]}" >"$dir/logs/$name.log" 2>&1 &
      echo $! >"$dir/$name.pid"
      echo "started $name (pid $!): rpc ws://127.0.0.1:$(rpc_port "$i"), log $dir/logs/$name.log"
    fi
    if [[ -z "$bootnode" ]]; then
      local peer_id
      peer_id=$("$PORUKA_NODE_BIN" key inspect-node-key --file "$base/node-key")
      bootnode="/ip4/127.0.0.1/tcp/$(p2p_port "$i")/p2p/$peer_id"
    fi
  done
}

# Eve's full node: registered by Eve (an active member), then started with node 0 as bootnode.
member() {
  local i=4 name=eve base="$dir/eve"
  if [[ ! -f "$dir/alice.pid" ]] || ! kill -0 "$(cat "$dir/alice.pid")" 2>/dev/null; then
    echo "start the validators first: scripts/testnet.sh start" >&2
    exit 1
  fi
  mkdir -p "$base"
  node_key "$i" >"$base/node-key"
  local peer_id alice_id
  peer_id=$("$PORUKA_NODE_BIN" key inspect-node-key --file "$base/node-key")
  alice_id=$("$PORUKA_NODE_BIN" key inspect-node-key --file "$dir/alice/node-key")
  if [[ ! -d "$here/client/node_modules" ]]; then
    (cd "$here/client" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  node "$here/client/network.mjs" register-node "ws://127.0.0.1:$(rpc_port 0)" //Eve "$peer_id"
  nohup "$PORUKA_NODE_BIN" --chain "$chain" --name "$name" --base-path "$base" \
    --node-key-file "$base/node-key" --listen-addr "/ip4/127.0.0.1/tcp/$(p2p_port "$i")" \
    --rpc-port "$(rpc_port "$i")" --prometheus-port "$(prometheus_port "$i")" \
    --no-mdns --no-telemetry --validator "${extra_args[@]}" \
    --bootnodes "/ip4/127.0.0.1/tcp/$(p2p_port 0)/p2p/$alice_id" >"$dir/logs/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  echo "started $name's full node (pid $!, peer id $peer_id): rpc ws://127.0.0.1:$(rpc_port "$i"), log $dir/logs/$name.log"
}

# Eve's node becomes the fifth validator: keys, setKeys, the council's motion.
validator() {
  if [[ ! -f "$dir/eve.pid" ]] || ! kill -0 "$(cat "$dir/eve.pid")" 2>/dev/null; then
    echo "start Eve's node first: scripts/testnet.sh member" >&2
    exit 1
  fi
  node "$here/client/network.mjs" seat-validator "ws://127.0.0.1:$(rpc_port 0)" //Eve \
    "ws://127.0.0.1:$(rpc_port 4)"
}

stop() {
  shopt -s nullglob
  local pids=("$dir"/*.pid)
  if ((${#pids[@]} == 0)); then
    echo "nothing to stop in $dir"
    return
  fi
  for pidfile in "${pids[@]}"; do
    local pid name
    pid=$(cat "$pidfile")
    name=$(basename "$pidfile" .pid)
    if kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "stopped $name (pid $pid)"
    fi
    rm -f "$pidfile"
  done
}

status() {
  printf '%-8s %-8s %8s %10s %6s\n' node pid best finalized peers
  for ((i = 0; i < ${#names[@]}; i++)); do
    local name=${names[$i]} pidfile="$dir/${names[$i]}.pid"
    [[ -f "$pidfile" ]] || continue
    local pid best="-" finalized="-" peers="-"
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null && rpc "$i" system_health >/dev/null; then
      best=$(rpc "$i" chain_getHeader | hex_number)
      local head
      head=$(rpc "$i" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
      finalized=$(rpc "$i" chain_getHeader "[\"$head\"]" | hex_number)
      peers=$(rpc "$i" system_health | sed -n 's/.*"peers":\([0-9]*\).*/\1/p')
    else
      pid="$pid(dead)"
    fi
    printf '%-8s %-8s %8s %10s %6s\n' "$name" "$pid" "$best" "$finalized" "$peers"
  done
}

case "${1:-}" in
  start) start "${2:-4}" ;;
  member) member ;;
  validator) validator ;;
  stop) stop ;;
  status) status ;;
  -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
