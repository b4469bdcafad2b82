#!/usr/bin/env bash
# Usage: scripts/test.sh [extra cargo test arguments...]
#
# Installs what the build needs (scripts/setup.sh), checks formatting, then runs every test of
# the workspace in release mode: pallet unit tests, runtime tests and the end-to-end tests that
# start the real poruka-node binary and drive it with subxt and with the polkadot.js demo in
# scripts/client (installed here with npm ci); then a minute of the runtime fuzzer
# (scripts/fuzz.sh) and a short soak of the 4-validator testnet (scripts/soak.sh). CI (.ci/run)
# runs exactly this.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

cd "$repo_root"
echo "[test +${SECONDS}s] cargo fmt --check"
cargo fmt --all -- --check

echo "[test +${SECONDS}s] building (target dir: $CARGO_TARGET_DIR)"
build_workspace

echo "[test +${SECONDS}s] npm ci (scripts/client: the polkadot.js demo the end-to-end story runs)"
(cd "$repo_root/scripts/client" && npm ci --no-audit --no-fund --loglevel=error)

if [ $# -gt 0 ]; then
  echo "[test +${SECONDS}s] cargo test $*"
  cargo test --locked --release --workspace "$@"
else
  # The runtime upgrade by council motion (node/tests/upgrade.rs: two minutes of one dev node,
  # mostly waiting for blocks) runs beside the other tests instead of after them.
  upgrade_log=$(mktemp /tmp/poruka-test-upgrade.XXXXXX)
  echo "[test +${SECONDS}s] cargo test --test upgrade, in the background (log: $upgrade_log)"
  cargo test --locked --release --workspace --test upgrade >"$upgrade_log" 2>&1 &
  upgrade_pid=$!
  echo "[test +${SECONDS}s] cargo test (all the rest)"
  cargo test --locked --release --workspace -- --skip the_council_upgrades_the_runtime
  if ! wait "$upgrade_pid"; then
    cat "$upgrade_log"
    echo "[test +${SECONDS}s] FAILED: the runtime upgrade test (node/tests/upgrade.rs)"
    exit 1
  fi
  grep -E "^test |test result" "$upgrade_log"
fi

# Seeds move with the commit, so each change explores new sequences; a failure prints the
# command that replays it.
seed=$((16#$(git -C "$repo_root" rev-parse --short=8 HEAD 2>/dev/null || echo 0) * 1000))
echo "[test +${SECONDS}s] fuzz: 1 minute of random call sequences through the runtime (from seed $seed)"
"$CARGO_TARGET_DIR/release/poruka-fuzz" --minutes 1 --seed "$seed"

echo "[test +${SECONDS}s] soak: 20 blocks of the 4-validator testnet under load, two validators killed"
PORUKA_SOAK_DIR=/tmp/poruka-soak-ci PORT_OFFSET=200 \
  "$repo_root/scripts/soak.sh" --no-build --blocks 20 --kill-every 8 --out /tmp/poruka-soak-ci-results
echo "[test +${SECONDS}s] done: every test passed"
