package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Converts parameter values between their external form (Integer, Double, String) and Optuna's
 * internal representation: the number itself for int and float parameters, the index of the
 * choice for categorical ones.
 */
final class ParamValues {

    private ParamValues() {
    }

    /** The internal form of {@code value}, or empty when it is not a point of {@code spec}'s domain. */
    static OptionalDouble toInternal(ParamSpec spec, Object value) {
        if (value == null || spec.check(value).isPresent()) {
            return OptionalDouble.empty();
        }
        if (spec instanceof CategoricalParam categorical) {
            return OptionalDouble.of(categorical.choices().indexOf((String) value));
        }
        return OptionalDouble.of(((Number) value).doubleValue());
    }

    /**
     * The external value for an internal one, snapped onto the domain: ints to the nearest step of
     * the grid, floats clipped to their bounds (exp of a log-scale draw can overshoot by an ulp).
     */
    static Object toExternal(ParamSpec spec, double internal) {
        if (spec instanceof IntParam i) {
            long steps = Math.round((internal - i.low()) / i.step());
            return (int) (i.low() + Math.max(0, Math.min(gridSteps(i), steps)) * i.step());
        }
        if (spec instanceof FloatParam f) {
            return Math.max(f.low(), Math.min(f.high(), internal));
        }
        return ((CategoricalParam) spec).choices().get((int) internal);
    }

    /**
     * The only value of a domain that has one. Optuna's trials return it without consulting the
     * sampler, so no randomness is spent on it.
     */
    static Optional<Object> onlyValue(ParamSpec spec) {
        if (spec instanceof IntParam i) {
            return gridSteps(i) == 0 ? Optional.of(i.low()) : Optional.empty();
        }
        if (spec instanceof FloatParam f) {
            return f.low() == f.high() ? Optional.of(f.low()) : Optional.empty();
        }
        List<String> choices = ((CategoricalParam) spec).choices();
        return choices.size() == 1 ? Optional.of(choices.get(0)) : Optional.empty();
    }

    /** How many steps above {@code low} the grid reaches: its last point may lie below {@code high}. */
    static long gridSteps(IntParam spec) {
        return ((long) spec.high() - spec.low()) / spec.step();
    }
}
