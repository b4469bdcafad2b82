#!/usr/bin/env bash
# Usage: scripts/test.sh [extra cargo test arguments...]
#
# Installs what the build needs (scripts/setup.sh), checks formatting, then runs every test of
# the workspace in release mode (with cargo-nextest, the end-to-end tests side by side; with
# arguments, `cargo test <arguments>` instead): pallet unit tests, runtime tests and the
# end-to-end tests that start the real poruka-node binary and drive it with subxt and with the
# polkadot.js demo in scripts/client (installed here with npm ci) and the example contracts in
# contracts/ (compiled here by the solc npm package); beside them, the members'
# app's unit and browser tests (app/: Vitest, and Debian's chromium through playwright-core
# against one poruka-node --dev --tmp; docs/app.md); then a minute of the runtime fuzzer
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
echo "[test +${SECONDS}s] contracts/: npm ci, npm run build (solc compiles the example contracts)"
(cd "$repo_root/contracts" && npm ci --no-audit --no-fund --loglevel=error && npm run build)

if [ $# -gt 0 ]; then
  echo "[test +${SECONDS}s] cargo test $*"
  cargo test --locked --release --workspace "$@"
else
  # The members' app's tests mostly wait for blocks too: they run beside the Rust tests, on
  # ports of their own (app/e2e/lib.mjs), and are waited for after them.
  echo "[test +${SECONDS}s] members' app (app/), in the background: npm ci, unit tests, build, browser tests"
  app_log="$CARGO_TARGET_DIR/app-tests.log"
  # In a process group of its own, so that an early exit stops it with its node and browser.
  setsid bash -c 'cd "$1/app" && npm ci --no-audit --no-fund --loglevel=error && npm test &&
    npm run build && npm run e2e' app-tests "$repo_root" >"$app_log" 2>&1 &
  app_pid=$!
  trap 'kill -- "-$app_pid" 2>/dev/null || true' EXIT

  # cargo-nextest runs every test in its own process, six at a time (.config/nextest.toml):
  # the end-to-end tests, which mostly wait for blocks, run side by side instead of one binary
  # after another. It does not run doc tests: cargo test --doc does, after it.
  echo "[test +${SECONDS}s] cargo nextest run (every test; end-to-end tests side by side)"
  cargo nextest run --locked --release --workspace --profile ci
  echo "[test +${SECONDS}s] cargo test --doc"
  cargo test --locked --release --workspace --doc
  echo "[test +${SECONDS}s] waiting for the members' app's tests (log: $app_log)"
  if ! wait "$app_pid"; then
    cat "$app_log"
    echo "[test +${SECONDS}s] the members' app's tests failed (screenshots and node log: app/test-results/)"
    exit 1
  fi
  trap - EXIT
  sed 's/\x1b\[[0-9;]*m//g' "$app_log" | grep -E '^ *(Test Files|Tests) |^# (tests|pass|fail) ' || true
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
