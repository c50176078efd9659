"""Reads the runs that run.sh recorded and prints cicdlab and pandas side by side.

    python compare.py OUT_DIR RUNS ROWS
"""
import json
import statistics
import sys

out, runs, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


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


swift = [time_v(f"{out}/swift-{i}.time") for i in range(1, runs + 1)]
pandas = [time_v(f"{out}/pandas-{i}.time") for i in range(1, runs + 1)]
peer = [json.load(open(f"{out}/pandas-{i}.json")) for i in range(1, runs + 1)]
median = lambda values: statistics.median(values)

s_wall, s_cpu, s_rss = (median([r[k] for r in swift]) for k in range(3))
p_wall, p_cpu, p_rss = (median([r[k] for r in pandas]) for k in range(3))
p_inner_wall = median([p["load_seconds"] + p["validate_seconds"] for p in peer])
p_inner_cpu = median([p["load_cpu_seconds"] + p["validate_cpu_seconds"] for p in peer])
raw_mb = rows * 10 * 8 / 1e6

print(f"data-validate: {rows:,} rows, 10 numeric + 2 text columns, 10 expectations, median of {runs} runs")
print(f"{'':34}{'cicdlab':>12}{'pandas':>12}{'ratio':>9}")
print(f"{'wall, whole process (s)':34}{s_wall:12.3f}{p_wall:12.3f}{p_wall / s_wall:8.1f}x")
print(f"{'CPU user+sys, whole process (s)':34}{s_cpu:12.3f}{p_cpu:12.3f}{p_cpu / s_cpu:8.1f}x")
print(f"{'wall, load+validate only (s)':34}{s_wall:12.3f}{p_inner_wall:12.3f}{p_inner_wall / s_wall:8.1f}x")
print(f"{'CPU, load+validate only (s)':34}{s_cpu:12.3f}{p_inner_cpu:12.3f}{p_inner_cpu / s_cpu:8.1f}x")
print(f"{'peak RSS (MB)':34}{s_rss:12.1f}{p_rss:12.1f}")
print(f"peak RSS / raw numeric data ({raw_mb:.0f} MB): cicdlab {s_rss / raw_mb:.2f}x, pandas {p_rss / raw_mb:.2f}x")
print("(cicdlab's 'only' rows are its whole process: reading, checking, JSON, start-up included)")

ours = json.load(open(f"{out}/swift-1.json"))["results"]
theirs = peer[0]["results"]
disagreements = []
for mine, other in zip(ours, theirs):
    same = mine["success"] == other["success"] and (
        other["unexpected_count"] is None or mine["unexpected_count"] == other["unexpected_count"])
    if not same:
        disagreements.append(f"{mine['expectation']} {mine['column']}: cicdlab {mine['success']}/"
                             f"{mine['unexpected_count']}, pandas {other['success']}/{other['unexpected_count']}")
verdicts = ", ".join("pass" if r["success"] else "FAIL" for r in ours)
if disagreements or len(ours) != len(theirs):
    print("verdicts DIFFER:\n  " + "\n  ".join(disagreements))
    sys.exit(1)
print(f"verdicts agree on all {len(ours)} expectations ({verdicts})")
