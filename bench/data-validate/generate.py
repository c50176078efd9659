"""Writes the data-validate benchmark's CSV: 1,000,000 rows (by default) of churn-like data with
10 numeric and 2 categorical columns, deterministic for the seed.

    python generate.py OUT.csv [ROWS] [SEED]

A few values are deliberately bad (ages of -1, tenures above 72, an unknown plan, missing
total charges) so that the suite has failures to find, as real data does.
"""
import sys

import numpy as np
import pandas as pd

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
rng = np.random.default_rng(seed)

age = rng.integers(18, 91, rows)
age[rng.random(rows) < 0.0005] = -1
tenure = rng.integers(0, 73, rows)
late = rng.random(rows) < 0.001
tenure[late] = rng.integers(73, 200, int(late.sum()))
monthly = np.round(rng.uniform(18.0, 120.0, rows), 2)
total = np.round(tenure * monthly * rng.uniform(0.9, 1.1, rows), 2)
sessions = rng.poisson(20, rows)
latency = np.round(rng.lognormal(3.0, 0.5, rows), 3)
score = np.round(rng.random(rows), 4)
balance = np.round(rng.normal(1000.0, 500.0, rows), 2)
visits = rng.integers(0, 500, rows)
rating = np.round(rng.uniform(1.0, 5.0, rows), 1)
plan = rng.choice(["basic", "standard", "pro", "enterprise"], rows, p=[0.45, 0.3, 0.18, 0.07])
plan[rng.random(rows) < 0.0002] = "gold"
region = rng.choice(["north", "south", "east", "west", "central"], rows)

frame = pd.DataFrame({
    "age": age, "tenure": tenure, "monthly_charges": monthly, "total_charges": total,
    "sessions": sessions, "latency_ms": latency, "score": score, "balance": balance,
    "visits": visits, "rating": rating, "plan": plan, "region": region,
})
frame.loc[rng.random(rows) < 0.005, "total_charges"] = np.nan
frame.to_csv(out, index=False, float_format=None)
