package io.vixlab.tuner.study;

import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.tuner.pruner.MedianPruner;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.pruner.Pruner;
import io.vixlab.tuner.pruner.SuccessiveHalvingPruner;
import io.vixlab.tuner.sampler.RandomSampler;
import io.vixlab.tuner.sampler.Sampler;
import io.vixlab.tuner.sampler.TpeSampler;

/**
 * The sampler and pruner a study's plan names, made afresh for each decision (they keep no state). Each
 * architecture is its own Optuna study with the plan's seed, as in the seed notebook.
 */
public final class SearchAlgorithms {

    private SearchAlgorithms() {
    }

    /** TPE uses the constant liar: a study runs up to {@code parallelism} trials at once. */
    public static Sampler sampler(StudyPlan plan) {
        return switch (plan.sampler()) {
            case "tpe" -> TpeSampler.builder().seed(plan.samplerSeed()).constantLiar(true).build();
            case "random" -> new RandomSampler(plan.samplerSeed());
            default -> throw new IllegalArgumentException("unknown sampler " + plan.sampler());
        };
    }

    /**
     * Optuna's defaults; successive halving's minimum resource is Optuna's "auto" estimate (1% of a
     * trial's steps, at least 1), computed from the known number of steps instead of a first trial.
     */
    public static Pruner pruner(StudyPlan plan) {
        return switch (plan.pruner()) {
            case "median" -> new MedianPruner();
            case "successive-halving" -> new SuccessiveHalvingPruner(Math.max(1, stepsPerTrial(plan.training()) / 100));
            case "none" -> new NopPruner();
            default -> throw new IllegalArgumentException("unknown pruner " + plan.pruner());
        };
    }

    /**
     * The pruner's step of an epoch: {@code fold * epochs + epoch}, so that the steps of a trial
     * increase across its cross-validation folds and trials are compared at the same fold and epoch.
     */
    public static int step(TrainingSettings training, int fold, int epoch) {
        return fold * training.epochs() + epoch;
    }

    /** Steps of a trial that runs every epoch of every fold (a run without folds has one). */
    public static int stepsPerTrial(TrainingSettings training) {
        return Math.max(1, training.folds()) * training.epochs();
    }
}
