"""Reference values for ModelConfidenceSetTest, computed without the Java code.

Run from this folder (python3 with numpy; arch 8.0.0 via `pip install --user arch==8.0.0`):

    python3 mcs_reference.py

It writes tiny.json and synthetic.csv / synthetic-expected.json next to itself.

tiny.json: 4 forecasts of 8 days, 5 pinned bootstrap resamples. The model confidence set of Hansen,
Lunde and Nason (2011) is computed twice, by `paper_mcs` below (written from the paper's formulas,
loops over plain lists) and by arch's `arch.bootstrap.MCS` with its bootstrap replaced by the same
pinned resamples; the script stops unless both give the same p-values and elimination order. The
step statistics come from `paper_mcs` (arch does not expose them).

synthetic.*: 6 forecasts of 1000 days (3 alike, 3 clearly worse) and arch's MCS on them with a
seeded moving-block bootstrap (block length 10, 5000 replications): its p-values are a Monte-Carlo
estimate the Java code, drawing other resamples, must reproduce within sampling error.
"""
import json
import math
from pathlib import Path

import numpy as np
from arch.bootstrap import MCS

HERE = Path(__file__).parent


def losses_of(actual, predicted, loss):
    errors = [a - p for a, p in zip(actual, predicted)]
    return [e * e for e in errors] if loss == "SQUARED" else [abs(e) for e in errors]


def mean(values):
    return sum(values) / len(values)


def standardized(x, sd):
    return 0.0 if x == 0 else x / sd


def paper_mcs(losses, resamples, statistic):
    """losses: list per model of daily losses; resamples: list of day-index lists. Returns steps
    [(eliminated model indices, statistic, p-value)] and per model (MCS p-value, elimination order)."""
    k, n, b_count = len(losses), len(losses[0]), len(resamples)
    means = [mean(l) for l in losses]
    # zeta[b][i]: the resample's mean loss minus the sample's (HLN's bootstrap, centred)
    zeta = [[mean([losses[i][t] for t in r]) - means[i] for i in range(k)] for r in resamples]
    active = list(range(k))
    steps = []
    while len(active) > 1:
        if statistic == "T_MAX":
            # t_i. = dbar_i. / sqrt(var(dbar_i.)), dbar_i. = Lbar_i - mean over M of Lbar_j
            dev = [[zeta[b][i] - mean([zeta[b][j] for j in active]) for i in active] for b in range(b_count)]
            sd = [math.sqrt(mean([dev[b][a] ** 2 for b in range(b_count)])) for a in range(len(active))]
            avg = mean([means[j] for j in active])
            t = [standardized(means[i] - avg, sd[a]) for a, i in enumerate(active)]
            observed = max(t)
            simulated = [max(standardized(dev[b][a], sd[a]) for a in range(len(active))) for b in range(b_count)]
            worst = [i for a, i in enumerate(active) if t[a] == observed]
        else:
            # t_ij = dbar_ij / sqrt(var(dbar_ij)); T_R = max |t_ij|; e_R = argmax_i max_j t_ij
            def sd(i, j):
                return math.sqrt(mean([(zeta[b][i] - zeta[b][j]) ** 2 for b in range(b_count)]))

            row_max = {i: max(standardized(means[i] - means[j], sd(i, j)) for j in active) for i in active}
            observed = max(row_max.values())
            simulated = [max(standardized(zeta[b][i] - zeta[b][j], sd(i, j)) for i in active for j in active)
                         for b in range(b_count)]
            worst = [i for i in active if row_max[i] == observed]
        p = sum(1 for s in simulated if s > observed) / b_count
        steps.append((worst, observed, p))
        active = [i for i in active if i not in worst]
    members = {}
    running = 0.0
    for order, (worst, _, p) in enumerate(steps, start=1):
        running = max(running, p)
        for i in worst:
            members[i] = (running, order)
    for i in active:
        members[i] = (1.0, len(steps) + 1)
    return steps, members


class PinnedResamples:
    """Stands in for arch's bootstrap object inside MCS: yields the given index arrays."""

    def __init__(self, resamples):
        self.resamples = resamples

    def bootstrap(self, reps):
        for r in self.resamples[:reps]:
            yield (np.asarray(r),), {}


def arch_mcs(losses, statistic, size, **kwargs):
    method = "max" if statistic == "T_MAX" else "R"
    mcs = MCS(np.array(losses).T, size=size, method=method, **kwargs)
    return mcs


def arch_order(mcs):
    """arch lists the models by elimination, survivors last, with their MCS p-values."""
    return [int(i) for i in mcs.pvalues.index], [float(p) for p in mcs.pvalues["Pvalue"]]


