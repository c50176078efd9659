"""Fixtures and reference values for the training and evaluation tests.

Writes the train/test CSV fixtures under ../Fixtures/ and prints the numbers the Swift tests
hard-code: test accuracy (R² for regression) of scikit-learn's default estimators behind the
same preprocessing our models apply, fitted weights, and metric and fairness values on fixed
vectors.

    /work/venv/ref/bin/python Tests/PipelineEngineTests/References/training_references.py

scikit-learn 1.9.1, fairlearn 0.15.0, numpy 2.4.6.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd
from fairlearn.metrics import (MetricFrame, demographic_parity_ratio, equalized_odds_difference,
                               false_positive_rate, selection_rate, true_positive_rate)
from sklearn import metrics
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine, make_classification
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

FIXTURES = Path(__file__).resolve().parent.parent / "Fixtures"
FIXTURES.mkdir(exist_ok=True)
out = {}


def snake(name):
    return name.replace(" ", "_").replace("/", "_").replace("(", "").replace(")", "").lower()


def write(name, frame, target, stratify=True):
    train, test = train_test_split(frame, test_size=0.25, random_state=42,
                                   stratify=frame[target] if stratify else None)
    train.to_csv(FIXTURES / f"{name}-train.csv", index=False)
    test.to_csv(FIXTURES / f"{name}-test.csv", index=False)
    # Read back what was written, so the reference sees exactly the CSV text.
    return pd.read_csv(FIXTURES / f"{name}-train.csv"), pd.read_csv(FIXTURES / f"{name}-test.csv")


def classifiers(name, train, test, target, pre, order=None):
    X, y = train.drop(columns=[target]), train[target]
    Xt, yt = test.drop(columns=[target]), test[target]
    result = {}
    for label, estimator in [("logistic", LogisticRegression()), ("knn", KNeighborsClassifier()),
                             ("naive-bayes", GaussianNB())]:
        model = make_pipeline(pre(), estimator).fit(X, y)
        result[label] = metrics.accuracy_score(yt, model.predict(Xt))
    # Weights at a tight tolerance: the optimum our L-BFGS also converges to.
    tight = make_pipeline(pre(), LogisticRegression(tol=1e-12, max_iter=100_000)).fit(X, y)
    lr = tight[-1]
    # Our features come in column order (a missing indicator right after its column).
    result["coef"] = lr.coef_[:, order].tolist() if order else lr.coef_.tolist()
    result["intercept"] = lr.intercept_.tolist()
    result["proba_first_rows"] = tight.predict_proba(Xt.iloc[:3]).tolist()
    nb = make_pipeline(pre(), GaussianNB()).fit(X, y)
    result["nb_proba_first_rows"] = nb.predict_proba(Xt.iloc[:3]).tolist()
    knn = make_pipeline(pre(), KNeighborsClassifier()).fit(X, y)
    result["knn_proba_first_rows"] = knn.predict_proba(Xt.iloc[:3]).tolist()
    out[name] = result


# Breast cancer: binary, 30 numeric features.
data = load_breast_cancer(as_frame=True).frame
data.columns = [snake(c) for c in data.columns]
data = data.rename(columns={"target": "benign"})
train, test = write("breast-cancer", data, "benign")
classifiers("breast-cancer", train, test, "benign", StandardScaler)

# Wine: three classes with text labels, 13 numeric features.
data = load_wine(as_frame=True).frame
data.columns = [snake(c) for c in data.columns]
data["cultivar"] = data.pop("target").map({0: "barolo", 1: "grignolino", 2: "barbera"})
train, test = write("wine", data, "cultivar")
classifiers("wine", train, test, "cultivar", StandardScaler)

# Diabetes: regression, 10 numeric features.
data = load_diabetes(as_frame=True, scaled=False).frame
data = data.rename(columns={"target": "progression"})
train, test = write("diabetes", data, "progression", stratify=False)
X, y = train.drop(columns=["progression"]), train["progression"]
Xt, yt = test.drop(columns=["progression"]), test["progression"]
ridge = make_pipeline(StandardScaler(), Ridge()).fit(X, y)
pred = ridge.predict(Xt)
out["diabetes"] = {
    "r2": metrics.r2_score(yt, pred),
    "rmse": metrics.root_mean_squared_error(yt, pred),
    "mae": metrics.mean_absolute_error(yt, pred),
    "coef": ridge[-1].coef_.tolist(),
    "intercept": float(ridge[-1].intercept_),
}

# Customers: binary, numeric columns (one with nulls), a categorical and a boolean column.
X, y = make_classification(n_samples=800, n_features=5, n_informative=3, n_redundant=1,
                           random_state=7, flip_y=0.05)
rng = np.random.default_rng(7)
regions = np.array(["north", "south", "east", "west"])
region = np.where(rng.random(800) < 0.6, regions[(y * 2 + (X[:, 0] > 0)).astype(int)],
                  regions[rng.integers(0, 4, 800)])
data = pd.DataFrame(X.round(4), columns=["tenure", "spend", "visits", "tickets", "discount"])
data["tenure"] = data["tenure"].where(rng.random(800) > 0.1)  # 10% missing
data["region"] = region
data["premium"] = np.where((X[:, 1] + rng.normal(0, 1, 800)) > 0, "true", "false")
data["churned"] = y
train, test = write("customers", data, "churned")
numeric = ["tenure", "spend", "visits", "tickets", "discount"]


def customers_pre():
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(), StandardScaler()), numeric),
        ("missing", MissingIndicator(), ["tenure"]),
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["region", "premium"]),
    ])


# ColumnTransformer order: 5 numeric, indicator, region ×4, premium ×2; ours puts the
# indicator after tenure.
classifiers("customers", train, test, "churned", customers_pre, order=[0, 5, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11])

# Metric functions on fixed vectors (binary with tied scores, multiclass, regression).
y_true = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0]
scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.2, 0.9, 0.35, 0.35, 0.6, 0.7, 0.1]
y_pred = [int(s >= 0.5) for s in scores]
out["binary"] = {
    "accuracy": metrics.accuracy_score(y_true, y_pred),
    "precision": metrics.precision_score(y_true, y_pred),
    "recall": metrics.recall_score(y_true, y_pred),
    "f1": metrics.f1_score(y_true, y_pred),
    "roc_auc": metrics.roc_auc_score(y_true, scores),
}
m_true = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2]
m_pred = [0, 2, 2, 2, 1, 1, 0, 1, 2, 0, 2, 1]
out["macro"] = {
    "accuracy": metrics.accuracy_score(m_true, m_pred),
    "precision": metrics.precision_score(m_true, m_pred, average="macro"),
    "recall": metrics.recall_score(m_true, m_pred, average="macro"),
    "f1": metrics.f1_score(m_true, m_pred, average="macro"),
}
r_true = [3.0, -0.5, 2.0, 7.0, 4.2, 1.1]
r_pred = [2.5, 0.0, 2.1, 7.8, 3.9, 0.7]
out["regression"] = {
    "rmse": metrics.root_mean_squared_error(r_true, r_pred),
    "mae": metrics.mean_absolute_error(r_true, r_pred),
    "r2": metrics.r2_score(r_true, r_pred),
}
f_true = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1]
f_pred = [1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0]
f_group = ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c"]
out["fairness"] = {
    "demographic_parity_ratio": demographic_parity_ratio(f_true, f_pred, sensitive_features=f_group),
    "equalized_odds_difference": equalized_odds_difference(f_true, f_pred, sensitive_features=f_group),
}
for key, value in out.items():
    print(f'"{key}": {json.dumps(value)}')

# Fairness of the customers logistic model across regions (its test predictions).
train = pd.read_csv(FIXTURES / "customers-train.csv")
test = pd.read_csv(FIXTURES / "customers-test.csv")
model = make_pipeline(customers_pre(), LogisticRegression()).fit(train.drop(columns=["churned"]), train["churned"])
predicted = model.predict(test.drop(columns=["churned"]))
frame = MetricFrame(metrics={"accuracy": metrics.accuracy_score, "selection_rate": selection_rate,
                             "tpr": true_positive_rate, "fpr": false_positive_rate},
                    y_true=test["churned"], y_pred=predicted, sensitive_features=test["region"])
print('"customers-slices":', json.dumps({
    "by_region": frame.by_group.to_dict(orient="index"),
    "rows": test["region"].value_counts().to_dict(),
    "demographic_parity_ratio": demographic_parity_ratio(test["churned"], predicted, sensitive_features=test["region"]),
    "equalized_odds_difference": equalized_odds_difference(test["churned"], predicted, sensitive_features=test["region"]),
}))


def split_test_rows(rows, ratio, seed):
    """The test rows of our seeded split: Fisher-Yates over SplitMix64, ceil(rows·ratio)."""
    mask, state, order = (1 << 64) - 1, seed, list(range(rows))

    def next_u64():
        nonlocal state
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        return z ^ (z >> 31)

    for i in range(rows - 1, 0, -1):
        j = next_u64() % (i + 1)
        order[i], order[j] = order[j], order[i]
    return sorted(order[:int(np.ceil(rows * ratio))])


print('"split-10-0.3-42":', split_test_rows(10, 0.3, 42))
