# Sourced first by the scripts that build (dev.sh, test.sh, benchmark.sh), with their arguments:
# answers -h/--help with the script's header comment, installs what the build needs
# (setup.sh), and sets the build environment (env.sh).
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,/^set -euo pipefail/{/^#/s/^# \{0,1\}//p}' "$0"
  exit 0
fi
"$(dirname "${BASH_SOURCE[0]}")/../setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
