#!/usr/bin/env python3
"""Reference values for the drift tests (Tests/PipelineEngineTests/Drift*.swift).

Run with the reference venv:  /work/venv/ref/bin/python drift_references.py [section]
Needs scipy and numpy; the `auto` section also needs evidently (0.7.x, legacy API).

The samples are drawn with SplitMix64 exactly as `SeededRandom` in Swift draws them
(see DriftTestData.swift), so both sides test the same numbers without data files.
"""
import math
import sys

import numpy as np
from scipy import special, stats
from scipy.spatial import distance

MASK = (1 << 64) - 1


class SeededRandom:
    """SplitMix64, the same sequence as Sources/PipelineEngine/Support/SeededRandom.swift."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53

    def gauss(self):
        u = self.unit()
        while u <= 5e-324:
            u = self.unit()
        v = self.unit()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)


def normal(seed, count, mean=0.0, sd=1.0, quantum=1024.0):
    """Gaussian draws rounded to multiples of 1/quantum (DriftTestData.normal)."""
    rng = SeededRandom(seed)
    return np.array([math.floor((mean + sd * rng.gauss()) * quantum + 0.5) / quantum
                     for _ in range(count)])


def categories(seed, count, names, weights):
    """Draws from `names` with the given weights (DriftTestData.categories)."""
    rng = SeededRandom(seed)
    total = sum(weights)
    cumulative = np.cumsum(weights) / total
    out = []
    for _ in range(count):
        u = rng.unit()
        index = 0
        while index < len(names) - 1 and u >= cumulative[index]:
            index += 1
        out.append(names[index])
    return out


def r(x):
    """A float as a Swift literal with every digit that matters."""
    return repr(float(x))


# (name, reference (seed, count, mean, sd, quantum), current (...))
KS_CASES = [
    ("exact, unequal sizes", (1, 100, 0.0, 1.0, 1024.0), (2, 120, 0.3, 1.0, 1024.0)),
    ("exact, equal sizes", (3, 200, 0.0, 1.0, 1024.0), (4, 200, 0.2, 1.0, 1024.0)),
    ("exact, heavy ties", (5, 300, 0.0, 1.0, 2.0), (6, 250, 0.1, 1.0, 2.0)),
    ("exact at the limit", (7, 10000, 0.0, 1.0, 1024.0), (8, 9000, 0.03, 1.0, 1024.0)),
    ("asymptotic past the limit", (7, 10001, 0.0, 1.0, 1024.0), (8, 9000, 0.03, 1.0, 1024.0)),
    ("asymptotic, small effective n", (9, 20000, 0.0, 1.0, 1024.0), (10, 60, 0.4, 1.0, 1024.0)),
    ("asymptotic, large shift", (11, 15000, 0.0, 1.0, 1024.0), (12, 12000, 0.15, 1.0, 1024.0)),
    ("asymptotic, no shift", (13, 12000, 0.0, 1.0, 1024.0), (14, 11000, 0.0, 1.0, 1024.0)),
]


def section_ks():
    print("// ks_2samp(method='auto'): (statistic, pvalue)")
    for name, a, b in KS_CASES:
        x, y = normal(*a), normal(*b)
        res = stats.ks_2samp(x, y)
        print(f'("{name}", {a}, {b}, {r(res.statistic)}, {r(res.pvalue)}),')
    print("// kstwo.sf(x, n)")
    for n, x in [(10, 0.05), (10, 0.3), (10, 0.6), (50, 0.1), (50, 0.2), (50, 0.35), (100, 0.3),
                 (140, 0.07), (141, 0.07), (1000, 0.02), (1000, 0.06), (5000, 0.012),
                 (25000, 0.005), (25000, 0.02), (100000, 0.0025), (150000, 0.002),
                 (500000, 0.001), (500000, 0.003), (2000000, 0.001), (80, 0.0124), (300, 0.003)]:
        print(f"({n}, {r(x)}, {r(stats.kstwo.sf(x, n))}),")
    print("// smirnov(n, x)")
    for n, x in [(5, 0.3), (20, 0.1), (20, 0.5), (100, 0.2), (1000, 0.05), (500000, 0.003),
                 (10, 0.95), (2000000, 0.001)]:
        print(f"({n}, {r(x)}, {r(special.smirnov(n, x))}),")


if __name__ == "__main__":
    wanted = sys.argv[1:] or [name[len("section_"):] for name in dir() if name.startswith("section_")]
    for name in wanted:
        print(f"// ---- {name}")
        globals()[f"section_{name}"]()
