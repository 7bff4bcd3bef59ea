"""Reference values for BaselineFittingSampleTest, computed without the Java code.

Run from this folder (python3 with numpy):

    python3 baselines_reference.py

It cuts closes.csv from data-ingest's bundled CBOE snapshot (VIX from 2005-12-01 and VVIX through
2006-12-29: real VIX-only days, and VVIX days before the dataset's first day) and writes
expected.json: a dataset laid out as feature-service lays it out (rows on the days with a VIX and a
VVIX close from its first day, windows of 30 rows, the first 80% training windows), the documented
fitting sample of the baselines (the dataset's days before its split date), and the four baselines'
test metrics fitted on it, with numpy's least squares for AR(1) and HAR. For contrast it also writes
what AR(1) and HAR score when fitted on every VIX close before the split date, as report-service
did before: the Java test checks that the fixture tells the two apart.
"""
import csv
import datetime
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
SNAPSHOT = HERE / "../../../../../data-ingest/src/main/resources/snapshot"
VIX_FROM = datetime.date(2005, 12, 1)
LAST = datetime.date(2006, 12, 29)
FIRST_DAY = datetime.date(2006, 3, 20)  # the dataset's first day, after VVIX's first bars
SEQUENCE_LENGTH = 30
HORIZON = 1
TRAIN_FRACTION = 0.8


def load(name):
    with open(SNAPSHOT / name) as f:
        rows = list(csv.reader(f))[1:]
    return {datetime.datetime.strptime(r[0], "%m/%d/%Y").date(): float(r[-1]) for r in rows}


def cut():
    vix = {d: c for d, c in load("VIX_History.csv").items() if VIX_FROM <= d <= LAST}
    vvix = {d: c for d, c in load("VVIX_History.csv").items() if d <= LAST}
    with open(HERE / "closes.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["date", "symbol", "close"])
        for symbol, closes in (("VIX", vix), ("VVIX", vvix)):
            for d in sorted(closes):
                out.writerow([d.isoformat(), symbol, repr(closes[d])])
    return vix, vvix


def ols(y, x):
    design = np.column_stack([np.ones(len(y))] + x)
    return np.linalg.lstsq(design, np.array(y), rcond=None)[0]


def metrics(actual, predicted, previous):
    a, p, prev = np.array(actual), np.array(predicted), np.array(previous)
    e = a - p
    ss_tot = float(np.sum((a - a.mean()) ** 2))
    return {
        "mse": float(np.mean(e ** 2)),
        "rmse": float(np.sqrt(np.mean(e ** 2))),
        "mae": float(np.mean(np.abs(e))),
        "r2": 1 - float(np.sum(e ** 2)) / ss_tot,
        "directionalAccuracy": float(np.mean(np.sign(p - prev) == np.sign(a - prev))),
    }


def trailing_mean(y, t, k):
    return sum(y[t - k:t]) / k


def baselines(y, split):
    """The four baselines fitted on y[:split], forecasting y[split:] one step ahead."""
    test = range(split, len(y))
    actual = [y[t] for t in test]
    previous = [y[t - 1] for t in test]
    mean = sum(y[:split]) / split
    ar = ols([y[t] for t in range(1, split)], [np.array([y[t - 1] for t in range(1, split)])])
    har_targets = range(22, split)
    har = ols([y[t] for t in har_targets], [
        np.array([y[t - 1] for t in har_targets]),
        np.array([trailing_mean(y, t, 5) for t in har_targets]),
        np.array([trailing_mean(y, t, 22) for t in har_targets])])
    forecasts = {
        "Random walk": [y[t - 1] for t in test],
        "Training mean": [mean for t in test],
        "AR(1)": [ar[0] + ar[1] * y[t - 1] for t in test],
        "HAR": [har[0] + har[1] * y[t - 1] + har[2] * trailing_mean(y, t, 5) + har[3] * trailing_mean(y, t, 22)
                for t in test],
    }
    return {name: metrics(actual, predicted, previous) for name, predicted in forecasts.items()}


def main():
    vix, vvix = cut()
    days = sorted(d for d in vix if d in vvix and FIRST_DAY <= d <= LAST)
    windows = len(days) - SEQUENCE_LENGTH - HORIZON + 1
    train_count = int(windows * TRAIN_FRACTION)
    test_count = windows - train_count
    split_index = train_count + SEQUENCE_LENGTH + HORIZON - 1  # first test target's row
    split_date = days[split_index]
    assert len(days) - split_index == test_count
    y = [vix[d] for d in days]
    expected = {
        "dataset": {"firstDate": FIRST_DAY.isoformat(), "splitDate": split_date.isoformat(),
                    "lastDate": days[-1].isoformat(), "sequenceLength": SEQUENCE_LENGTH, "horizon": HORIZON,
                    "windowCount": windows, "trainCount": train_count, "testCount": test_count},
        "fittingSample": {"firstDate": days[0].isoformat(), "lastDate": days[split_index - 1].isoformat(),
                          "days": split_index},
        "baselines": baselines(y, split_index),
    }
    # Before: every VIX close up to the split date fitted, the test targets forecast from the previous VIX close.
    every = sorted(d for d in vix if d < split_date) + days[split_index:]
    before = baselines([vix[d] for d in every], len(every) - test_count)
    expected["fittedOnEveryVixCloseBeforeTheSplit"] = {name: before[name] for name in ("AR(1)", "HAR")}
    with open(HERE / "expected.json", "w") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
