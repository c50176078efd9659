#!/usr/bin/env bash
# A no-op rerun of a five-stage pipeline: `cicdlab pipeline run` against `dvc repro` on the
# same pipeline exported with `cicdlab pipeline export --format dvc`, alternating, in one run.
# Both first run the pipeline for real (DVC through the exported `cicdlab pipeline run --stage`
# commands), then every timed run finds nothing changed. Prints min, median and p95 wall time
# of each and the ratio of the medians.
#   bench/pipeline/run.sh [RUNS]
# DVC may name a dvc executable (default: the one bin/setup-tools installs, else DVC 3.67.1
# installed with pip into bench/.venv-dvc). cicdlab is the release build of bin/build-release,
# as bin/lab builds it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-30}"
dvc="${DVC:-$root/.build/tools-venv/bin/dvc}"
if [ ! -x "$dvc" ]; then
    dvc="$root/bench/.venv-dvc/bin/dvc"
    [ -x "$dvc" ] || { python3 -m venv "$root/bench/.venv-dvc" && "$root/bench/.venv-dvc/bin/pip" install -q dvc==3.67.1; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && "$root/bin/build-release" >"$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
cicdlab="$root/.build/release/cicdlab"
# DVC runs the exported stage commands, which call `cicdlab` by name.
export PATH="$root/.build/release:$PATH"
export CICDLAB_HOME="$work/home" DVC_NO_ANALYTICS=1 NO_COLOR=1
project="$work/project"
mkdir -p "$project/.lab"
cp -R "$root/Sandbox/data" "$root/Sandbox/suites" "$root/Sandbox/gates.yaml" "$root/Sandbox/params.yaml" "$project/"
cp "$root/bench/pipeline/pipeline.yaml" "$project/pipeline.yaml"
cd "$project"
git init -q && git config user.email bench@example.com && git config user.name bench
"$dvc" init -q
"$cicdlab" pipeline export --format dvc pipeline.yaml >/dev/null
"$cicdlab" pipeline run pipeline.yaml >/dev/null
"$dvc" repro -q >/dev/null
git add -A >/dev/null && git commit -qm "bench project" >/dev/null

echo "five stages (validate, validate-test, train, evaluate, gate) on Sandbox/data/churn*.csv; nothing changed; $(nproc) cores"
# This rerun finds nothing to do and is recorded; the timed ones repeat it and record nothing.
"$cicdlab" pipeline run pipeline.yaml | grep '^Run #'
"$dvc" repro | tail -n 1
python3 "$root/bench/pipeline/measure.py" "$runs" \
    "cicdlab pipeline run" "$cicdlab pipeline run pipeline.yaml" \
    "dvc repro" "$dvc repro"
