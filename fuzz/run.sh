#!/usr/bin/env bash
# Builds the libFuzzer binary (outside the main package) and fuzzes one reader.
#
#   fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   fuzz/run.sh build            # only build
#
# TARGET is one of csv, suite, pipeline, gates, params, lesson, steps, quiz, scenario.
# The corpus grows in fuzz/corpus/TARGET (seeded from fuzz/seeds/TARGET, which is committed);
# crashers land in fuzz/findings/TARGET. Replay one with
#   CICDLAB_FUZZ_TARGET=csv fuzz/.build/release/CicdlabFuzz fuzz/findings/csv/crash-...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))

swift build --package-path "$here" -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
binary="$here/.build/release/CicdlabFuzz"
[ "$target" = build ] && exit 0

mkdir -p "$here/corpus/$target" "$here/findings/$target"
seeds=()
[ -d "$here/seeds/$target" ] && seeds+=("$here/seeds/$target")
cd "$here/findings/$target"
CICDLAB_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$here/findings/$target/" "$@" "$here/corpus/$target" "${seeds[@]}"
