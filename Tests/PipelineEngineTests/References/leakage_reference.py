"""Reference values for LeakageTests: shared rows, shared ids, single-feature leakage and time
order recomputed with pandas and scikit-learn.

Run: /tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/leakage_reference.py
It writes the generated fixtures under Fixtures/leakage/ (seeded, so the same files each time),
then prints every figure the Swift tests quote. Rows compare by value after pandas reads them,
a null equal to a null (the id column left out); the AUC is roc_auc_score(y, x) on the rows
where both are present, with scikit-learn's positive class (the larger label); a text column's
categories include null, and a category is pure with at least 10 rows of one label.
"""
import io
import os

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures", "leakage")

HAND_TRAIN = """id,age,plan,score,y
1,30,basic,2.5,0
2,41,pro,,1
3,30,basic,2.5,0
4,55,,7.25,1
5,23,basic,1.0,0
6,62,pro,9.0,1
7,35,basic,3.0,1
8,47,pro,6.5,0
"""
HAND_TEST = """id,age,plan,score,y
9,30,basic,2.50,0
2,41,pro,,1
10,55,,7.25,1
11,30,basic,2.5,0
12,38,pro,4.0,0
13,30,basic,2.5,1
"""


def generated(rng, n, first_id, first_day):
    tenure = rng.integers(0, 73, n)
    charges = np.round(rng.uniform(18, 120, n), 2)
    churned = ((charges / 120 - tenure / 72 + rng.normal(0, 0.35, n)) > 0).astype(int)
    frame = pd.DataFrame({
        "id": np.arange(first_id, first_id + n),
        "day": [str(pd.Timestamp(first_day) + pd.Timedelta(days=int(i // 5))).split(" ")[0] for i in range(n)],
        "tenure": tenure,
        "charges": charges,
        "plan": rng.choice(["basic", "pro", "premium"], n),
        "churned": churned,
    })
    frame.loc[rng.random(n) < 0.05, "charges"] = np.nan
    return frame


def add_leaks(frame, rng):
    n = len(frame)
    y = frame.churned.to_numpy()
    frame["refund"] = y
    frame["almost"] = np.round(y * 10 + rng.normal(0, 2.2, n), 3)
    reason = np.where(y == 1, rng.choice(["price", "service", "moved"], n), "none")
    other = rng.random(n) < 0.003
    reason[other] = "other"
    frame["reason"] = reason
    region = rng.choice([f"r{k}" for k in range(8)], n).astype(object)
    island = np.flatnonzero(y == 1)[:5]
    region[island] = "island"
    frame["region"] = region
    return frame


def write_fixtures():
    os.makedirs(FIXTURES, exist_ok=True)
    rng = np.random.default_rng(21)
    train = add_leaks(generated(rng, 500, 1, "2024-01-01"), rng)
    test = add_leaks(generated(rng, 200, 480, "2024-04-10"), rng)
    copied = train.iloc[[3, 3, 17, 40, 41, 99, 150, 151, 152, 200, 260, 333, 401, 402, 499]].copy()
    copied["id"] = np.arange(900, 900 + len(copied))
    test = pd.concat([test.iloc[: 200 - len(copied)], copied]).sample(frac=1, random_state=3)
    train.to_csv(os.path.join(FIXTURES, "leak-train.csv"), index=False)
    test.to_csv(os.path.join(FIXTURES, "leak-test.csv"), index=False)
    clean_train = generated(rng, 400, 1, "2024-01-01")
    clean_test = generated(rng, 150, 1001, "2024-03-21")
    clean_train.to_csv(os.path.join(FIXTURES, "clean-train.csv"), index=False)
    clean_test.to_csv(os.path.join(FIXTURES, "clean-test.csv"), index=False)


def row_keys(frame, columns):
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame[columns].itertuples(index=False)]


def report(name, train, test, target, id_col=None, time_col=None):
    print(f"== {name}")
    columns = [c for c in train.columns if c != id_col]
    train_keys = row_keys(train, columns)
    first_train = {}
    for row, key in enumerate(train_keys):
        first_train.setdefault(key, row)
    in_train = [k in first_train for k in row_keys(test, columns)]
    shared = [k for k in row_keys(test, columns) if k in first_train]
    examples, seen = [], set()
    for row, key in enumerate(row_keys(test, columns)):
        if key in first_train and key not in seen:
            seen.add(key)
            if len(examples) < 5:
                examples.append((first_train[key] + 2, row + 2))
    print(f"shared rows: test_rows_in_train={sum(in_train)} distinct={len(set(shared))} examples(train,test)={examples}")
    if id_col:
        train_ids = train[id_col].dropna().astype(str)
        first_id = {}
        for row, value in train_ids.items():
            first_id.setdefault(value, row)
        test_ids = test[id_col].dropna().astype(str)
        hits = [(v, r) for r, v in test_ids.items() if v in first_id]
        distinct, examples = [], []
        for v, r in hits:
            if v not in distinct:
                distinct.append(v)
                if len(examples) < 5:
                    examples.append((v, first_id[v] + 2, r + 2))
        print(f"shared ids: distinct={len(distinct)} test_rows={len(hits)} examples(id,train,test)={examples}")
    labelled = train[train[target].notna()]
    y = labelled[target]
    for column in train.columns:
        if column in (target, id_col, time_col):
            continue
        x = labelled[column]
        if pd.api.types.is_numeric_dtype(x):
            both = x.notna()
            auc = roc_auc_score(y[both], x[both])
            print(f"{column}: rows={int(both.sum())} auc={auc!r} separation={max(auc, 1 - auc)!r} flagged={max(auc, 1 - auc) >= 0.99}")
        else:
            groups = labelled.groupby(x, dropna=False)[target]
            sizes, labels = groups.size(), groups.nunique()
            pure = (sizes >= 10) & (labels == 1)
            share = sizes[pure].sum() / len(labelled)
            print(f"{column}: rows={len(labelled)} pure_share={share!r} pure={int(pure.sum())} categories={len(sizes)} flagged={share >= 0.99}")
    if time_col:
        def times(s):
            return s if pd.api.types.is_numeric_dtype(s) else pd.to_datetime(s, utc=True, format="ISO8601")
        train_t, test_t = times(train[time_col]), times(test[time_col])
        latest = train_t.idxmax()
        earliest = test_t.idxmin()
        before = int((test_t < train_t.max()).sum())
        print(f"time order: before={before} latest_train={train[time_col][latest]} line {latest + 2} "
              f"earliest_test={test[time_col][earliest]} line {earliest + 2}")


def read(name):
    return pd.read_csv(os.path.join(FIXTURES, name))


write_fixtures()
hand_train, hand_test = pd.read_csv(io.StringIO(HAND_TRAIN)), pd.read_csv(io.StringIO(HAND_TEST))
report("hand-built, --id id", hand_train, hand_test, "y", id_col="id")
report("generated leaks, --id id --time day", read("leak-train.csv"), read("leak-test.csv"), "churned", "id", "day")
report("all leak: leak-train against itself, --id id --time day", read("leak-train.csv"), read("leak-train.csv"),
       "churned", "id", "day")
report("zero leak, --id id --time day", read("clean-train.csv"), read("clean-test.csv"), "churned", "id", "day")
