#!/usr/bin/env bash
# Usage: scripts/fuzz.sh [--runs N | --minutes M] [--seed S] [--steps L] [--jobs J]
#
# Runs the runtime fuzzer (fuzz/, the poruka-fuzz binary): random sequences of every Guarantor,
# Agreements and Balances call, from funded dev accounts, through the real runtime's Executive
# (Aura and timestamp inherents, transaction extensions, fees) with block advances across every
# period; after every block it checks the pallets' try_state, balances against total issuance,
# total issuance unchanged, block weight, and that the runtime logged no defensive failure.
#
#   --runs N      sequences to run (default 1000)     --minutes M   run this long instead
#   --seed S      the first sequence's seed (default 0; sequence i runs seed S + i)
#   --steps L     steps per sequence (default 200)     --jobs J      threads (default 1)
#
# Shows progress every 10 s and a table of how each call ended; on a broken rule prints the
# seed and its steps, and the command that replays it, and exits 1. Builds the workspace
# first (the same build the tests use). docs/reliability.md records the long run.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

cd "$repo_root"
build_workspace
"$CARGO_TARGET_DIR/release/poruka-fuzz" "$@"
