#!/usr/bin/env bash
# Usage: scripts/dev.sh [poruka-node options...]
#
# Installs what the build needs (scripts/setup.sh), builds the node in release mode and starts a
# development chain: `poruka-node --dev` plus any options given, e.g. `scripts/dev.sh --tmp` for
# a chain that is thrown away on exit. RPC on ws://127.0.0.1:9944.
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
build_workspace
exec "$PORUKA_NODE_BIN" --dev "$@"
