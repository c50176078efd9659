#!/usr/bin/env python3
"""Reference values for the drift tests (Tests/PipelineEngineTests/Drift*.swift).

Run with the reference venv:  /work/venv/ref/bin/python drift_references.py [section]
Produced with scipy 1.17.1, numpy 2.4.6, pandas 3.1.1 and evidently 0.7.23 (`pip install
evidently`); the `categories` and `ztest` sections use Evidently's legacy stattests, `auto` its
current `DataDriftPreset` (checked with evidently 0.7.21; it imports a helper pandas 3 removed,
stubbed below, unused).

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
    """SplitMix64, the same sequence as Sources/LabSupport/SeededRandom.swift."""

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
                 (500000, 0.001), (500000, 0.003), (2000000, 0.001), (2000000, 0.0015),
                 (1000, 0.0125), (300, 0.02), (80, 0.0124)]:
        print(f"({n}, {r(x)}, {r(stats.kstwo.sf(x, n))}),")
    print("// smirnov(n, x)")
    for n, x in [(5, 0.3), (20, 0.1), (20, 0.5), (100, 0.2), (1000, 0.05), (500000, 0.003),
                 (10, 0.95), (2000000, 0.001)]:
        print(f"({n}, {r(x)}, {r(special.smirnov(n, x))}),")



def section_chi2():
    print("// chi2.sf(x, k)")
    for x, k in [(0.5, 1), (3.2, 2), (12.0, 5), (250.0, 200), (180.0, 200), (1500.0, 999), (90.0, 3), (1e-3, 4)]:
        print(f"({r(x)}, {k}, {r(stats.chi2.sf(x, k))}),")


def deciles(ref, cur):
    """Counts over bins cut at the reference's deciles (Buckets.deciles in Swift)."""
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


def value_counts(ref, cur):
    keys = sorted(set(ref) | set(cur))
    rc = np.array([list(ref).count(k) for k in keys], dtype=float)
    cc = np.array([list(cur).count(k) for k in keys], dtype=float)
    return keys, rc, cc


PSI_NUMERIC = [
    ("small shift", (31, 2000, 0.0, 1.0, 1024.0), (32, 1500, 0.25, 1.0, 1024.0)),
    ("empty current bins", (33, 1000, 0.0, 1.0, 1024.0), (34, 800, 3.0, 0.3, 1024.0)),
    ("ties merge edges", [(35, 600, 0.0, 0.0, 1.0), (37, 400, 0.0, 1.0, 1024.0)],
     [(36, 300, 0.0, 0.0, 1.0), (38, 500, 0.5, 1.0, 1024.0)]),
]


def sample(spec):
    """One spec, or a list of specs whose samples are joined."""
    if isinstance(spec, list):
        return np.concatenate([normal(*part) for part in spec])
    return normal(*spec)


def section_psi():
    print("// PSI over reference deciles: (psi, jensenshannon, chisquare statistic, chisquare p)")
    for name, a, b in PSI_NUMERIC:
        x, y = sample(a), sample(b)
        rc, cc = deciles(x, y)
        chi = stats.chisquare(cc, rc * (len(y) / len(x)))
        print(f'("{name}", {a}, {b}, {r(psi_from_counts(rc, cc))}, '
              f'{r(distance.jensenshannon(rc / rc.sum(), cc / cc.sum()))}, {r(chi.statistic)}, {r(chi.pvalue)}),')
        print(f"//   bins {len(rc)}: ref {list(rc)} cur {list(cc)}")


CATEGORY_CASES = [
    ("same categories", (41, 800, ["a", "b", "c", "d"], [4, 3, 2, 1]), (42, 600, ["a", "b", "c", "d"], [3, 3, 2, 2])),
    ("category gone in current", (43, 500, ["a", "b", "c"], [5, 3, 2]), (44, 400, ["a", "b"], [1, 1])),
    ("category new in current", (45, 500, ["a", "b"], [1, 1]), (46, 400, ["a", "b", "z"], [4, 4, 2])),
    ("many categories", (47, 3000, [f"k{i}" for i in range(12)], list(range(1, 13))),
     (48, 2500, [f"k{i}" for i in range(12)], list(range(12, 0, -1)))),
]


def evidently_stattests():
    import pandas.core.dtypes.common as common
    if not hasattr(common, "infer_dtype_from_object"):  # removed in pandas 3; unused here
        common.infer_dtype_from_object = lambda x: x
    from evidently.legacy.calculations.stattests import chisquare_stattest, jensenshannon, psi, z_stattest
    from evidently.legacy.core import ColumnType
    return chisquare_stattest, jensenshannon, psi, z_stattest, ColumnType


