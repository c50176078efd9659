"""The DuckDB peer of the data-validate benchmark: DuckDB (Python) loads the CSV into an
in-memory table (all cores) and runs the same ten checks as suite.yaml in SQL, with Great
Expectations' semantics, and prints them as JSON.

    python peer_duckdb.py DATA.csv

Prints the same JSON object as peer.py (pandas), so that compare.py checks the verdicts. The
per-value checks share one scan of the table, as a DuckDB user would write them.
"""
import json
import sys
import os
import time

import duckdb

# The suite's row bounds, which run.sh scales with the rows (900,000..1,100,000 at a million).
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
BOUNDS = (ROWS * 9 // 10, ROWS * 11 // 10)

start, start_cpu = time.perf_counter(), time.process_time()
con = duckdb.connect()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [sys.argv[1]])
loaded, loaded_cpu = time.perf_counter(), time.process_time()

columns = [row[0] for row in con.execute("DESCRIBE t").fetchall()]
(rows, null_total, n_total, n_age, bad_age, n_tenure, bad_tenure, n_plan, bad_plan, n_region, bad_region,
 mean_monthly, std_balance) = con.execute("""
    SELECT count(*),
           count(*) FILTER (WHERE total_charges IS NULL), count(*),
           count(age), count(*) FILTER (WHERE age NOT BETWEEN 18 AND 90),
           count(tenure), count(*) FILTER (WHERE tenure NOT BETWEEN 0 AND 72),
           count(plan), count(*) FILTER (WHERE plan NOT IN ('basic', 'standard', 'pro', 'enterprise')),
           count(region), count(*) FILTER (WHERE region NOT IN ('north', 'south', 'east', 'west', 'central')),
           avg(monthly_charges), stddev_samp(balance)
    FROM t""").fetchone()
counts = [c for (c,) in con.execute("SELECT count(*) FROM t WHERE plan IS NOT NULL GROUP BY plan").fetchall()]


def per_value(name, column, bad, n, mostly=1.0):
    ok = n == 0 or (n - bad) / n >= mostly
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": int(bad)}


def aggregate(name, column, ok):
    return {"expectation": name, "column": column, "success": bool(ok), "unexpected_count": None}


wanted = ["age", "tenure", "monthly_charges", "total_charges", "plan", "region"]
missing = [c for c in wanted if c not in columns]
results = [
    {"expectation": "columns_exist", "column": None, "success": not missing, "unexpected_count": len(missing)},
    aggregate("row_count_between", None, BOUNDS[0] <= rows <= BOUNDS[1]),
    per_value("not_null", "total_charges", null_total, n_total, 0.99),
    per_value("between", "age", bad_age, n_age, 0.999),
    per_value("between", "tenure", bad_tenure, n_tenure),
    per_value("in_set", "plan", bad_plan, n_plan, 0.999),
    per_value("in_set", "region", bad_region, n_region),
    aggregate("mean_between", "monthly_charges", 60 <= mean_monthly <= 80),
    aggregate("stdev_between", "balance", 400 <= std_balance <= 600),
    aggregate("class_balance", "plan", (min(counts) / max(counts) if len(counts) > 1 else 0) >= 0.1),
]
done, done_cpu = time.perf_counter(), time.process_time()

print(json.dumps({
    "load_seconds": loaded - start,
    "validate_seconds": done - loaded,
    "load_cpu_seconds": loaded_cpu - start_cpu,
    "validate_cpu_seconds": done_cpu - loaded_cpu,
    "success": all(r["success"] for r in results),
    "results": results,
}))
