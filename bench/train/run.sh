#!/usr/bin/env bash
# Logistic regression on a 1,000,000-row CSV: `cicdlab train` against scikit-learn's
# LogisticRegression() (StandardScaler + OneHotEncoder), side by side, alternating, in one run.
# Prints each run's fit time (CSV reading excluded on both sides), the whole command's wall
# time, and the test accuracy of both.
# Both sides stop by the same rule: no gradient entry of the mean loss above TOL (default 1e-6,
# cicdlab's default `tol`; scikit-learn's own default is 1e-4, so its `tol` is set to match).
# TOL=1e-4 compares both at scikit-learn's default instead.
#   bench/train/run.sh [ROWS] [REPEATS]
# PYTHON may name an interpreter with numpy, pandas and scikit-learn (default: bench/python.sh's
# bench/.venv, with the versions pinned in bench/requirements.txt).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"
repeats="${2:-3}"
tol="${TOL:-1e-6}"
python="$("$root/bench/python.sh")"
out="$root/bench/out/train-$rows"
mkdir -p "$out"
[ -f "$out/train.csv" ] || "$python" "$root/bench/train/generate.py" "$out" "$rows"
(cd "$root" && "$root/bin/build-release" >/dev/null 2>&1)
cicdlab="$root/.build/release/cicdlab"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

echo "rows=$rows (train) + $((rows / 5)) (test), 10 numeric + 2 categorical columns; tol=$tol; $(nproc) cores"
printf '%-12s %10s %10s %10s %6s\n' side fit_s wall_s accuracy iters
for i in $(seq "$repeats"); do
    start=$(date +%s.%N)
    ours=$(CICDLAB_HOME="$home" "$cicdlab" train "$out/train.csv" --target label --test "$out/test.csv" \
        --model logistic --param "tol=$tol" --out "$out/model.json" --json)
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "$ours" | "$python" "$root/bench/train/row.py" cicdlab "$wall"
    start=$(date +%s.%N)
    peer=$("$python" "$root/bench/train/peer.py" "$out/train.csv" "$out/test.csv" "$tol")
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    echo "$peer" | "$python" "$root/bench/train/row.py" scikit-learn "$wall"
done
