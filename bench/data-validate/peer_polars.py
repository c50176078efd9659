"""The polars peer of the data-validate benchmark: polars reads the CSV (all cores) and runs the
same ten checks as suite.yaml, with Great Expectations' semantics, and prints them as JSON.

    python peer_polars.py DATA.csv

Prints the same JSON object as peer.py (pandas), so that compare.py checks the verdicts.
"""
import json
import sys
import os
import time

import polars as pl

# The suite's row bounds, which run.sh scales with the rows (900,000..1,100,000 at a million).
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
BOUNDS = (ROWS * 9 // 10, ROWS * 11 // 10)

start, start_cpu = time.perf_counter(), time.process_time()
df = pl.read_csv(sys.argv[1])
loaded, loaded_cpu = time.perf_counter(), time.process_time()


def per_value(name, column, unexpected, mostly=1.0, count_nulls=False):
    series = df[column] if count_nulls else df[column].drop_nulls()
    bad = int(unexpected(series).sum())
    n = len(series)
    ok = n == 0 or (n - bad) / n >= mostly
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": bad}


def aggregate(name, column, ok):
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": None}


results = []
wanted = ["age", "tenure", "monthly_charges", "total_charges", "plan", "region"]
missing = [c for c in wanted if c not in df.columns]
results.append({"expectation": "columns_exist", "column": None, "success": not missing,
                "unexpected_count": len(missing)})
results.append(aggregate("row_count_between", None, BOUNDS[0] <= df.height <= BOUNDS[1]))
results.append(per_value("not_null", "total_charges", lambda s: s.is_null(), 0.99, count_nulls=True))
results.append(per_value("between", "age", lambda s: ~s.is_between(18, 90), 0.999))
results.append(per_value("between", "tenure", lambda s: ~s.is_between(0, 72)))
results.append(per_value("in_set", "plan", lambda s: ~s.is_in(["basic", "standard", "pro", "enterprise"]), 0.999))
results.append(per_value("in_set", "region", lambda s: ~s.is_in(["north", "south", "east", "west", "central"])))
results.append(aggregate("mean_between", "monthly_charges", 60 <= df["monthly_charges"].mean() <= 80))
results.append(aggregate("stdev_between", "balance", 400 <= df["balance"].std(ddof=1) <= 600))
counts = df["plan"].drop_nulls().value_counts()["count"]
results.append(aggregate("class_balance", "plan", (counts.min() / counts.max() if len(counts) > 1 else 0) >= 0.1))
done, done_cpu = time.perf_counter(), time.process_time()

print(json.dumps({
    "load_seconds": loaded - start,
    "validate_seconds": done - loaded,
    "load_cpu_seconds": loaded_cpu - start_cpu,
    "validate_cpu_seconds": done_cpu - loaded_cpu,
    "success": all(r["success"] for r in results),
    "results": results,
}))
