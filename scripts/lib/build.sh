# Sourced by the scripts: the one release build that the dev chain, the tests and CI share.
#
# Everything (node, runtime, pallets and all test targets) is built with the same profile and
# the same feature set, so `dev.sh` after `test.sh` (or the other way round) rebuilds nothing.
build_workspace() {
  cargo build --locked --release --workspace --all-targets "$@"
}
