"""Reference numbers for PairedComparisonTests: McNemar's exact test and the paired t-test.

    /tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/paired_comparison_references.py

statsmodels 0.15.0, scipy 1.17.1, numpy 2.4.6.

Classification: each case is the 2x2 table of paired rows, (a, b, c, d) = both right, only the
champion right, only the challenger right, neither. Printed: statsmodels' exact McNemar
(statistic min(b, c) and two-sided p-value), the accuracy difference (c - b) / n and its 95 %
interval diff +- 1.96 * sqrt((b + c) - (c - b)^2 / n) / n.

The lower tail of Binomial(n, 1/2), P(X <= k), exactly in rational arithmetic and then
rounded once, for the tails McNemar's test sums.

Regression: scipy.stats.ttest_rel(abs_err_champion, abs_err_challenger): t, df, two-sided p,
the mean difference and its 95 % confidence interval; and the interval's multiplier,
scipy.stats.t.ppf(0.975, df); and two-sided tails 2 * scipy.stats.t.sf(|t|, df) over a range
of t and df, as large as a week of production labels.
"""
import math
from fractions import Fraction

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar

TABLES = [
    (12, 0, 0, 8),         # n < 30 and b + c = 0: the two models get the same rows right
    (7, 1, 5, 2),          # n = 15
    (11, 2, 9, 3),         # n = 25
    (760, 40, 41, 159),    # 0.001 ahead on 1,000 rows
    (740, 20, 60, 180),    # clearly ahead on 1,000 rows
    (3300, 610, 520, 570), # b + c = 1,130, behind
    (1100, 1400, 1350, 150),  # b + c = 2,750
    (400, 0, 30, 70),      # min(b, c) = 0
    (10, 9, 1, 0),         # n = 20, behind
    (100, 300, 700, 900),  # b + c = 1,000 far apart: a p-value near 1e-36
    (336, 67, 31, 66),     # the churn sandbox: logistic champion, naive Bayes challenger (end to end)
    (366, 37, 22, 75),     # the churn sandbox: logistic champion, k-NN challenger (end to end)
]

TAILS = [(0, 1), (3, 10), (575, 1200), (1350, 2750), (1000, 3000), (1500, 3000), (5, 1000)]

REGRESSION = [
    # truth, champion's predictions, challenger's predictions
    (
        [3.1, 4.7, 2.2, 8.9, 5.5, 6.0, 7.3, 1.8],
        [2.6, 5.9, 2.0, 7.1, 6.4, 5.2, 8.8, 2.9],
        [3.0, 5.1, 2.5, 8.2, 5.1, 6.3, 7.9, 2.2],
    ),
    (
        [10.0, 12.5, 9.8, 14.1, 11.7, 13.3, 10.9, 12.0, 15.2, 9.1, 11.1, 13.8],
        [10.4, 12.1, 10.5, 13.2, 11.9, 13.0, 11.8, 11.5, 14.1, 9.9, 10.6, 14.3],
        [10.9, 12.8, 9.2, 13.0, 12.6, 13.9, 10.1, 12.9, 14.6, 9.7, 11.8, 13.1],
    ),
    (
        [0.5, 1.5, 2.5, 3.5, 4.5, 5.5],
        [0.9, 1.2, 2.9, 3.0, 4.9, 5.0],
        [0.7, 1.9, 2.8, 3.9, 4.1, 5.9],
    ),
    (
        [20.0, 35.0, 41.0, 18.0, 27.0, 33.0, 29.0, 45.0, 38.0, 22.0],
        [26.0, 29.0, 48.0, 12.0, 33.0, 26.0, 36.0, 39.0, 31.0, 28.0],
        [21.5, 33.8, 42.9, 19.1, 25.6, 34.2, 27.7, 46.3, 36.5, 23.4],
    ),
]

if __name__ == "__main__":
    print("// (a, b, c, d, statistic, p-value, difference, low, high)")
    for a, b, c, d in TABLES:
        result = mcnemar([[a, b], [c, d]], exact=True)
        n = a + b + c + d
        diff = (c - b) / n
        half = 1.96 * math.sqrt((b + c) - (c - b) ** 2 / n) / n
        print(f"({a}, {b}, {c}, {d}, {float(result.statistic)!r}, {float(result.pvalue)!r}, {diff!r}, {diff - half!r}, {diff + half!r}),")
    print("// (k, n, P(X <= k))")
    for k, n in TAILS:
        exact = Fraction(sum(math.comb(n, j) for j in range(k + 1)), 2**n)
        print(f"({k}, {n}, {float(exact)!r}),")
    print("// (t, df, p-value, mean difference, low, high)")
    for truth, champion, challenger in REGRESSION:
        truth, champion, challenger = map(np.array, (truth, champion, challenger))
        first, second = np.abs(champion - truth), np.abs(challenger - truth)
        result = stats.ttest_rel(first, second)
        low, high = result.confidence_interval(0.95)
        print(f"({float(result.statistic)!r}, {int(result.df)}, {float(result.pvalue)!r}, {float(np.mean(first - second))!r}, {float(low)!r}, {float(high)!r}),")
    print("// (df, t.ppf(0.975, df))")
    for df in [1, 2, 10, 100, 1000]:
        print(f"({df}, {float(stats.t.ppf(0.975, df))!r}),")
    print("// (t, df, 2 * t.sf(|t|, df))")
    for t, df in [(0.001, 1), (0.5, 3), (2.0, 30), (-1.7, 999), (3.3, 999), (1.96, 5000), (8.0, 5000), (40.0, 12)]:
        print(f"({t}, {df}, {float(2 * stats.t.sf(abs(t), df))!r}),")
