package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * TPE's two groups of observations: the {@code below} trials that l(x) is fitted to and the
 * {@code above} trials that g(x) is fitted to, each in trial order, and the parameter values TPE
 * reads from them.
 */
record TpeSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    /** One row per trial that has a valid value of every one of {@code specs}, in trial order. */
    static double[][] jointObservations(List<ParamSpec> specs, List<FrozenTrial> trials) {
        List<double[]> rows = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            double[] row = new double[specs.size()];
            boolean valid = true;
            for (int d = 0; d < row.length && valid; d++) {
                OptionalDouble value = ParamValues.toInternal(specs.get(d), trial.params().get(specs.get(d).name()));
                valid = value.isPresent();
                row[d] = valid ? value.getAsDouble() : 0;
            }
            if (valid) {
                rows.add(row);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** Internal values of {@code spec} in the trials that have a valid one, in trial order. */
    static double[] observations(ParamSpec spec, List<FrozenTrial> trials) {
        return trials.stream()
                .map(t -> ParamValues.toInternal(spec, t.params().get(spec.name())))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .toArray();
    }

    /**
     * Optuna's {@code _split_trials}: the best COMPLETE trials fill the below group first, then the
     * PRUNED ones that got furthest (and, at equal steps, reported the best value); everything else,
     * running trials included, is above. Both groups come back in trial order.
     */
    static TpeSplit of(List<FrozenTrial> finished, List<FrozenTrial> running, int nBelow) {
        Comparator<FrozenTrial> byNumber = Comparator.comparingInt(FrozenTrial::number);
        List<FrozenTrial> complete = finished.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .sorted(Comparator.<FrozenTrial>comparingDouble(t -> t.value().orElseThrow()).thenComparing(byNumber))
                .toList();
        List<FrozenTrial> pruned = finished.stream()
                .filter(t -> t.state() == TrialState.PRUNED)
                .sorted(((Comparator<FrozenTrial>) TpeSplit::comparePrunedTrials).thenComparing(byNumber))
                .toList();
        int completeBelow = Math.min(nBelow, complete.size());
        int prunedBelow = Math.min(nBelow - completeBelow, pruned.size());
        List<FrozenTrial> below = new ArrayList<>(complete.subList(0, completeBelow));
        below.addAll(pruned.subList(0, prunedBelow));
        List<FrozenTrial> above = new ArrayList<>(complete.subList(completeBelow, complete.size()));
        above.addAll(pruned.subList(prunedBelow, pruned.size()));
        above.addAll(running);
        below.sort(byNumber);
        above.sort(byNumber);
        return new TpeSplit(below, above);
    }

    /**
     * Optuna's {@code _get_pruned_trial_score} order: a later last step first; at the same step the
     * lower value (NaN last); trials that reported nothing after all others.
     */
    private static int comparePrunedTrials(FrozenTrial a, FrozenTrial b) {
        int byStep = Double.compare(prunedScoreStep(a), prunedScoreStep(b));
        return byStep != 0 ? byStep : Double.compare(prunedScoreValue(a), prunedScoreValue(b));
    }

    private static double prunedScoreStep(FrozenTrial trial) {
        return trial.intermediateValues().isEmpty() ? 1 : -trial.intermediateValues().lastKey();
    }

    private static double prunedScoreValue(FrozenTrial trial) {
        if (trial.intermediateValues().isEmpty()) {
            return 0.0;
        }
        double value = trial.intermediateValues().get(trial.intermediateValues().lastKey());
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }
}
