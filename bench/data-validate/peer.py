"""The Python peer of the data-validate benchmark: pandas reads the CSV and runs the same ten
checks as suite.yaml, with Great Expectations' semantics, and prints the results as JSON.

    python peer.py DATA.csv

Prints {"load_seconds", "validate_seconds" (wall), "load_cpu_seconds", "validate_cpu_seconds"
(process CPU time), "success", "results": [{"expectation", "column",
"success", "unexpected_count"}]} so that run.sh can compare the verdicts with cicdlab's.
"""
import json
import sys
import os
import time

import pandas as pd

# The suite's row bounds, which run.sh scales with the rows (900,000..1,100,000 at a million).
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
BOUNDS = (ROWS * 9 // 10, ROWS * 11 // 10)

start, start_cpu = time.perf_counter(), time.process_time()
df = pd.read_csv(sys.argv[1])
loaded, loaded_cpu = time.perf_counter(), time.process_time()


def per_value(name, column, unexpected, mostly=1.0, count_nulls=False):
    values = df[column] if count_nulls else df[column].dropna()
    bad = int(unexpected(values).sum())
    n = len(values)
    ok = n == 0 or (n - bad) / n >= mostly
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": bad}


def aggregate(name, column, ok):
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": None}


results = []
wanted = ["age", "tenure", "monthly_charges", "total_charges", "plan", "region"]
missing = [c for c in wanted if c not in df.columns]
results.append({"expectation": "columns_exist", "column": None, "success": not missing,
                "unexpected_count": len(missing)})
results.append(aggregate("row_count_between", None, BOUNDS[0] <= len(df) <= BOUNDS[1]))
results.append(per_value("not_null", "total_charges", lambda s: s.isna(), 0.99, count_nulls=True))
results.append(per_value("between", "age", lambda s: ~s.between(18, 90), 0.999))
results.append(per_value("between", "tenure", lambda s: ~s.between(0, 72)))
results.append(per_value("in_set", "plan", lambda s: ~s.isin(["basic", "standard", "pro", "enterprise"]), 0.999))
results.append(per_value("in_set", "region", lambda s: ~s.isin(["north", "south", "east", "west", "central"])))
results.append(aggregate("mean_between", "monthly_charges", 60 <= df["monthly_charges"].mean() <= 80))
results.append(aggregate("stdev_between", "balance", 400 <= df["balance"].std(ddof=1) <= 600))
counts = df["plan"].value_counts()
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
