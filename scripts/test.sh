#!/usr/bin/env bash
# Usage: scripts/test.sh [extra cargo test arguments...]
#
# Installs what the build needs (scripts/setup.sh), checks formatting, then runs every test of
# the workspace in release mode: pallet unit tests, runtime tests and the end-to-end tests that
# start the real poruka-node binary and drive it with subxt and with the polkadot.js demo in
# scripts/client (installed here with npm ci). CI (.ci/run) runs exactly this.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

cd "$repo_root"
echo "[test] cargo fmt --check"
cargo fmt --all -- --check

echo "[test] building (target dir: $CARGO_TARGET_DIR)"
build_workspace

echo "[test] npm ci (scripts/client: the polkadot.js demo the end-to-end story runs)"
(cd "$repo_root/scripts/client" && npm ci --no-audit --no-fund --loglevel=error)

echo "[test] cargo test"
cargo test --locked --release --workspace "$@"