def tiny():
    names = ["A", "B", "C", "D"]
    actual = [20.0, 21.5, 19.8, 22.3, 24.1, 23.0, 21.7, 20.9]
    predicted = {
        "A": [20.3, 21.0, 19.3, 22.6, 24.9, 21.5, 21.2, 21.5],
        "B": [17.6, 24.1, 20.7, 24.7, 24.2, 22.2, 22.1, 20.8],
        "C": [20.9, 22.0, 22.0, 23.4, 22.7, 22.5, 21.6, 22.3],
        "D": [20.9, 19.9, 20.6, 23.0, 25.5, 22.9, 21.8, 24.3],
    }
    # arbitrary day indices (not blocks): the procedure takes whatever resamples it is given
    resamples = [
        [1, 2, 3, 5, 3, 3, 4, 6],
        [2, 7, 5, 6, 6, 2, 4, 5],
        [1, 5, 2, 6, 1, 6, 1, 4],
        [2, 0, 7, 3, 0, 7, 7, 1],
        [5, 5, 2, 3, 7, 0, 4, 2],
    ]
    cases = []
    for loss, statistic in [("SQUARED", "T_MAX"), ("SQUARED", "T_R"), ("ABSOLUTE", "T_MAX")]:
        losses = [losses_of(actual, predicted[name], loss) for name in names]
        steps, members = paper_mcs(losses, resamples, statistic)
        mcs = arch_mcs(losses, statistic, 0.1, reps=len(resamples), block_size=3)
        mcs.bootstrap = PinnedResamples(resamples)
        mcs.compute()
        order, pvalues = arch_order(mcs)
        paper_order = sorted(members, key=lambda i: members[i][1])
        assert order == paper_order, (loss, statistic, order, paper_order)
        assert all(abs(pvalues[a] - members[i][0]) < 1e-12 for a, i in enumerate(order)), (loss, statistic)
        cases.append({
            "loss": loss,
            "statistic": statistic,
            "steps": [{"eliminated": [names[i] for i in worst], "statistic": stat, "pValue": p}
                      for worst, stat, p in steps],
            "members": {names[i]: {"pValue": members[i][0], "eliminationOrder": members[i][1]} for i in members},
        })
        print(loss, statistic, [(names[i], members[i]) for i in paper_order],
              [round(s, 6) for _, s, _ in steps], [p for _, _, p in steps])
    (HERE / "tiny.json").write_text(json.dumps(
        {"actual": actual, "forecasts": predicted, "resamples": resamples, "cases": cases}, indent=1) + "\n")


def ar1(rng, n, phi, sigma):
    """n values of a zero-mean AR(1) with coefficient phi and innovations N(0, sigma²), from 0."""
    values = np.empty(n)
    previous = 0.0
    for t in range(n):
        previous = phi * previous + rng.normal(0, sigma)
        values[t] = previous
    return values


def synthetic():
    # data seed 3: every p-value lies far from 0.10 and 0.25, so both sets are clear-cut
    rng = np.random.default_rng(3)
    n = 1000
    actual = np.empty(n + 1)
    actual[0] = 20.0
    for t in range(1, n + 1):  # a persistent, VIX-like level
        actual[t] = 20 + 0.95 * (actual[t - 1] - 20) + rng.normal(0, 1.5)
    names = ["good1", "good2", "good3", "bad1", "bad2", "bad3"]
    scales = [1.0, 1.0, 1.0, 1.15, 1.4, 2.0]
    common = ar1(rng, n, 0.5, 0.8)  # errors shared by all forecasts
    columns = {"previousClose": actual[:-1], "actual": actual[1:]}
    for name, scale in zip(names, scales):
        columns[name] = np.round(actual[1:] + common + ar1(rng, n, 0.4, scale), 6)
    columns["previousClose"] = np.round(columns["previousClose"], 6)
    columns["actual"] = np.round(columns["actual"], 6)
    header = list(columns)
    with open(HERE / "synthetic.csv", "w") as out:
        out.write(",".join(header) + "\n")
        for t in range(n):
            out.write(",".join(repr(float(columns[c][t])) for c in header) + "\n")
    # read back what was written, so that the losses are those of the file's numbers
    data = np.loadtxt(HERE / "synthetic.csv", delimiter=",", skiprows=1)
    actual_read = list(data[:, 1])
    cases = []
    for loss, statistic in [("SQUARED", "T_MAX"), ("SQUARED", "T_R"), ("ABSOLUTE", "T_MAX")]:
        losses = [losses_of(actual_read, list(data[:, 2 + m]), loss) for m in range(len(names))]
        members = {}
        for size, key in [(0.10, "in90"), (0.25, "in75")]:
            mcs = arch_mcs(losses, statistic, size, reps=5000, block_size=10, bootstrap="mbb", seed=2011)
            mcs.compute()
            included = set(int(i) for i in mcs.included)
            order, pvalues = arch_order(mcs)
            for rank, i in enumerate(order):
                members.setdefault(names[i], {"pValue": pvalues[rank]})[key] = i in included
        cases.append({"loss": loss, "statistic": statistic, "order": [names[i] for i in order], "members": members})
        print(loss, statistic, {k: v for k, v in members.items()})
    (HERE / "synthetic-expected.json").write_text(json.dumps(
        {"blockLength": 10, "replications": 5000, "cases": cases}, indent=1) + "\n")


if __name__ == "__main__":
    tiny()
    synthetic()