def section_categories():
    import pandas as pd
    chi, js, psi_mod, _, ColumnType = evidently_stattests()
    print("// categories: (chisquare stat, chisquare p [evidently], psi [evidently], jensenshannon [evidently], tvd)")
    for name, a, b in CATEGORY_CASES:
        x, y = categories(*a), categories(*b)
        keys, rc, cc = value_counts(x, y)
        stat = stats.chisquare(cc, rc * (len(y) / len(x))).statistic
        rs, cs = pd.Series(x), pd.Series(y)
        p = chi._chi_stat_test(rs, cs, ColumnType.Categorical, 0.05)[0]
        ps = psi_mod._psi(rs, cs, ColumnType.Categorical, 0.1)[0]
        j = js._jensenshannon(rs, cs, ColumnType.Categorical, 0.1)[0]
        tvd = 0.5 * np.abs(rc / rc.sum() - cc / cc.sum()).sum()
        print(f'("{name}", {r(stat)}, {r(p)}, {r(ps)}, {r(j)}, {r(tvd)}),')


Z_CASES = [
    ("balanced shift", (51, 700, ["no", "yes"], [7, 3]), (52, 650, ["no", "yes"], [6, 4])),
    ("no shift", (53, 400, ["no", "yes"], [1, 1]), (54, 450, ["no", "yes"], [1, 1])),
    ("one side constant", (55, 300, ["no", "yes"], [1, 0]), (56, 300, ["no", "yes"], [9, 1])),
]


def section_ztest():
    import pandas as pd
    _, _, _, z, ColumnType = evidently_stattests()
    print("// ztest: (z with 'yes' as the counted value, p [evidently])")
    for name, a, b in Z_CASES:
        x, y = categories(*a), categories(*b)
        zs = z.proportions_diff_z_stat_ind(pd.Series([v == "yes" for v in x]).astype(int),
                                           pd.Series([v == "yes" for v in y]).astype(int))
        p = z._z_stat_test(pd.Series(x), pd.Series(y), ColumnType.Categorical, 0.05)[0]
        print(f'("{name}", {r(zs)}, {r(p)}),')


WASSERSTEIN_CASES = [
    ("shifted", (61, 3000, 0.0, 1.0, 1024.0), (62, 2000, 0.2, 1.0, 1024.0)),
    ("wider", (63, 1500, 5.0, 2.0, 1024.0), (64, 1500, 5.0, 3.0, 1024.0)),
    ("constant reference", (65, 50, 2.0, 0.0, 1024.0), (66, 40, 2.0, 0.5, 1024.0)),
]


def section_wasserstein():
    print("// wasserstein / max(np.std(ref), 0.001); effect (mean_c - mean_r) / max(std_r, 0.001)")
    for name, a, b in WASSERSTEIN_CASES:
        x, y = normal(*a), normal(*b)
        sd = max(float(np.std(x)), 0.001)
        w = stats.wasserstein_distance(x, y) / sd
        d = (y.mean() - x.mean()) / sd
        print(f'("{name}", {a}, {b}, {r(w)}, {r(d)}),')



# Columns for the `auto` comparison with Evidently: (name, kind, reference spec, current spec).
# kind: "normal" (seed, count, mean, sd, quantum) as float; "int" / "float" / "str" / "bool"
# draws (seed, count, values, weights) from `categories`.
def auto_tables(ref_rows, cur_rows, seed):
    s = seed
    return [
        ("score", "normal", (s + 1, ref_rows, 0.0, 1.0, 1024.0), (s + 2, cur_rows, 0.1, 1.0, 1024.0)),
        ("income", "normal", (s + 3, ref_rows, 50.0, 10.0, 16.0), (s + 4, cur_rows, 53.0, 10.0, 16.0)),
        ("visits", "int", (s + 5, ref_rows, [0, 1, 2], [5, 3, 2]), (s + 6, cur_rows, [0, 1, 2], [4, 4, 2])),
        ("churned", "int", (s + 7, ref_rows, [0, 1], [8, 2]), (s + 8, cur_rows, [0, 1], [7, 3])),
        ("rating", "int", (s + 9, ref_rows, [1, 2, 3, 4], [1, 2, 3, 4]), (s + 10, cur_rows, [1, 2, 3, 4, 5, 6, 7], [1, 1, 1, 1, 1, 1, 1])),
        ("tier", "float", (s + 11, ref_rows, [0.5, 1.5, 2.5, 3.5, 4.5], [1, 1, 1, 1, 1]), (s + 12, cur_rows, [0.5, 1.5, 2.5, 3.5, 4.5], [1, 1, 1, 1, 2])),
        ("plan", "str", (s + 13, ref_rows, ["basic", "plus", "pro"], [6, 3, 1]), (s + 14, cur_rows, ["basic", "plus", "pro"], [5, 3, 2])),
        ("region", "str", (s + 15, ref_rows, ["north", "south"], [1, 1]), (s + 16, cur_rows, ["north", "south"], [1, 1])),
        ("active", "bool", (s + 17, ref_rows, [False, True], [3, 7]), (s + 18, cur_rows, [False, True], [4, 6])),
        ("device", "str", (s + 19, ref_rows, ["ios", "android", "web", "tv", "car", "watch"], [5, 5, 4, 1, 1, 1]),
         (s + 20, cur_rows, ["ios", "android", "web", "tv", "car", "watch"], [5, 5, 4, 1, 1, 1])),
    ]


