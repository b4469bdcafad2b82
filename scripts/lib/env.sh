# Sourced by the scripts: the build environment shared by developers and CI.
#
# - One target dir outside the checkout, so every clone (CI's included) reuses the same build.
# - mold as the linker of host code (the wasm runtime is linked by the wasm builder itself).
# - The system OpenSSL instead of a vendored one.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/poruka/target}"
export OPENSSL_NO_VENDOR=1
# The runtime's wasm is built by a nested cargo that must find this workspace's Cargo.lock,
# which it cannot from a target dir outside the checkout.
export WASM_BUILD_WORKSPACE_HINT="$repo_root"
if command -v mold >/dev/null 2>&1; then
  export CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS="${CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUSTFLAGS:--C link-arg=-fuse-ld=mold}"
fi
# The node binary every script and test uses.
export PORUKA_NODE_BIN="${PORUKA_NODE_BIN:-$CARGO_TARGET_DIR/release/poruka-node}"
