"""Reads the runs that run.sh recorded and prints cicdlab and its peers side by side.

    python compare.py OUT_DIR RUNS ROWS

"Raw numbers" are the numeric columns as 8-byte values: ROWS x 10 x 8 bytes (80 MB at a
million rows); peak RSS is given as a multiple of that.
"""
import json
import statistics
import sys

out, runs, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
PEERS = ["pandas", "polars", "duckdb"]


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


def medians(side):
    measured = [time_v(f"{out}/{side}-{i}.time") for i in range(1, runs + 1)]
    return [statistics.median(r[k] for r in measured) for k in range(3)]


sides = {side: medians(side) for side in ["swift"] + PEERS}
inner = {}
for peer in PEERS:
    reports = [json.load(open(f"{out}/{peer}-{i}.json")) for i in range(1, runs + 1)]
    inner[peer] = (statistics.median(p["load_seconds"] + p["validate_seconds"] for p in reports),
                   statistics.median(p["load_cpu_seconds"] + p["validate_cpu_seconds"] for p in reports))
raw_mb = rows * 10 * 8 / 1e6

print(f"data-validate: {rows:,} rows, 10 numeric + 2 text columns, 10 expectations, median of {runs} "
      "alternating runs, whole processes")
print(f"{'':26}{'cicdlab':>10}" + "".join(f"{p:>10}{'ratio':>8}" for p in PEERS))
for label, k, fmt in [("wall (s)", 0, "{:10.3f}"), ("CPU user+sys (s)", 1, "{:10.3f}"), ("peak RSS (MB)", 2, "{:10.1f}")]:
    ours = sides["swift"][k]
    line = f"{label:26}" + fmt.format(ours)
    for peer in PEERS:
        line += fmt.format(sides[peer][k]) + f"{sides[peer][k] / ours:7.1f}x"
    print(line)
line = f"{'wall, load+validate only':26}{sides['swift'][0]:10.3f}"
for peer in PEERS:
    line += f"{inner[peer][0]:10.3f}{inner[peer][0] / sides['swift'][0]:7.1f}x"
print(line)
print(f"peak RSS / raw numbers ({raw_mb:.0f} MB = rows x 10 numeric columns x 8 bytes): "
      + ", ".join(f"{side if side != 'swift' else 'cicdlab'} {sides[side][2] / raw_mb:.2f}x" for side in sides))
print("(ratio = peer / cicdlab: above 1 means cicdlab is faster or smaller; cicdlab's 'only' row is its whole process)")

ours = json.load(open(f"{out}/swift-1.json"))["results"]
failed = False
for peer in PEERS:
    theirs = json.load(open(f"{out}/{peer}-1.json"))["results"]
    disagreements = []
    for mine, other in zip(ours, theirs):
        same = mine["success"] == other["success"] and (
            other["unexpected_count"] is None or mine["unexpected_count"] == other["unexpected_count"])
        if not same:
            disagreements.append(f"{mine['expectation']} {mine['column']}: cicdlab {mine['success']}/"
                                 f"{mine['unexpected_count']}, {peer} {other['success']}/{other['unexpected_count']}")
    if disagreements or len(ours) != len(theirs):
        print(f"verdicts DIFFER from {peer}:\n  " + "\n  ".join(disagreements))
        failed = True
if failed:
    sys.exit(1)
verdicts = ", ".join("pass" if r["success"] else "FAIL" for r in ours)
print(f"verdicts agree with pandas, polars and DuckDB on all {len(ours)} expectations ({verdicts})")
