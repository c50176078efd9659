"""Reads the runs that run.sh recorded and prints cicdlab and scipy side by side.

    python compare.py OUT_DIR RUNS ROWS METHOD...
"""
import json
import math
import os
import statistics
import sys

out, runs, rows, methods = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]


def time_v(path):
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB from /usr/bin/time -v."""
    fields = {}
    for line in open(path):
        key, _, value = line.strip().rpartition(": ")
        fields[key] = value
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, cpu, int(fields["Maximum resident set size (kbytes)"]) / 1024


def relative_gap(a, b):
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


median = statistics.median
print(f"drift, {rows:,} rows x 10 numeric columns per file; {os.cpu_count()} cores; median of {runs} runs")
print(f"{'method':<14} {'side':<8} {'compute_s':>10} {'wall_s':>8} {'cpu_s':>8} {'rss_mb':>8}"
      f" {'compute_x':>10} {'wall_x':>8}  agreement")
worst = 0.0
for method in methods:
    swift = [json.load(open(f"{out}/swift-{method}-{i}.json")) for i in range(1, runs + 1)]
    scipy = [json.load(open(f"{out}/scipy-{method}-{i}.json")) for i in range(1, runs + 1)]
    swift_t = [time_v(f"{out}/swift-{method}-{i}.time") for i in range(1, runs + 1)]
    scipy_t = [time_v(f"{out}/scipy-{method}-{i}.time") for i in range(1, runs + 1)]
    s_compute, p_compute = median([r["seconds"] for r in swift]), median([r["compute_seconds"] for r in scipy])
    s_wall, s_cpu, s_rss = (median([t[k] for t in swift_t]) for k in range(3))
    p_wall, p_cpu, p_rss = (median([t[k] for t in scipy_t]) for k in range(3))
    # Every column's statistic and p-value, compared between the two sides.
    ours = {c["column"]: c for c in swift[0]["columns"]}
    gaps = []
    for column in scipy[0]["columns"]:
        mine = ours[column["column"]]
        gaps.append(relative_gap(mine["statistic"], column["statistic"]))
        gaps.append(relative_gap(mine["p_value"], column["p_value"]))
    gap = max(gaps)
    worst = max(worst, gap)
    drifted = sum(c["drifted"] for c in swift[0]["columns"])
    print(f"{method:<14} {'cicdlab':<8} {s_compute:10.3f} {s_wall:8.2f} {s_cpu:8.2f} {s_rss:8.0f}"
          f" {p_compute / s_compute:9.1f}x {p_wall / s_wall:7.1f}x  max relative gap {gap:.1e},"
          f" {drifted} of 10 drifted")
    print(f"{'':<14} {'scipy':<8} {p_compute:10.3f} {p_wall:8.2f} {p_cpu:8.2f} {p_rss:8.0f}")
print(f"largest relative gap between the two sides' statistics and p-values: {worst:.1e}")
