package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import io.vixlab.contracts.search.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A search space as the Gaussian process sees it, Optuna's {@code gp.search_space}: one coordinate
 * per parameter that has more than one value. A float is scaled onto [0, 1] (its logarithm on a log
 * scale); an int's grid is widened by half a step at each end and scaled likewise, so that its k-th
 * point sits in the middle of the k-th of equal cells; a categorical keeps its choice's index, which
 * the kernel compares for equality only.
 */
final class NormalizedSpace {

    private final SearchSpace space;
    private final List<ParamSpec> dimensions;

    NormalizedSpace(SearchSpace space) {
        this.space = space;
        this.dimensions = space.params().stream().filter(p -> ParamValues.onlyValue(p).isEmpty()).toList();
    }

    int dimensions() {
        return dimensions.size();
    }

    boolean[] categorical() {
        boolean[] categorical = new boolean[dimensions.size()];
        for (int j = 0; j < categorical.length; j++) {
            categorical[j] = dimensions.get(j) instanceof CategoricalParam;
        }
        return categorical;
    }

    /** The coordinates dimension {@code j} can take: int grid points or choice indices; empty for a float. */
    Optional<double[]> discreteValues(int j) {
        ParamSpec spec = dimensions.get(j);
        if (spec instanceof FloatParam) {
            return Optional.empty();
        }
        int count = cells(spec);
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = spec instanceof IntParam ? (k + 0.5) / count : k;
        }
        return Optional.of(values);
    }

    /** The coordinates of {@code params}, or empty when one of them is not a point of the space. */
    Optional<double[]> encode(Map<String, Object> params) {
        double[] x = new double[dimensions.size()];
        for (int j = 0; j < x.length; j++) {
            ParamSpec spec = dimensions.get(j);
            OptionalDouble internal = ParamValues.toInternal(spec, params.get(spec.name()));
            if (internal.isEmpty()) {
                return Optional.empty();
            }
            x[j] = normalize(spec, internal.getAsDouble());
        }
        return Optional.of(x);
    }

    /** The point of the space nearest to coordinates {@code x}, every parameter in the space's order. */
    Map<String, Object> decode(double[] x) {
        Map<String, Object> params = new LinkedHashMap<>();
        int j = 0;
        for (ParamSpec spec : space.params()) {
            Optional<Object> only = ParamValues.onlyValue(spec);
            params.put(spec.name(), only.isPresent() ? only.get() : ParamValues.toExternal(spec, denormalize(spec, x[j++])));
        }
        return params;
    }

    /** Maps a point of the unit cube onto the space's coordinates: discrete dimensions go to their cell's value. */
    double[] fromUnitCube(double[] u) {
        double[] x = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            ParamSpec spec = dimensions.get(j);
            if (spec instanceof FloatParam) {
                x[j] = u[j];
            } else {
                int cells = cells(spec);
                int cell = Math.min(cells - 1, (int) Math.floor(u[j] * cells));
                x[j] = spec instanceof IntParam ? (cell + 0.5) / cells : cell;
            }
        }
        return x;
    }

    private static int cells(ParamSpec spec) {
        if (spec instanceof IntParam i) {
            return (int) ParamValues.gridSteps(i) + 1;
        }
        return ((CategoricalParam) spec).choices().size();
    }

    private static double normalize(ParamSpec spec, double internal) {
        if (spec instanceof IntParam i) {
            double low = i.low() - i.step() / 2.0;
            return (internal - low) / ((double) cells(i) * i.step());
        }
        if (spec instanceof FloatParam f) {
            return f.log()
                    ? (Math.log(internal) - Math.log(f.low())) / (Math.log(f.high()) - Math.log(f.low()))
                    : (internal - f.low()) / (f.high() - f.low());
        }
        return internal;
    }

    private static double denormalize(ParamSpec spec, double x) {
        if (spec instanceof IntParam i) {
            return i.low() - i.step() / 2.0 + x * cells(i) * i.step();
        }
        if (spec instanceof FloatParam f) {
            return f.log()
                    ? Math.exp(Math.log(f.low()) + x * (Math.log(f.high()) - Math.log(f.low())))
                    : f.low() + x * (f.high() - f.low());
        }
        return Math.rint(x);
    }
}
