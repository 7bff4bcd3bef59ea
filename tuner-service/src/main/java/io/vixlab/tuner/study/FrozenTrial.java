package io.vixlab.tuner.study;

import io.vixlab.contracts.training.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one trial, the unit that samplers and pruners read. A service that keeps
 * its trials in a database builds these from its rows and hands the whole list to a sampler or a
 * pruner; nothing here owns storage.
 *
 * @param number             the trial's position in its study, from 0
 * @param state              where the trial is in its life
 * @param params             parameter name to value: {@link Integer} for int parameters, {@link Double}
 *                           for float parameters, {@link String} for categorical ones
 * @param value              the objective value; present for COMPLETE trials, and for PRUNED ones
 *                           that reported a finite intermediate value (Optuna's convention)
 * @param intermediateValues step to reported value, in step order
 * @param datetimeStart      when the trial was asked for
 * @param datetimeComplete   when the trial finished; empty while it runs
 */
public record FrozenTrial(
        int number,
        TrialState state,
        Map<String, Object> params,
        OptionalDouble value,
        SortedMap<Integer, Double> intermediateValues,
        Instant datetimeStart,
        Optional<Instant> datetimeComplete) {

    public FrozenTrial {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(datetimeStart, "datetimeStart");
        Objects.requireNonNull(datetimeComplete, "datetimeComplete");
        if (number < 0) {
            throw new IllegalArgumentException("trial number must be >= 0, got " + number);
        }
        if (state == TrialState.COMPLETE && value.isEmpty()) {
            throw new IllegalArgumentException("trial " + number + " is COMPLETE but has no value");
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
    }

    /** The highest step reported so far, Optuna's {@code last_step}. */
    public OptionalInt lastStep() {
        return intermediateValues.isEmpty() ? OptionalInt.empty() : OptionalInt.of(intermediateValues.lastKey());
    }
}
