#!/usr/bin/env bash
# Usage: scripts/dev.sh [poruka-node options...]
#
# Installs what the build needs (scripts/setup.sh), builds the node in release mode and starts a
# development chain: `poruka-node --dev` plus any options given, e.g. `scripts/dev.sh --tmp` for
# a chain that is thrown away on exit. RPC on ws://127.0.0.1:9944.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/prelude.sh" "$@"
source "$repo_root/scripts/lib/build.sh"

cd "$repo_root"
build_workspace
exec "$PORUKA_NODE_BIN" --dev "$@"
