"""Reference importances for PedAnovaTest: Optuna 5.0.0's get_param_importances (PED-ANOVA, its defaults).

Run with Optuna 5.0.0: python ped_anova_reference.py > expected.json
The distributions span exactly the values the trials took, as report-service infers them (it sees
the trials, not the search space): a positive parameter spanning two decades is log-scaled, whole
numbers are integers, text is categorical.
"""
import json
import random

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import get_param_importances

optuna.logging.set_verbosity(optuna.logging.ERROR)


def importances(trials, distributions):
    study = optuna.create_study()
    study.add_trials([optuna.trial.create_trial(params=p, distributions=distributions, value=v) for p, v in trials])
    return get_param_importances(study)  # PED-ANOVA is the default evaluator, normalised to sum to 1


# Small: eight trials, four parameters, one of each kind.
small = [
    ({"units": 16, "dropout": 0.1, "learning_rate": 1e-4, "optimizer": "adam"}, 0.90),
    ({"units": 64, "dropout": 0.5, "learning_rate": 1e-2, "optimizer": "sgd"}, 0.20),
    ({"units": 32, "dropout": 0.3, "learning_rate": 1e-3, "optimizer": "adam"}, 0.50),
    ({"units": 48, "dropout": 0.2, "learning_rate": 5e-3, "optimizer": "sgd"}, 0.25),
    ({"units": 24, "dropout": 0.4, "learning_rate": 2e-4, "optimizer": "adam"}, 0.80),
    ({"units": 40, "dropout": 0.25, "learning_rate": 3e-3, "optimizer": "sgd"}, 0.40),
    ({"units": 56, "dropout": 0.35, "learning_rate": 8e-3, "optimizer": "adam"}, 0.30),
    ({"units": 20, "dropout": 0.45, "learning_rate": 5e-4, "optimizer": "sgd"}, 0.70),
]
small_distributions = {
    "units": IntDistribution(16, 64),
    "dropout": FloatDistribution(0.1, 0.5),
    "learning_rate": FloatDistribution(1e-4, 1e-2, log=True),
    "optimizer": CategoricalDistribution(["adam", "sgd"]),
}

# Synthetic: 60 trials where the objective is (x - 0.3)^2 alone; y and z are noise.
rng = random.Random(7)
synthetic = []
for i in range(60):
    x = 0.0 if i == 0 else 1.0 if i == 1 else round(rng.random(), 6)
    y = 0.0 if i == 0 else 1.0 if i == 1 else round(rng.random(), 6)
    z = rng.choice(["a", "b", "c"])
    synthetic.append(({"x": x, "y": y, "z": z}, (x - 0.3) ** 2))
synthetic_distributions = {"x": FloatDistribution(0.0, 1.0), "y": FloatDistribution(0.0, 1.0),
                           "z": CategoricalDistribution(["a", "b", "c"])}

print(json.dumps({
    "small": {"trials": [{"params": p, "value": v} for p, v in small],
              "importances": importances(small, small_distributions)},
    "synthetic": {"trials": [{"params": p, "value": v} for p, v in synthetic],
                  "importances": importances(synthetic, synthetic_distributions)},
}, indent=1))
