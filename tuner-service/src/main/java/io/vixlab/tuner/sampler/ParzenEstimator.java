package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The density of one parameter that Optuna 3.x's univariate {@code _ParzenEstimator} builds from
 * the observations of a group of trials: a weighted mixture of one kernel per observation plus a
 * prior kernel. Floats get truncated normal kernels (in log space on a log scale), ints get
 * truncated normals discretized over their grid, categoricals get Optuna's categorical kernel.
 * Values in and out are in Optuna's internal representation (see {@link ParamValues}).
 */
final class ParzenEstimator {

    private final double[] logWeights;
    private final double[] cumulativeWeights;
    private final Kernels kernels;

    private ParzenEstimator(double[] weights, Kernels kernels) {
        this.logWeights = Arrays.stream(weights).map(Math::log).toArray();
        this.cumulativeWeights = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            cumulativeWeights[k] = sum;
        }
        this.kernels = kernels;
    }

    /**
     * @param observations internal values of the group's trials, ordered by trial number so that
     *                     the weights function sees the oldest first
     */
    static ParzenEstimator build(ParamSpec spec, double[] observations, ParzenEstimatorParameters parameters) {
        int n = observations.length;
        double[] weights = new double[n + 1];
        if (n == 0) {
            weights[0] = 1.0;
        } else {
            double[] observationWeights = parameters.weights().apply(n);
            System.arraycopy(observationWeights, 0, weights, 0, n);
            weights[n] = parameters.priorWeight();
        }
        double total = Arrays.stream(weights).sum();
        for (int k = 0; k <= n; k++) {
            weights[k] /= total;
        }
        Kernels.Mixture mixture = spec instanceof CategoricalParam categorical
                ? CategoricalKernels.of(categorical.choices().size(), observations, weights, parameters)
                : NumericalKernels.of(spec, observations, weights, parameters);
        return new ParzenEstimator(mixture.weights(), mixture.kernels());
    }

    /** {@code count} independent draws: a kernel by weight, then a value from that kernel. */
    double[] sample(SplittableRandom rng, int count) {
        int[] chosenKernels = new int[count];
        for (int i = 0; i < count; i++) {
            chosenKernels[i] = chooseKernel(rng.nextDouble());
        }
        double[] samples = new double[count];
        for (int i = 0; i < count; i++) {
            samples[i] = kernels.sample(chosenKernels[i], rng.nextDouble());
        }
        return samples;
    }

    /** log of the mixture density at each of {@code values}. */
    double[] logPdf(double[] values) {
        // Candidates on an int grid or among few choices repeat; each distinct one is computed once.
        Map<Double, Double> computed = new HashMap<>();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = computed.computeIfAbsent(values[i], this::logPdf);
        }
        return result;
    }

    private double logPdf(double value) {
        double[] terms = kernels.logDensities(value);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < terms.length; k++) {
            terms[k] += logWeights[k];
            max = Math.max(max, terms[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    private int chooseKernel(double uniform) {
        double target = uniform * cumulativeWeights[cumulativeWeights.length - 1];
        int index = Arrays.binarySearch(cumulativeWeights, target);
        int kernel = index >= 0 ? index + 1 : -index - 1;
        return Math.min(kernel, cumulativeWeights.length - 1);
    }
}
