#!/usr/bin/env python3
"""Writes reference.csv and current.csv: ROWS rows of 10 numeric columns each.

    generate.py OUT_DIR [ROWS]

The columns have different shapes (normal, skewed, heavy-tailed, bimodal, bounded, discrete)
and the current file shifts four of them by small to moderate amounts, so that some columns
drift and some do not. Seeded: the same files every time.
"""
import os
import sys

import numpy as np
import pandas as pd


def columns(rng, rows, shifted):
    s = 1.0 if shifted else 0.0
    return {
        "normal": rng.normal(0.0 + 0.02 * s, 1.0, rows),
        "income": rng.lognormal(10.0, 0.5 + 0.05 * s, rows),
        "latency": rng.exponential(120.0, rows),
        "score": rng.standard_t(5, rows),
        "mixture": np.where(rng.random(rows) < 0.3 + 0.1 * s, rng.normal(-2, 0.5, rows), rng.normal(1, 1, rows)),
        "ratio": rng.beta(2.0, 5.0, rows),
        "tenure": rng.integers(0, 120, rows).astype(float),
        "temperature": rng.normal(20.0 + 0.5 * s, 5.0, rows),
        "balance": rng.gamma(2.0, 500.0, rows),
        "uniform": rng.uniform(-1.0, 1.0, rows),
    }


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(out, exist_ok=True)
    for name, seed, shifted in [("reference", 1, False), ("current", 2, True)]:
        frame = pd.DataFrame(columns(np.random.default_rng(seed), rows, shifted))
        frame.to_csv(os.path.join(out, f"{name}.csv"), index=False, float_format="%.6g")


if __name__ == "__main__":
    main()
