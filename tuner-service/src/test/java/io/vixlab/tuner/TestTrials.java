package io.vixlab.tuner;

import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.contracts.training.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds trials in a given state for sampler and pruner tests. */
public final class TestTrials {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private TestTrials() {
    }

    public static FrozenTrial complete(int number, double value, Map<String, Object> params) {
        return complete(number, value, params, Map.of());
    }

    public static FrozenTrial complete(int number, double value, Map<String, Object> params,
            Map<Integer, Double> intermediateValues) {
        return new FrozenTrial(number, TrialState.COMPLETE, params, OptionalDouble.of(value),
                new TreeMap<>(intermediateValues), START, Optional.of(START.plusSeconds(60)));
    }

    /** A complete trial known only by its intermediate values, for pruner tests. */
    public static FrozenTrial complete(int number, Map<Integer, Double> intermediateValues) {
        SortedMap<Integer, Double> values = new TreeMap<>(intermediateValues);
        return complete(number, values.get(values.lastKey()), Map.of(), values);
    }

    public static FrozenTrial running(int number, Map<String, Object> params) {
        return new FrozenTrial(number, TrialState.RUNNING, params, OptionalDouble.empty(), new TreeMap<>(), START,
                Optional.empty());
    }

    public static FrozenTrial runningWithReports(int number, Map<Integer, Double> intermediateValues) {
        return new FrozenTrial(number, TrialState.RUNNING, Map.of(), OptionalDouble.empty(),
                new TreeMap<>(intermediateValues), START, Optional.empty());
    }

    public static FrozenTrial failed(int number, Map<String, Object> params) {
        return new FrozenTrial(number, TrialState.FAILED, params, OptionalDouble.empty(), new TreeMap<>(), START,
                Optional.of(START.plusSeconds(5)));
    }

    public static FrozenTrial pruned(int number, Map<String, Object> params, Map<Integer, Double> intermediateValues) {
        return new FrozenTrial(number, TrialState.PRUNED, params, OptionalDouble.empty(),
                new TreeMap<>(intermediateValues), START, Optional.of(START.plusSeconds(30)));
    }
}
