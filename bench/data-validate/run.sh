#!/usr/bin/env bash
# Load + validate a 1,000,000-row CSV (10 numeric, 2 categorical columns) with a ten-check
# suite: `cicdlab data validate` against pandas (peer.py), polars (peer_polars.py) and DuckDB
# (peer_duckdb.py) doing the same checks, whole processes, side by side.
# Each side runs RUNS times, in turn (cicdlab, pandas, polars, duckdb, cicdlab, ...), under
# /usr/bin/time -v; compare.py gives medians of wall time, CPU time and peak memory, the ratio
# of each peer to cicdlab, and checks that every side reaches the same verdicts.
#   bench/data-validate/run.sh [ROWS] [RUNS]
# The CSV is generated once into bench/out (DATA_DIR overrides, e.g. /tmp for 10,000,000 rows).
# Peers run on bench/python.sh's interpreter (pinned versions in bench/requirements.txt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
runs="${2:-5}"
python="$("$root/bench/python.sh")"
out="$root/bench/out/data-validate-$rows"
mkdir -p "$out"
data="${DATA_DIR:-$root/bench/out}/churn-$rows.csv"
if [ ! -f "$data" ]; then
    echo "generating $data"
    "$python" "$here/generate.py" "$data" "$rows"
fi
(cd "$root" && "$root/bin/build-release" >/dev/null)
binary="$root/.build/release/cicdlab"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cat "$data" >/dev/null  # every side reads from the page cache
# The suite's row bounds follow ROWS (900,000..1,100,000 at a million rows).
sed -e "s/min_rows: 900000/min_rows: $((rows * 9 / 10))/" -e "s/max_rows: 1100000/max_rows: $((rows * 11 / 10))/" \
    "$here/suite.yaml" >"$out/suite.yaml"

for run in $(seq "$runs"); do
    # Exit status 1 is expected: the suite finds the data's planted problems.
    /usr/bin/time -v "$binary" --home "$home" data validate "$data" --suite "$out/suite.yaml" --json \
        >"$out/swift-$run.json" 2>"$out/swift-$run.time" || [ $? -eq 1 ]
    for peer in pandas polars duckdb; do
        script="$here/peer.py"
        [ "$peer" = pandas ] || script="$here/peer_$peer.py"
        BENCH_ROWS="$rows" /usr/bin/time -v "$python" "$script" "$data" >"$out/$peer-$run.json" 2>"$out/$peer-$run.time"
    done
done
"$python" "$here/compare.py" "$out" "$runs" "$rows"
