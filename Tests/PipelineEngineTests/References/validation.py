"""Reference values for ValidationTests: Great Expectations' semantics computed with pandas.

Run: /work/venv/ref/bin/python Tests/PipelineEngineTests/References/validation.py
The CSV below is copied verbatim in ValidationTests.swift. For per-value expectations GE
drops nulls first (except not_null), counts unexpected values, reports
unexpected_percent = unexpected / non-null * 100, and succeeds when
(non-null - unexpected) / non-null >= mostly.
"""
import io
import re
import pandas as pd

CSV = """id,tenure,plan,churned,email,zip:string,charges
1,12,basic,0,ann@example.com,02134,29.85
2,,pro,0,bob@example.com,10001,56.95
3,80,basic,1,cy@mail.org,9021,53.85
4,5,gold,0,dee@example.com,60601,42.30
5,0,basic,0,eve(at)example.com,02134,70.70
5,0,basic,0,eve(at)example.com,02134,70.70
7,72,pro,1,fay@example.com,30301,89.10
8,-1,,0,gus@example.com,94105,29.75
9,33,premium,0,hal@example.com,,104.80
10,,pro,1,ivy@example.com,73301,56.15
11,24,basic,0,jo@example.com,02134,
12,60,silver,0,kim@example.com,123456,18.95
"""

df = pd.read_csv(io.StringIO(CSV.replace("zip:string", "zip")), dtype={"zip": str})


def per_value(name, series, unexpected_mask, mostly=1.0, count_nulls=False):
    values = series if count_nulls else series.dropna()
    mask = unexpected_mask(values)
    n, u = len(values), int(mask.sum())
    ok = True if n == 0 else (n - u) / n >= mostly
    rows = [i + 1 for i in values[mask].index[:5]]
    print(f"{name}: success={ok} element_count={n} unexpected={u} percent={u / n * 100!r} rows={rows}")


per_value("not_null tenure", df.tenure, lambda s: s.isna(), count_nulls=True)
per_value("not_null tenure mostly 0.8", df.tenure, lambda s: s.isna(), 0.8, count_nulls=True)
per_value("not_null tenure mostly 0.9", df.tenure, lambda s: s.isna(), 0.9, count_nulls=True)
per_value("between tenure 0..72", df.tenure, lambda s: ~s.between(0, 72))
per_value("between tenure 0..72 mostly 0.8", df.tenure, lambda s: ~s.between(0, 72), 0.8)
per_value("between tenure 0..72 strict", df.tenure, lambda s: ~((s > 0) & (s < 72)))
per_value("between tenure min 0", df.tenure, lambda s: ~(s >= 0))
per_value("between tenure max 72 strict", df.tenure, lambda s: ~(s < 72))
per_value("in_set plan", df.plan, lambda s: ~s.isin(["basic", "pro", "premium"]))
per_value("in_set churned", df.churned, lambda s: ~s.isin([0, 1]))
per_value("unique id", df.id, lambda s: s.duplicated(keep=False))
per_value("match_regex email", df.email, lambda s: ~s.map(lambda v: re.search(r"@example\.com", v) is not None))
per_value("match_regex email ^[a-z]+@", df.email, lambda s: ~s.map(lambda v: re.search(r"^[a-z]+@", v) is not None), 0.9)
per_value("length zip 5..5", df.zip, lambda s: ~s.str.len().between(5, 5))
print("rows", len(df))
print("mean charges", repr(df.charges.mean()), "std charges", repr(df.charges.std(ddof=1)))
counts = df.churned.value_counts()
print("class_balance churned", dict(counts), repr(counts.min() / counts.max()))
print("duplicated rows", int(df.duplicated().sum()), repr(df.duplicated().mean()),
      [i + 1 for i in df.index[df.duplicated()]])
