"""Checks that the sandbox data sets are learnable but not trivially, and that credit is unfair.

Loads the generated CSVs and prints, per data set, the class balance and the test accuracy of
scikit-learn's default LogisticRegression behind the preprocessing the lab's trainer applies
(standardised numbers, one-hot categories, a hashed bag of words for text); for reviews also a
CountVectorizer bag of words; for credit the demographic parity ratio of the model's
predictions across zip_group (Fairlearn), with and without zip_group as a feature.

    /work/venv/ref/bin/python Tests/PipelineEngineTests/References/sandbox_datasets.py [DIR]

DIR holds NAME.csv and NAME-test.csv for churn, reviews and credit (default: Sandbox/data).
Larger sets and production-stream days can be exported with
`CICDLAB_EXPORT_DIR=DIR swift test --filter GeneratedDataExport`; the stream days
(drift-day-NN.csv) are then scored with the reviews model trained on DIR/reviews.csv, and
NAME-flipped.csv (a fifth of the training labels flipped) and NAME-flipped-one-sided.csv (15 %
of all labels flipped, all from the majority class) are trained on and scored on the test set.

scikit-learn 1.9.1, fairlearn 0.15.0, pandas 3.1.1.
"""

import sys
from pathlib import Path

import pandas as pd
from fairlearn.metrics import demographic_parity_ratio
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = Path(__file__).resolve().parents[3]
DIR = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Sandbox" / "data"
# The lab's tokeniser: lower-cased runs of letters and digits.
TOKENS = r"(?u)[^\W_]+"


def load(name):
    train = pd.read_csv(DIR / f"{name}.csv", keep_default_na=False)
    test = pd.read_csv(DIR / f"{name}-test.csv", keep_default_na=False)
    return train, test


def tabular_model(numeric, categorical):
    return make_pipeline(
        ColumnTransformer([("num", StandardScaler(), numeric), ("cat", OneHotEncoder(handle_unknown="ignore"), categorical)]),
        LogisticRegression())


def balance(series):
    shares = series.value_counts(normalize=True).sort_index()
    return ", ".join(f"{k}={v:.3f}" for k, v in shares.items())


def flipped_accuracy(model, name, features, target, test):
    for path in sorted(DIR.glob(f"{name}-flipped*.csv")):
        flipped = pd.read_csv(path, keep_default_na=False)
        model.fit(flipped[features], flipped[target])
        print(f"         trained on {path.name}: test accuracy {(model.predict(test[features]) == test[target]).mean():.4f}")


def churn():
    train, test = load("churn")
    numeric = ["tenure", "monthly_charges", "total_charges", "support_calls"]
    categorical = ["contract", "plan", "region"]
    model = tabular_model(numeric, categorical).fit(train[numeric + categorical], train.churned)
    predicted = model.predict(test[numeric + categorical])
    majority = max(test.churned.mean(), 1 - test.churned.mean())
    print(f"churn    train {len(train)} rows ({balance(train.churned)}); test {len(test)} rows")
    print(f"         accuracy {(predicted == test.churned).mean():.4f}  (majority class {majority:.4f})"
          f"  f1 {f1_score(test.churned, predicted):.4f}"
          f"  roc_auc {roc_auc_score(test.churned, model.predict_proba(test[numeric + categorical])[:, 1]):.4f}")
    for region, rows in test.groupby("region"):
        print(f"         region {region:<6} accuracy {(predicted[rows.index] == rows.churned).mean():.4f}")
    flipped_accuracy(tabular_model(numeric, categorical), "churn", numeric + categorical, "churned", test)


def text_model(vectorizer):
    return make_pipeline(
        ColumnTransformer([("text", vectorizer, "text"), ("src", OneHotEncoder(handle_unknown="ignore"), ["source"]),
                           ("num", StandardScaler(), ["helpful_votes"])]),
        LogisticRegression(max_iter=1000))


def reviews():
    train, test = load("reviews")
    features = ["text", "source", "helpful_votes"]
    hashed = HashingVectorizer(n_features=256, alternate_sign=False, norm="l2", token_pattern=TOKENS)
    print(f"reviews  train {len(train)} rows ({balance(train.label)}); test {len(test)} rows")
    print(f"         majority class {test.label.value_counts(normalize=True).max():.4f}")
    models = {}
    for name, vectorizer in [("hashed 256", hashed), ("count", CountVectorizer(token_pattern=TOKENS))]:
        model = text_model(vectorizer).fit(train[features], train.label)
        predicted = model.predict(test[features])
        print(f"         {name:<10} accuracy {(predicted == test.label).mean():.4f}"
              f"  macro f1 {f1_score(test.label, predicted, average='macro'):.4f}")
        models[name] = model
    flipped_accuracy(text_model(hashed), "reviews", features, "label", test)
    days = sorted(DIR.glob("drift-day-*.csv"))
    for path in days:
        day = pd.read_csv(path, keep_default_na=False)
        predicted = models["hashed 256"].predict(day[features])
        corrupted = day.text.str.contains("<div", regex=False).mean()
        print(f"         {path.stem}: {len(day)} rows, {corrupted:.3f} with HTML,"
              f" accuracy {(predicted == day.label).mean():.4f}")


def credit():
    train, test = load("credit")
    numeric = ["income", "debt_ratio", "credit_history_years", "loan_amount"]
    print(f"credit   train {len(train)} rows ({balance(train.approved)}); test {len(test)} rows")
    print(f"         historical labels: demographic parity ratio "
          f"{demographic_parity_ratio(test.approved, test.approved, sensitive_features=test.zip_group):.4f}")
    for label, categorical in [("with zip_group", ["zip_group"]), ("without zip_group", [])]:
        model = tabular_model(numeric, categorical).fit(train[numeric + categorical], train.approved)
        predicted = model.predict(test[numeric + categorical])
        rates = pd.Series(predicted).groupby(test.zip_group.values).mean()
        ratio = demographic_parity_ratio(test.approved, predicted, sensitive_features=test.zip_group)
        right = pd.Series(predicted == test.approved.values).groupby(test.zip_group.values).mean()
        print(f"         {label:<18} accuracy {(predicted == test.approved).mean():.4f}"
              f" (A {right['A']:.4f}, B {right['B']:.4f})"
              f"  selection rate A {rates['A']:.4f} B {rates['B']:.4f}  demographic parity ratio {ratio:.4f}")


churn()
reviews()
credit()
