"""Reference values for BehaviouralTestRunnerTests: each test recomputed with pandas and numpy.

Run: /tmp/wtb-venv/bin/python Tests/PipelineEngineTests/References/behavioural_tests.py
The models are the fixtures in Fixtures/behaviour/ (written by `cicdlab train`); this script
predicts from their JSON weights alone: numbers standardised as (x - mean) / scale (a null is 0
with its missing flag set), categories one-hot, then the logistic sigmoid or the ridge line.
A row fails an invariance test when a changed copy is predicted another label (or a value more
than 1e-9 away), either direction counting for `perturb`; a directional test when the watched
probability (or value) moves against `expect` by more than 1e-12. Nulls in a moved column are
not tested; `swap` tests only the rows holding either value. Lines are data rows + 2.
"""
import json
import os

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Fixtures")


def load(model_name, data_name):
    with open(os.path.join(FIXTURES, "behaviour", model_name)) as f:
        model = json.load(f)
    data = pd.read_csv(os.path.join(FIXTURES, data_name), dtype=str, keep_default_na=False)
    return model, data


def encode(model, df):
    parts = []
    for t in model["preprocessing"]["columns"]:
        col = df[t["name"]]
        if t["encoding"] == "numeric":
            present = col != ""
            x = np.where(present, pd.to_numeric(col.where(present, "0")), np.nan).astype(float)
            parts.append(np.where(present, (x - t["mean"]) / t["scale"], 0.0))
            if t["missing_indicator"]:
                parts.append((~present).astype(float).to_numpy())
        else:
            for c in t["categories"]:
                parts.append((col == c).astype(float).to_numpy())
    return np.column_stack(parts)


def predict(model, df):
    """Per row: (label or value, probability of the last class or the value)."""
    x = encode(model, df)
    w = model["weights"]
    if model["task"] == "regression":
        v = x @ np.array(w["coefficients"]) + w["intercept"]
        return v, v
    p = 1 / (1 + np.exp(-(x @ np.array(w["coefficients"][0]) + w["intercepts"][0])))
    labels = np.where(p > 0.5, model["classes"][1], model["classes"][0])
    return labels, p


def fmt(x):
    return x if isinstance(x, str) else repr(float(x))


def report(name, tested_rows, failing_rows):
    tested = len(tested_rows)
    rate = len(failing_rows) / tested if tested else 0.0
    lines = [int(r) + 2 for r in failing_rows[:5]]
    print(f"{name}: tested={tested} failing={len(failing_rows)} rate={rate!r} lines={lines}")


def same(model, a, b):
    if model["task"] == "regression":
        return np.abs(a - b) <= 1e-9
    return a == b


def invariance(name, model, df, column, change):
    before, _ = predict(model, df)
    present = df[column] != ""
    if change[0] == "set":
        variants = [df.assign(**{column: change[1]})]
        tested = np.ones(len(df), bool)
    elif change[0] == "swap":
        a, b = change[1], change[2]
        values = df[column]
        numeric = model_feature_is_numeric(model, column)
        if numeric:
            num = pd.to_numeric(values.where(present, "nan"))
            is_a, is_b = present & (num == float(a)), present & (num == float(b))
        else:
            is_a, is_b = values == a, values == b
        swapped = values.where(~is_a, b).where(~is_b, a)
        variants = [df.assign(**{column: swapped})]
        tested = (is_a | is_b).to_numpy()
    else:
        delta = change[1]
        num = pd.to_numeric(df[column].where(present, "0"))
        variants = [
            df.assign(**{column: (num + d).map(repr).where(present, "")}) for d in (delta, -delta)
        ]
        tested = present.to_numpy()
    broken = np.zeros(len(df), bool)
    for v in variants:
        after, _ = predict(model, v)
        broken |= ~same(model, before, after)
    rows = np.flatnonzero(tested)
    report(name, rows, [r for r in rows if broken[r]])


def model_feature_is_numeric(model, column):
    return any(t["name"] == column and t["encoding"] == "numeric" for t in model["preprocessing"]["columns"])


def directional(name, model, df, column, delta, expect):
    present = df[column] != ""
    num = pd.to_numeric(df[column].where(present, "0"))
    moved = df.assign(**{column: (num + delta).map(repr).where(present, "")})
    _, was = predict(model, df)
    _, now = predict(model, moved)
    broken = now < was - 1e-12 if expect == "not_decrease" else now > was + 1e-12
    rows = np.flatnonzero(present.to_numpy())
    report(name, rows, [r for r in rows if broken[r]])
    first = [r for r in rows if broken[r]][:1]
    for r in first:
        print(f"  first failing line {int(r) + 2}: before={fmt(was[r])} after={fmt(now[r])}")


customers, customers_test = load("customers-logistic.json", "customers-test.csv")
invariance("swap region north/south", customers, customers_test, "region", ("swap", "north", "south"))
invariance("set premium true", customers, customers_test, "premium", ("set", "true"))
invariance("perturb tenure 0.3", customers, customers_test, "tenure", ("perturb", 0.3))
invariance("perturb visits 0.01", customers, customers_test, "visits", ("perturb", 0.01))
invariance("perturb spend 0.01", customers, customers_test, "spend", ("perturb", 0.01))
directional("tickets +1 not_decrease P(1)", customers, customers_test, "tickets", 1.0, "not_decrease")
directional("tickets +1 not_increase P(1)", customers, customers_test, "tickets", 1.0, "not_increase")
directional("tenure +0.5 not_decrease P(1)", customers, customers_test, "tenure", 0.5, "not_decrease")

minimum_rows = [
    dict(tenure="3", spend="0", visits="0", tickets="-2", discount="1", region="east", premium="false"),
    dict(tenure="-3", spend="0", visits="0", tickets="3", discount="-1", region="west", premium="true"),
    dict(tenure="0", spend="0", visits="0", tickets="0", discount="0", region="north", premium="false"),
]
labels, p = predict(customers, pd.DataFrame(minimum_rows))
print("minimum rows predicted", [str(x) for x in labels], [fmt(x) for x in p])

diabetes, diabetes_test = load("diabetes-linear.json", "diabetes-test.csv")
invariance("regression perturb bmi 0.5", diabetes, diabetes_test, "bmi", ("perturb", 0.5))
invariance("regression swap sex 1/2", diabetes, diabetes_test, "sex", ("swap", "1", "2"))
invariance("regression set s3 50", diabetes, diabetes_test, "s3", ("set", "50"))
directional("regression bmi +1 not_decrease", diabetes, diabetes_test, "bmi", 1.0, "not_decrease")
directional("regression s1 +1 not_decrease", diabetes, diabetes_test, "s1", 1.0, "not_decrease")