def auto_frame(columns, side):
    import pandas as pd
    data = {}
    for name, kind, ref, cur in columns:
        spec = ref if side == 0 else cur
        if kind == "normal":
            data[name] = normal(*spec)
        else:
            values = categories(spec[0], spec[1], list(range(len(spec[2]))), spec[3])
            picked = [spec[2][v] for v in values]
            dtype = {"int": "int64", "float": "float64", "str": object, "bool": bool}[kind]
            data[name] = pd.Series(picked, dtype=dtype)
    return pd.DataFrame(data)


def section_auto():
    """Evidently 0.7's current default, `DataDriftPreset` (not the legacy `DataDriftTable`).

    It infers column types from the current data (`infer_column_type`), so `rating`, an
    integer column with 7 distinct values, is categorical here where DataDriftTable used KS.
    """
    evidently_stattests()
    from evidently import Report
    from evidently.presets import DataDriftPreset
    for label, ref_rows, cur_rows, seed in [("small reference", 600, 500, 100), ("large reference", 3000, 2500, 200)]:
        columns = auto_tables(ref_rows, cur_rows, seed)
        snapshot = Report([DataDriftPreset()]).run(
            current_data=auto_frame(columns, 1), reference_data=auto_frame(columns, 0))
        metrics = snapshot.dict()["metrics"]
        count = metrics[0]["value"]
        print(f"// {label}: Evidently {count['count']} drifted, share {count['share']}")
        for metric in metrics[1:]:
            config = metric["config"]
            method, score = config["method"], metric["value"]
            drifted = score <= config["threshold"] if "p_value" in method else score >= config["threshold"]
            print(f'("{config["column"]}", "{method}", {r(score)}, {str(drifted).lower()}),')



VOCABULARY = [f"w{i}" for i in range(60)]


def texts(seed, count, word_weights, length_weights):
    """Sentences of 3 to 8 words (DriftTestData.texts in Swift)."""
    lengths = categories(seed, count, list(range(3, 9)), length_weights)
    words = categories(seed + 1000, sum(lengths), VOCABULARY, word_weights)
    out, start = [], 0
    for n in lengths:
        out.append("Say " + " ".join(words[start:start + n]) + ".")
        start += n
    return out


def section_text():
    import re
    from collections import Counter
    flat = [1] * 60
    skewed = [60 - i for i in range(60)]
    cases = [
        ("same words, longer texts", (71, 400, flat, [1, 1, 1, 1, 1, 1]), (72, 300, flat, [0, 0, 1, 1, 2, 2])),
        ("other words", (73, 1500, flat, [1, 1, 1, 1, 1, 1]), (74, 1200, skewed, [1, 1, 1, 1, 1, 1])),
    ]
    print("// text: (length method, length statistic, length p or None, tokens jensenshannon, tokens tvd)")
    for name, a, b in cases:
        x, y = texts(*a), texts(*b)
        lx, ly = np.array([len(t) for t in x], float), np.array([len(t) for t in y], float)
        if len(x) <= 1000:
            ks = stats.ks_2samp(lx, ly)
            length = ("ks", ks.statistic, ks.pvalue)
        else:
            length = ("wasserstein", stats.wasserstein_distance(lx, ly) / max(np.std(lx), 0.001), None)
        cx = Counter(tok for t in x for tok in re.findall(r"[a-z0-9]+", t.lower()))
        cy = Counter(tok for t in y for tok in re.findall(r"[a-z0-9]+", t.lower()))
        combined = cx + cy
        top = [k for k, _ in sorted(combined.items(), key=lambda kv: (-kv[1], kv[0]))[:50]]
        keys = top + ["(other)"]
        fold = lambda c: np.array([c[k] for k in top] + [sum(v for k, v in c.items() if k not in top)], float)
        rx, ry = fold(cx), fold(cy)
        js = distance.jensenshannon(rx / rx.sum(), ry / ry.sum())
        tvd = 0.5 * np.abs(rx / rx.sum() - ry / ry.sum()).sum()
        p = "nil" if length[2] is None else r(length[2])
        print(f'("{name}", .{length[0]}, {r(length[1])}, {p}, {r(js)}, {r(tvd)}),')


if __name__ == "__main__":
    wanted = sys.argv[1:] or [name[len("section_"):] for name in dir() if name.startswith("section_")]
    for name in wanted:
        print(f"// ---- {name}")
        globals()[f"section_{name}"]()
