package io.vixlab.tuner.pruner;

import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.contracts.training.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Optuna's {@code PercentilePruner} for a minimized objective: prunes a trial whose best
 * intermediate value so far is worse than the given percentile of the values that COMPLETE trials
 * reported at the trial's latest step. It does not judge while fewer than {@code nStartupTrials}
 * trials are complete, before step {@code nWarmupSteps}, at steps that do not open a new interval
 * of {@code intervalSteps}, nor when fewer than {@code nMinTrials} complete trials reported at
 * that step.
 */
public class PercentilePruner implements Pruner {

    private final double percentile;
    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;
    private final int nMinTrials;

    public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
        }
        if (nStartupTrials < 0 || nWarmupSteps < 0 || intervalSteps < 1 || nMinTrials < 1) {
            throw new IllegalArgumentException("need nStartupTrials >= 0, nWarmupSteps >= 0, intervalSteps >= 1,"
                    + " nMinTrials >= 1; got " + nStartupTrials + ", " + nWarmupSteps + ", " + intervalSteps
                    + ", " + nMinTrials);
        }
        this.percentile = percentile;
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
        this.nMinTrials = nMinTrials;
    }

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial trial) {
        List<FrozenTrial> completed = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        if (completed.isEmpty() || completed.size() < nStartupTrials) {
            return false;
        }
        OptionalInt lastStep = trial.lastStep();
        if (lastStep.isEmpty() || lastStep.getAsInt() < nWarmupSteps) {
            return false;
        }
        int step = lastStep.getAsInt();
        if (!isFirstInIntervalStep(trial, step)) {
            return false;
        }
        double best = trial.intermediateValues().values().stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .min()
                .orElse(Double.NaN);
        if (Double.isNaN(best)) {
            return true;
        }
        double[] atStep = completed.stream()
                .filter(t -> t.intermediateValues().containsKey(step))
                .mapToDouble(t -> t.intermediateValues().get(step))
                .toArray();
        if (atStep.length < nMinTrials) {
            return false;
        }
        double threshold = nanPercentile(atStep, percentile);
        return !Double.isNaN(threshold) && best > threshold;
    }

    /**
     * Whether {@code step} is the first report at or after the latest pruning checkpoint
     * (nWarmupSteps + k * intervalSteps), so that a trial is judged once per interval even when
     * its steps skip the checkpoints themselves.
     */
    private boolean isFirstInIntervalStep(FrozenTrial trial, int step) {
        int checkpoint = (step - nWarmupSteps) / intervalSteps * intervalSteps + nWarmupSteps;
        int previousStep = trial.intermediateValues().keySet().stream()
                .filter(s -> s != step)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(-1);
        return previousStep < checkpoint;
    }

    /** numpy's {@code nanpercentile} with linear interpolation; NaN when every value is NaN. */
    static double nanPercentile(double[] values, double percentile) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = percentile / 100 * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
