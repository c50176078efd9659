#!/usr/bin/env bash
# Drift on two 1,000,000-row CSV files with 10 numeric columns: `cicdlab drift` against the
# same tests in pandas + numpy + scipy (peer.py), side by side, alternating, in one run.
# For each method (auto, ks, wasserstein, psi, jensenshannon) and each of RUNS rounds, both
# sides run under /usr/bin/time -v; compare.py prints medians of
#   compute: the tests on tables already in memory (cicdlab's "seconds", peer's compute_seconds),
#   end to end: the whole process, CSV reading included (wall and CPU),
# with the speed-ups, and checks that both sides agree on every statistic, p-value and verdict.
#   bench/drift/run.sh [ROWS] [RUNS] [METHODS...]
# The CSV files are generated once into bench/out (DATA_DIR overrides, e.g. /tmp for 10,000,000 rows).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-1000000}"
runs="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
methods=("$@")
[ ${#methods[@]} -gt 0 ] || methods=(auto ks wasserstein psi jensenshannon)
python="$("$root/bench/python.sh")"
out="$root/bench/out/drift-$rows"
data="${DATA_DIR:-$root/bench/out}/drift-$rows"
mkdir -p "$out" "$data"

if [ ! -f "$data/reference.csv" ] || [ ! -f "$data/current.csv" ]; then
    echo "generating $data/reference.csv and current.csv"
    "$python" "$here/generate.py" "$data" "$rows"
fi
(cd "$root" && "$root/bin/build-release" >/dev/null)
binary="$root/.build/release/cicdlab"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cat "$data/reference.csv" "$data/current.csv" >/dev/null  # both sides read from the page cache

for method in "${methods[@]}"; do
    for run in $(seq "$runs"); do
        /usr/bin/time -v "$binary" --home "$home" drift "$data/reference.csv" "$data/current.csv" \
            --method "$method" --json >"$out/swift-$method-$run.json" 2>"$out/swift-$method-$run.time"
        /usr/bin/time -v "$python" "$here/peer.py" "$data/reference.csv" "$data/current.csv" "$method" \
            >"$out/scipy-$method-$run.json" 2>"$out/scipy-$method-$run.time"
    done
done
"$python" "$here/compare.py" "$out" "$runs" "$rows" "${methods[@]}"
