#!/usr/bin/env bash
# Usage: scripts/setup.sh
#
# Installs, only where missing, what building Poruka needs on a Debian machine with rustup:
# the wasm targets and rust-src for substrate-wasm-builder, protoc, clang/libclang, a fast
# linker (mold), pkg-config, the system OpenSSL headers, Node.js with npm for the polkadot.js
# client in scripts/client and the members' app (app/), Debian's chromium for the app's browser
# tests, and cargo-nextest (scripts/test.sh runs the tests with it, the end-to-end ones in
# parallel). Safe to run any number of times.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

log() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
need_pkgs=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in clang libclang-dev protobuf-compiler mold pkg-config libssl-dev make curl; do
  have_pkg "$pkg" || need_pkgs+=("$pkg")
done
# Node.js may come from elsewhere than Debian (nodesource, nvm); only a missing one is installed.
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
# The members' app's browser tests (app/e2e) drive Debian's chromium through playwright-core
# (Playwright's own browser download is not used).
have_pkg chromium || need_pkgs+=(chromium)
if ((${#need_pkgs[@]})); then
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  log "installing Debian packages: ${need_pkgs[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${need_pkgs[@]}" >/dev/null
fi

# --- Rust toolchain pieces -------------------------------------------------------------------
if ! command -v rustup >/dev/null 2>&1; then
  log "rustup is required (https://rustup.rs); install it and run this script again"
  exit 1
fi
installed_targets=$(rustup target list --installed)
for target in wasm32v1-none wasm32-unknown-unknown; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    log "adding Rust target $target"
    rustup target add "$target"
  fi
done
installed_components=$(rustup component list --installed)
for component in rust-src rustfmt; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log "adding Rust component $component"
    rustup component add "$component"
  fi
done

# The machines this project builds on come with cargo-nextest; elsewhere it is built once.
if ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest (cargo install, a few minutes)"
  cargo install --locked cargo-nextest
fi

log "ready"
