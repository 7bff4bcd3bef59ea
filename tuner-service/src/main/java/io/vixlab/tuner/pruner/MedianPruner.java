package io.vixlab.tuner.pruner;

/**
 * Optuna's {@code MedianPruner}, the pruner the seed notebook gets by default: a
 * {@link PercentilePruner} at the 50th percentile. Defaults: 5 startup trials, no warm-up steps,
 * an interval of 1 step, at least 1 complete trial reporting at the step.
 */
public final class MedianPruner extends PercentilePruner {

    public MedianPruner() {
        this(5, 0, 1, 1);
    }

    public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        super(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }
}
