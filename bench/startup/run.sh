#!/usr/bin/env bash
# Start-up time to first output of the release binary: `cicdlab --version` and `cicdlab help`,
# each run many times; prints min, median and p95 in milliseconds.
#   bench/startup/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-300}"
"$root/bin/setup-system"
(cd "$root" && "$root/bin/build-release" >/dev/null)
python3 "$root/bench/startup/measure.py" "$root/.build/release/cicdlab" "$runs"
