package io.vixlab.contracts.search;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Optional;

/** One hyperparameter's domain, with Optuna's {@code suggest_*} semantics. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ParamSpec.IntParam.class, name = "int"),
        @JsonSubTypes.Type(value = ParamSpec.FloatParam.class, name = "float"),
        @JsonSubTypes.Type(value = ParamSpec.CategoricalParam.class, name = "categorical")})
public sealed interface ParamSpec {

    String name();

    /** Why {@code value} is not in this domain, or empty when it is. */
    Optional<String> check(Object value);

    /** {@code suggest_int(name, low, high, step)}: low, low + step, ..., up to high. */
    record IntParam(String name, int low, int high, int step) implements ParamSpec {
        public IntParam {
            if (step < 1 || high < low) {
                throw new IllegalArgumentException(name + ": need low <= high and step >= 1");
            }
        }

        @Override
        public Optional<String> check(Object value) {
            if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                return Optional.of(name + " must be an integer, got " + value);
            }
            long v = n.longValue();
            if (v < low || v > high || (v - low) % step != 0) {
                return Optional.of(name + " must be in [" + low + ", " + high + "] with step " + step + ", got " + v);
            }
            return Optional.empty();
        }
    }

    /** {@code suggest_float(name, low, high, log)}. */
    record FloatParam(String name, double low, double high, boolean log) implements ParamSpec {
        public FloatParam {
            if (!(low <= high) || (log && low <= 0)) {
                throw new IllegalArgumentException(name + ": need low <= high, and low > 0 on a log scale");
            }
        }

        @Override
        public Optional<String> check(Object value) {
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                return Optional.of(name + " must be a finite number, got " + value);
            }
            double v = n.doubleValue();
            if (v < low || v > high) {
                return Optional.of(name + " must be in [" + low + ", " + high + "], got " + v);
            }
            return Optional.empty();
        }
    }

    /** {@code suggest_categorical(name, choices)}. */
    record CategoricalParam(String name, List<String> choices) implements ParamSpec {
        public CategoricalParam {
            if (choices.isEmpty()) {
                throw new IllegalArgumentException(name + ": needs at least one choice");
            }
            choices = List.copyOf(choices);
        }

        @Override
        public Optional<String> check(Object value) {
            return choices.contains(String.valueOf(value)) && value instanceof String
                    ? Optional.empty()
                    : Optional.of(name + " must be one of " + choices + ", got " + value);
        }
    }
}
