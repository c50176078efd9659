"""Reference values for DataProfileTests and DataDiffTests (pandas + NumPy).

Run: /work/venv/ref/bin/python Tests/PipelineEngineTests/References/data_profile.py
The CSV texts below are copied verbatim in the Swift tests.
"""
import io
import numpy as np
import pandas as pd

REFERENCE = """tenure,charges,plan,paperless
1,29.85,basic,true
34,56.95,pro,false
2,53.85,basic,true
45,42.30,pro,false
2,70.70,basic,true
8,,premium,true
22,89.10,basic,
10,29.75,pro,false
28,104.80,premium,true
62,56.15,basic,false
13,49.95,basic,true
16,18.95,pro,false
"""

CURRENT = """tenure,charges,plan,region
1,39.85,basic,north
,66.95,pro,south
2,63.85,enterprise,north
45,,pro,east
2,80.70,basic,north
8,61.20,enterprise,south
22,99.10,basic,west
10,39.75,pro,north
"""

ref = pd.read_csv(io.StringIO(REFERENCE))
cur = pd.read_csv(io.StringIO(CURRENT))

print("== profile of REFERENCE")
for name in ["tenure", "charges"]:
    s = ref[name].dropna()
    counts, edges = np.histogram(s, bins=10)
    print(name, "mean", repr(s.mean()), "std", repr(s.std(ddof=1)), "min", s.min(), "max", s.max(),
          "p25", repr(s.quantile(0.25)), "median", repr(s.median()), "p75", repr(s.quantile(0.75)),
          "nunique", s.nunique(), "nulls", ref[name].isna().sum())
    print("  edges", [repr(e) for e in edges])
    print("  counts", list(counts))
for name in ["plan", "paperless"]:
    print(name, "nunique", ref[name].nunique(), "nulls", ref[name].isna().sum(),
          "value_counts", dict(ref[name].value_counts()))

print("== diff REFERENCE -> CURRENT")
for name in ["tenure", "charges"]:
    a, b = ref[name].dropna(), cur[name].dropna()
    print(name, "null%", ref[name].isna().mean() * 100, cur[name].isna().mean() * 100,
          "mean", repr(a.mean()), repr(b.mean()), "std", repr(a.std()), repr(b.std()),
          "shift", repr((b.mean() - a.mean()) / a.std()), "nunique", a.nunique(), b.nunique())
print("plan new", set(cur["plan"].dropna()) - set(ref["plan"].dropna()),
      "missing", set(ref["plan"].dropna()) - set(cur["plan"].dropna()))
