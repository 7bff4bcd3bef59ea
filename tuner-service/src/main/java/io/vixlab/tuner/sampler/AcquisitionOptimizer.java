package io.vixlab.tuner.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximizes an acquisition function over a {@link NormalizedSpace}, as Optuna's
 * {@code optim_mixed.optimize_acqf_mixed}: scores a randomly shifted Sobol sequence, then improves
 * the best of those points and the given warm starts by a local search that alternates between the
 * floats (BOBYQA, or Brent's method for a single float) and each discrete dimension in turn (every
 * value when there are few, Optuna's interpolated line search over the grid otherwise), until a
 * round gains less than a tolerance.
 */
final class AcquisitionOptimizer {

    /** Optuna's {@code MAX_INT_EXHAUSTIVE_SEARCH_PARAMS}. */
    private static final int EXHAUSTIVE_LIMIT = 16;
    private static final double TOLERANCE = 1e-4;
    private static final int MAX_ROUNDS = 100;
    private static final int MAX_CONTINUOUS_EVALUATIONS = 500;

    private final NormalizedSpace space;
    private final int preliminarySamples;
    private final int localSearches;

    /**
     * @param preliminarySamples Sobol points scored first (Optuna: 2,048)
     * @param localSearches      how many of the best of them start a local search (Optuna: 10)
     */
    AcquisitionOptimizer(NormalizedSpace space, int preliminarySamples, int localSearches) {
        this.space = space;
        this.preliminarySamples = preliminarySamples;
        this.localSearches = localSearches;
    }

    /** The best point found; {@code warmStarts} (e.g. the best trial so far) start local searches too. */
    double[] maximize(ToDoubleFunction<double[]> acquisition, List<double[]> warmStarts, SplittableRandom rng) {
        int d = space.dimensions();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        double[] shift = IntStream.range(0, d).mapToDouble(j -> rng.nextDouble()).toArray();
        List<Scored> preliminary = new ArrayList<>();
        for (int i = 0; i < preliminarySamples; i++) {
            double[] u = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                u[j] = (u[j] + shift[j]) % 1.0;
            }
            double[] point = space.fromUnitCube(u);
            preliminary.add(new Scored(point, acquisition.applyAsDouble(point)));
        }
        List<double[]> starts = new ArrayList<>(warmStarts);
        preliminary.stream().sorted(Comparator.comparingDouble(Scored::value).reversed())
                .limit(localSearches).forEach(s -> starts.add(s.point()));
        Scored best = preliminary.stream().max(Comparator.comparingDouble(Scored::value)).orElseThrow();
        for (double[] start : starts) {
            Scored local = localSearch(acquisition, start);
            if (local.value() > best.value()) {
                best = local;
            }
        }
        return best.point();
    }

    private record Scored(double[] point, double value) {
    }

    private Scored localSearch(ToDoubleFunction<double[]> acquisition, double[] start) {
        int[] continuous = IntStream.range(0, space.dimensions())
                .filter(j -> space.discreteValues(j).isEmpty()).toArray();
        boolean[] categorical = space.categorical();
        Scored current = new Scored(start.clone(), acquisition.applyAsDouble(start));
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double before = current.value();
            if (continuous.length > 0) {
                current = continuousSearch(acquisition, current, continuous);
            }
            for (int j = 0; j < space.dimensions(); j++) {
                Optional<double[]> values = space.discreteValues(j);
                if (values.isPresent()) {
                    current = discreteSearch(acquisition, current, j, values.get(),
                            categorical[j] || values.get().length <= EXHAUSTIVE_LIMIT);
                }
            }
            if (current.value() - before < TOLERANCE) {
                break;
            }
        }
        return current;
    }

    /** BOBYQA over the floats within [0, 1] (it needs two dimensions at least), Brent's method for one. */
    private static Scored continuousSearch(ToDoubleFunction<double[]> acquisition, Scored current, int[] dimensions) {
        BestSeen best = new BestSeen(current);
        ToDoubleFunction<double[]> onFloats = floats -> {
            double[] point = current.point().clone();
            for (int k = 0; k < dimensions.length; k++) {
                point[dimensions[k]] = Math.max(0, Math.min(1, floats[k]));
            }
            return best.offer(point, acquisition.applyAsDouble(point));
        };
        double[] start = Arrays.stream(dimensions).mapToDouble(j -> current.point()[j]).toArray();
        try {
            if (dimensions.length == 1) {
                new BrentOptimizer(1e-8, TOLERANCE).optimize(new MaxEval(MAX_CONTINUOUS_EVALUATIONS),
                        new UnivariateObjectiveFunction(t -> onFloats.applyAsDouble(new double[] {t})),
                        GoalType.MAXIMIZE, new SearchInterval(0, 1, start[0]));
            } else {
                double[] zeros = new double[dimensions.length];
                double[] ones = new double[dimensions.length];
                Arrays.fill(ones, 1.0);
                new BOBYQAOptimizer(2 * dimensions.length + 1, 0.1, TOLERANCE).optimize(
                        new MaxEval(MAX_CONTINUOUS_EVALUATIONS), new ObjectiveFunction(onFloats::applyAsDouble),
                        GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(zeros, ones));
            }
        } catch (TooManyEvaluationsException e) {
            // A budget, not a failure: the best point seen is kept.
        }
        return best.best;
    }

    /**
     * Dimension {@code j} moved to the best of its {@code values}: each of them when
     * {@code exhaustive} (categoricals, whose order means nothing, and grids of few points), else
     * Brent's method on the acquisition interpolated linearly between neighbouring grid points
     * (Optuna's {@code _discrete_line_search}), then the grid points on either side of its answer.
     */
    private static Scored discreteSearch(ToDoubleFunction<double[]> acquisition, Scored current, int j, double[] values,
            boolean exhaustive) {
        BestSeen best = new BestSeen(current);
        double[] cache = new double[values.length];
        Arrays.fill(cache, Double.NaN);
        IntToDoubleFunction at = k -> {
            if (Double.isNaN(cache[k])) {
                double[] point = current.point().clone();
                point[j] = values[k];
                cache[k] = best.offer(point, acquisition.applyAsDouble(point));
            }
            return cache[k];
        };
        if (exhaustive) {
            IntStream.range(0, values.length).forEach(at::applyAsDouble);
            return best.best;
        }
        double found = new BrentOptimizer(1e-8, 0.5).optimize(new MaxEval(MAX_CONTINUOUS_EVALUATIONS),
                new UnivariateObjectiveFunction(t -> {
                    int below = (int) Math.floor(t);
                    int above = Math.min(values.length - 1, below + 1);
                    double weight = t - below;
                    return (1 - weight) * at.applyAsDouble(below) + weight * at.applyAsDouble(above);
                }),
                GoalType.MAXIMIZE, new SearchInterval(0, values.length - 1, nearestIndex(values, current.point()[j])))
                .getPoint();
        at.applyAsDouble((int) Math.floor(found));
        at.applyAsDouble((int) Math.ceil(found));
        return best.best;
    }

    private static int nearestIndex(double[] values, double value) {
        int nearest = 0;
        for (int k = 1; k < values.length; k++) {
            if (Math.abs(values[k] - value) < Math.abs(values[nearest] - value)) {
                nearest = k;
            }
        }
        return nearest;
    }

    /** The best point an optimizer has evaluated, whatever it returns or throws. */
    private static final class BestSeen {

        private Scored best;

        BestSeen(Scored start) {
            this.best = start;
        }

        double offer(double[] point, double value) {
            if (value > best.value()) {
                best = new Scored(point, value);
            }
            return value;
        }
    }
}
