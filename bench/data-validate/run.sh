#!/usr/bin/env bash
# Load + validate a 1,000,000-row CSV (10 numeric, 2 categorical columns) with a ten-check
# suite: `cicdlab data validate` against pandas doing the same checks (peer.py), side by side.
# Each side runs RUNS times, alternating, under /usr/bin/time -v; the report gives medians of
# wall time, CPU time and peak memory, and checks that both reach the same verdicts.
#   bench/data-validate/run.sh [ROWS] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
runs="${2:-3}"
python="${PYTHON:-/work/venv/ref/bin/python}"
[ -x "$python" ] || python="python3"
out="$root/bench/out/data-validate"
mkdir -p "$out"

data="$out/churn-$rows.csv"
if [ ! -f "$data" ]; then
    echo "generating $data"
    "$python" "$here/generate.py" "$data" "$rows"
fi
(cd "$root" && swift build -c release --product cicdlab >/dev/null)
binary="$root/.build/release/cicdlab"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cat "$data" >/dev/null  # both sides read from the page cache

for run in $(seq "$runs"); do
    # Exit status 1 is expected: the suite finds the data's planted problems.
    /usr/bin/time -v "$binary" --home "$home" data validate "$data" --suite "$here/suite.yaml" --json \
        >"$out/swift-$run.json" 2>"$out/swift-$run.time" || [ $? -eq 1 ]
    /usr/bin/time -v "$python" "$here/peer.py" "$data" >"$out/pandas-$run.json" 2>"$out/pandas-$run.time"
done
"$python" "$here/compare.py" "$out" "$runs" "$rows"
