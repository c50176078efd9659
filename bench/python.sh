#!/usr/bin/env bash
# Prints the Python interpreter the benchmarks' peers run on: $PYTHON if set, else
# bench/.venv/bin/python, created on first use with the pinned bench/requirements.txt (pip).
#   python="$(bench/python.sh)"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; exit 0; fi
venv="$here/.venv"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$stamp"; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
    "$venv/bin/python" -m pip install -q -r "$here/requirements.txt" >&2
    cp "$here/requirements.txt" "$stamp"
fi
echo "$venv/bin/python"
