package io.vixlab.tuner.study;

import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.tuner.pruner.MedianPruner;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.pruner.Pruner;
import io.vixlab.tuner.pruner.SuccessiveHalvingPruner;
import io.vixlab.tuner.sampler.GpSampler;
import io.vixlab.tuner.sampler.RandomSampler;
import io.vixlab.tuner.sampler.Sampler;
import io.vixlab.tuner.sampler.TpeSampler;
import io.vixlab.tuner.sampler.TrialRandom;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sampler and pruner a study's plan names, made afresh for each decision (they keep no state). Each
 * architecture is its own Optuna study, as in the seed notebook, but with a seed of its own derived
 * from the plan's seed and its name: with one shared seed the five searches drew the same random
 * parameters (the notebook's architectures got identical dropout and learning rates).
 */
public final class SearchAlgorithms {

    private SearchAlgorithms() {
    }

    /**
     * TPE (univariate or multivariate) uses the constant liar and GP its kriging believer: a study
     * runs up to {@code parallelism} trials at once.
     */
    public static Sampler sampler(StudyPlan plan, String architecture) {
        long seed = samplerSeed(plan, architecture);
        return switch (plan.sampler()) {
            case "tpe" -> TpeSampler.builder().seed(seed).constantLiar(true).build();
            case "tpe-multivariate" -> TpeSampler.builder().seed(seed).constantLiar(true).multivariate(true).build();
            case "gp" -> new GpSampler(seed);
            case "random" -> new RandomSampler(seed);
            default -> throw new IllegalArgumentException("unknown sampler " + plan.sampler());
        };
    }

    /** The seed of one architecture's sampler: the plan's seed and the architecture's name, mixed. */
    public static long samplerSeed(StudyPlan plan, String architecture) {
        return TrialRandom.derivedSeed(plan.samplerSeed(), architecture);
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

    /** A trial's curve by step, from the validation loss of each epoch of each fold. */
    public static SortedMap<Integer, Double> curve(TrainingSettings training, List<List<Double>> foldCurves) {
        SortedMap<Integer, Double> curve = new TreeMap<>();
        for (int fold = 0; fold < foldCurves.size(); fold++) {
            List<Double> losses = foldCurves.get(fold);
            for (int epoch = 0; epoch < losses.size(); epoch++) {
                curve.put(step(training, fold, epoch), losses.get(epoch));
            }
        }
        return curve;
    }

    /** Steps of a trial that runs every epoch of every fold (a run without folds has one). */
    public static int stepsPerTrial(TrainingSettings training) {
        return Math.max(1, training.folds()) * training.epochs();
    }
}
