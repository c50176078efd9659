"""Writes the training benchmark's data: a deterministic binary-label CSV.

    python generate.py OUT_DIR [ROWS]

OUT_DIR/train.csv has ROWS rows (default 1,000,000) and OUT_DIR/test.csv a fifth as many,
each with 10 numeric columns on different scales, 2 categorical columns (5 and 8 values) and
a 0/1 label drawn from a logistic model of them.
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

out = Path(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
out.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20240601)

means = rng.normal(0, 50, 10)
scales = np.exp(rng.uniform(-2, 4, 10))
weights = rng.normal(0, 1, 10)
plans = np.array(["basic", "plus", "pro", "team", "enterprise"])
plan_effect = rng.normal(0, 1, 5)
regions = np.array([f"region_{i}" for i in range(8)])
region_effect = rng.normal(0, 0.7, 8)


def frame(n):
    z = rng.normal(0, 1, (n, 10))
    plan = rng.integers(0, 5, n)
    region = rng.integers(0, 8, n)
    logit = z @ weights * 0.8 + plan_effect[plan] + region_effect[region] - 0.3
    label = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    data = pd.DataFrame(np.round(z * scales + means, 4), columns=[f"x{i}" for i in range(10)])
    data["plan"] = plans[plan]
    data["region"] = regions[region]
    data["label"] = label
    return data


frame(rows).to_csv(out / "train.csv", index=False)
frame(rows // 5).to_csv(out / "test.csv", index=False)
