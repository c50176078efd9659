#!/usr/bin/env python3
"""The same drift tests with pandas, numpy and scipy, for bench/drift/run.sh.

    peer.py REFERENCE.csv CURRENT.csv METHOD

METHOD is ks, wasserstein, psi, jensenshannon or auto (which, for a reference of more than
1000 rows and numeric columns with more than 5 values, is normed Wasserstein, as in
Evidently and cicdlab). Prints one JSON object: load_seconds (pandas.read_csv of both
files), compute_seconds (the tests on every column, one after another as Evidently runs
them) and each column's statistic and p-value.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def decile_shares(ref, cur):
    """Shares over bins cut at the reference's deciles, as cicdlab's PSI and Jensen-Shannon."""
    edges = np.unique(np.quantile(ref, [i / 10 for i in range(1, 10)]))
    k = len(edges) + 1
    rc = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=k) / len(ref)
    cc = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=k) / len(cur)
    return rc, cc


def psi(ref, cur):
    rc, cc = decile_shares(ref, cur)
    rc = np.where(rc == 0, 0.0001, rc)
    cc = np.where(cc == 0, 0.0001, cc)
    return float(np.sum((rc - cc) * np.log(rc / cc))), None


def jensenshannon(ref, cur):
    rc, cc = decile_shares(ref, cur)
    return float(distance.jensenshannon(rc, cc)), None


def ks(ref, cur):
    result = stats.ks_2samp(ref, cur)
    return float(result.statistic), float(result.pvalue)


def wasserstein(ref, cur):
    return float(stats.wasserstein_distance(ref, cur) / max(float(np.std(ref)), 0.001)), None


METHODS = {"ks": ks, "wasserstein": wasserstein, "psi": psi, "jensenshannon": jensenshannon, "auto": wasserstein}


def main():
    ref_path, cur_path, method = sys.argv[1], sys.argv[2], sys.argv[3]
    start = time.perf_counter()
    reference, current = pd.read_csv(ref_path), pd.read_csv(cur_path)
    loaded = time.perf_counter()
    results = []
    for name in reference.columns:
        ref = reference[name].replace([np.inf, -np.inf], np.nan).dropna().to_numpy()
        cur = current[name].replace([np.inf, -np.inf], np.nan).dropna().to_numpy()
        statistic, p_value = METHODS[method](ref, cur)
        results.append({"column": name, "statistic": statistic, "p_value": p_value})
    done = time.perf_counter()
    print(json.dumps({"load_seconds": loaded - start, "compute_seconds": done - loaded, "columns": results}))


if __name__ == "__main__":
    main()
