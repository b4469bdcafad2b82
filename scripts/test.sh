#!/usr/bin/env bash
# Usage: scripts/test.sh [extra cargo test arguments...]
#
# Installs what the build needs (scripts/setup.sh), checks formatting, then runs every test of
# the workspace in release mode: pallet unit tests, runtime tests and the end-to-end tests that
# start the real poruka-node binary. CI (.ci/run) runs exactly this.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/setup.sh"
source "$here/lib/env.sh"
source "$here/lib/build.sh"

cd "$repo_root"
echo "[test] cargo fmt --check"
cargo fmt --all -- --check

echo "[test] building (target dir: $CARGO_TARGET_DIR)"
build_workspace

echo "[test] cargo test"
cargo test --locked --release --workspace "$@"
