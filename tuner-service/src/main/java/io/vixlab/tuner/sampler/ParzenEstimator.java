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
        this.cumulativeWeights = cumulative(weights);
        this.kernels = kernels;
    }

    /**
     * @param observations internal values of the group's trials, ordered by trial number so that
     *                     the weights function sees the oldest first
     */
    static ParzenEstimator build(ParamSpec spec, double[] observations, ParzenEstimatorParameters parameters) {
        Kernels.Mixture mixture = mixture(spec, observations, kernelWeights(observations.length, parameters), parameters);
        return new ParzenEstimator(mixture.weights(), mixture.kernels());
    }

    /** The kernels of one parameter's observations and its prior, weighted by {@code weights}. */
    static Kernels.Mixture mixture(ParamSpec spec, double[] observations, double[] weights,
            ParzenEstimatorParameters parameters) {
        return spec instanceof CategoricalParam categorical
                ? CategoricalKernels.of(categorical.choices().size(), observations, weights, parameters)
                : NumericalKernels.of(spec, observations, weights, parameters);
    }

    /**
     * The normalized weights of the kernels of {@code n} observations and of the prior, which comes
     * last: the weights function's for the observations, the prior weight for the prior; the prior
     * alone when there are no observations.
     */
    static double[] kernelWeights(int n, ParzenEstimatorParameters parameters) {
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
        return weights;
    }

    /** Running sums of {@code weights}, for {@link #chooseKernel}. */
    static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            cumulative[k] = sum;
        }
        return cumulative;
    }

    /** The kernel a uniform draw picks, each with the probability of its weight. */
    static int chooseKernel(double[] cumulativeWeights, double uniform) {
        double target = uniform * cumulativeWeights[cumulativeWeights.length - 1];
        int index = Arrays.binarySearch(cumulativeWeights, target);
        int kernel = index >= 0 ? index + 1 : -index - 1;
        return Math.min(kernel, cumulativeWeights.length - 1);
    }

    /** log(sum(exp(terms))) without overflow; -infinity when every term is. */
    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double term : terms) {
            max = Math.max(max, term);
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

    /** {@code count} independent draws: a kernel by weight, then a value from that kernel. */
    double[] sample(SplittableRandom rng, int count) {
        int[] chosenKernels = new int[count];
        for (int i = 0; i < count; i++) {
            chosenKernels[i] = chooseKernel(cumulativeWeights, rng.nextDouble());
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
        for (int k = 0; k < terms.length; k++) {
            terms[k] += logWeights[k];
        }
        return logSumExp(terms);
    }
}
