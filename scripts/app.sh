#!/usr/bin/env bash
# Usage: scripts/app.sh [--port PORT] [--host HOST] [--no-build] [--check]
#
# Builds the members' web app (app/: npm ci when its node_modules are missing or older than its
# lockfile, then `vite build`) and serves the static build on http://127.0.0.1:4173/ (PORT, or
# --port; --host 0.0.0.0 to serve other machines) until Ctrl-C. The page connects to
# ws://127.0.0.1:9944 (a node from scripts/dev.sh) unless told otherwise: open
# http://127.0.0.1:4173/?ws=ws://127.0.0.1:9945 for node 0 of scripts/testnet.sh, or change the
# node in the page. --no-build serves the last build; --check builds, runs the unit tests and
# exits. Needs Node.js >= 20.19 and npm (scripts/setup.sh installs them); the node needs nothing.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,/^set -euo pipefail/{/^#/s/^# \{0,1\}//p}' "$0"
  exit 0
fi

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app="$repo_root/app"
port="${PORT:-4173}"
host="${HOST:-127.0.0.1}"
build=1
check=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --check) check=1; shift ;;
    *) echo "scripts/app.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf '[app] %s\n' "$*" >&2; }

if ! command -v npm >/dev/null 2>&1; then
  log "npm is missing: run scripts/setup.sh"
  exit 1
fi

cd "$app"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "npm ci (app/)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if ((build)); then
  log "building (vite build)"
  npm run --silent build
fi
if ((check)); then
  log "unit tests (vitest)"
  npx vitest run
  exit 0
fi
if [[ ! -f dist/index.html ]]; then
  log "no build in app/dist: run without --no-build"
  exit 1
fi
log "serving app/dist; the page connects to ws://127.0.0.1:9944 unless ?ws= says otherwise"
HOST="$host" exec node serve.mjs "$port"
