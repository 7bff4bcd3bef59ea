package io.vixlab.report.stats.importance;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A parameter's search space as far as the trials show it: the report sees the values trials were
 * given, not the tuner's search space, so the range is the observed one. A numeric parameter is on a
 * log scale when every value is positive and they span at least {@value #LOG_SPAN} (a learning
 * rate), an integer one when every value is whole; anything else (text, booleans) is categorical.
 */
sealed interface ParameterDomain {

    /** Ratio of the largest to the smallest value from which a positive parameter counts as log-scaled. */
    double LOG_SPAN = 100;

    record Numeric(double low, double high, boolean integer, boolean log) implements ParameterDomain {
        @Override
        public boolean single() {
            return low == high;
        }
    }

    record Categorical(List<Object> choices) implements ParameterDomain {
        @Override
        public boolean single() {
            return choices.size() == 1;
        }
    }

    /** Whether one value only was seen: such a parameter explains nothing. */
    boolean single();

    static ParameterDomain of(String name, Collection<Object> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value");
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            double low = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElseThrow();
            double high = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
            boolean integer = values.stream().allMatch(v -> ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue()));
            return new Numeric(low, high, integer, low > 0 && high / low >= LOG_SPAN);
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("parameter '" + name + "' has a null value");
        }
        return new Categorical(values.stream().distinct().sorted((a, b) -> a.toString().compareTo(b.toString()))
                .map(Object.class::cast).toList());
    }
}
