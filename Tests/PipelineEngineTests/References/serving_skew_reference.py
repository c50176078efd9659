#!/usr/bin/env python3
"""Reference values for the training-serving skew test (ServingSkewTests.swift).

Run with the reference venv:  /tmp/wtb-venv/bin/python serving_skew_reference.py
Produced with numpy 2 and pandas. Training data: Sandbox/data/churn.csv. Served features:
Sandbox/data/churn-test.csv with monthly_charges multiplied by 100 (dollars sent as cents),
formatted to two decimals as the serving_units change writes them. The statistic is PSI over
bins cut at the training data's deciles, as the drift engine computes it for a numeric column
(the same function as drift_references.py).
"""
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "Sandbox", "data")


def deciles(ref, cur):
    edges = np.unique(np.quantile(ref, [i / 10 for i in range(1, 10)]))
    k = len(edges) + 1
    rc = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=k)
    cc = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=k)
    return rc, cc


def psi_from_counts(rc, cc):
    rp, cp = rc / rc.sum(), cc / cc.sum()
    rp = np.where(rp == 0, 0.0001, rp)
    cp = np.where(cp == 0, 0.0001, cp)
    return float(np.sum((rp - cp) * np.log(rp / cp)))


train = pd.read_csv(os.path.join(DATA, "churn.csv"))
served = pd.read_csv(os.path.join(DATA, "churn-test.csv"))
served["monthly_charges"] = (served["monthly_charges"] * 100).round(2)
for column in ["tenure", "monthly_charges", "total_charges"]:
    rc, cc = deciles(train[column].to_numpy(float), served[column].to_numpy(float))
    print(f'("{column}", {psi_from_counts(rc, cc)!r}),')
