"""scikit-learn's side of the training benchmark (called by run.sh).

    python peer.py TRAIN.csv TEST.csv [TOL]

Fits `LogisticRegression(tol=TOL)` (TOL 1e-4 by default, scikit-learn's own) behind `StandardScaler` (numeric columns) and `OneHotEncoder`
(categorical columns), the preprocessing `cicdlab train --model logistic` applies, and prints
the fit time (reading the CSV not included, as in cicdlab's train_seconds) and test accuracy.
"""

import json
import sys
import time

import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

start = time.perf_counter()
train = pd.read_csv(sys.argv[1])
read_seconds = time.perf_counter() - start
test = pd.read_csv(sys.argv[2])
numeric = [c for c in train.columns if c.startswith("x")]
categorical = ["plan", "region"]
model = make_pipeline(
    ColumnTransformer([("num", StandardScaler(), numeric),
                       ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)]),
    LogisticRegression(tol=float(sys.argv[3]) if len(sys.argv) > 3 else 1e-4))
X, y = train.drop(columns=["label"]), train["label"]
start = time.perf_counter()
model.fit(X, y)
seconds = time.perf_counter() - start
accuracy = model.score(test.drop(columns=["label"]), test["label"])
print(json.dumps({"train_seconds": seconds, "read_seconds": read_seconds, "accuracy": accuracy, "iterations": int(model[-1].n_iter_[0]),
                  "sklearn": sklearn.__version__}))
