package io.vixlab.tuner.pruner;

import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Optuna's {@code SuccessiveHalvingPruner} (asynchronous successive halving) for a minimized
 * objective. Rung r is reached at step minResource * reductionFactor^(minEarlyStoppingRate + r);
 * a trial that reaches a rung records its value there and goes on only if that value is among the
 * best 1/reductionFactor of all values recorded at the rung (or the best, while fewer than
 * reductionFactor trials have reached it).
 *
 * <p>Optuna stores each rung's value as a trial system attribute when the pruner first sees the
 * trial at or past the rung. This pruner keeps no state: it derives the same record from the
 * intermediate values, as the value at the first reported step at or past the rung, which is
 * exact when the pruner is asked after every report and a pruned trial reports no more.
 * {@code minResource} must be given; Optuna's "auto" estimate is not offered.
 */
public final class SuccessiveHalvingPruner implements Pruner {

    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;

    /** Optuna's defaults apart from minResource: reduction factor 4, minimum early-stopping rate 0. */
    public SuccessiveHalvingPruner(int minResource) {
        this(minResource, 4, 0);
    }

    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate) {
        if (minResource < 1 || reductionFactor < 2 || minEarlyStoppingRate < 0) {
            throw new IllegalArgumentException("need minResource >= 1, reductionFactor >= 2,"
                    + " minEarlyStoppingRate >= 0; got " + minResource + ", " + reductionFactor + ", "
                    + minEarlyStoppingRate);
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
    }

    @Override
    public boolean prune(List<FrozenTrial> trials, FrozenTrial trial) {
        OptionalInt lastStep = trial.lastStep();
        if (lastStep.isEmpty()) {
            return false;
        }
        int step = lastStep.getAsInt();
        double value = trial.intermediateValues().get(step);
        SortedMap<Integer, Double> earlierReports = trial.intermediateValues().headMap(step);
        int rung = 0;
        // Rungs an earlier report already reached were judged, and passed, at that report.
        while (!earlierReports.isEmpty() && earlierReports.lastKey() >= promotionStep(rung)) {
            rung++;
        }
        while (step >= promotionStep(rung)) {
            if (Double.isNaN(value)) {
                return true;
            }
            List<Double> competing = new ArrayList<>();
            for (FrozenTrial other : trials) {
                if (other.number() != trial.number()) {
                    valueAtRung(other, rung).ifPresent(competing::add);
                }
            }
            competing.add(value);
            if (!isPromotable(value, competing)) {
                return true;
            }
            rung++;
        }
        return false;
    }

    /** The step at which rung {@code rung} is reached; saturates instead of overflowing. */
    long promotionStep(int rung) {
        long step = minResource;
        for (int i = 0; i < minEarlyStoppingRate + rung; i++) {
            if (step > Long.MAX_VALUE / reductionFactor) {
                return Long.MAX_VALUE;
            }
            step *= reductionFactor;
        }
        return step;
    }

    /**
     * What {@code trial} recorded at {@code rung}: its value at the first report at or past the
     * rung. A NaN there records nothing, since Optuna prunes such a trial before recording.
     */
    private OptionalDouble valueAtRung(FrozenTrial trial, int rung) {
        long rungStep = promotionStep(rung);
        for (Map.Entry<Integer, Double> report : trial.intermediateValues().entrySet()) {
            if (report.getKey() >= rungStep) {
                double value = report.getValue();
                return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Optuna's {@code _is_trial_promotable_to_next_rung}: the value must not exceed the k-th
     * smallest competing value, k = competitors / reductionFactor (at least the first).
     */
    private boolean isPromotable(double value, List<Double> competing) {
        int promotableIndex = Math.max(competing.size() / reductionFactor - 1, 0);
        Collections.sort(competing);
        return value <= competing.get(promotableIndex);
    }
}
