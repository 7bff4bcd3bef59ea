package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The joint density of several parameters that Optuna's {@code _ParzenEstimator} builds for
 * multivariate TPE: a weighted mixture with one kernel per observation plus the prior, each kernel
 * the product of that observation's (or the prior's) univariate kernels of every parameter, as
 * {@link ParzenEstimator} builds them. A draw picks one kernel and draws every parameter from it,
 * so values that did well together are proposed together. Values are in Optuna's internal
 * representation (see {@link ParamValues}).
 */
final class MultivariateParzenEstimator {

    private final double[] logWeights;
    private final double[] cumulativeWeights;
    /** Per parameter, its distinct kernels. */
    private final Kernels[] kernels;
    /** Per parameter, kernel k of the mixture (observation k, the prior last) -> its distinct kernel. */
    private final int[][] kernelOf;

    private MultivariateParzenEstimator(double[] weights, Kernels[] kernels, int[][] kernelOf) {
        this.logWeights = Arrays.stream(weights).map(Math::log).toArray();
        this.cumulativeWeights = ParzenEstimator.cumulative(weights);
        this.kernels = kernels;
        this.kernelOf = kernelOf;
    }

    /**
     * @param observations one row per trial, ordered by trial number so that the weights function
     *                     sees the oldest first, with the internal value of each of {@code specs}
     */
    static MultivariateParzenEstimator build(List<ParamSpec> specs, double[][] observations,
            ParzenEstimatorParameters parameters) {
        double[] weights = ParzenEstimator.kernelWeights(observations.length, parameters);
        Kernels[] kernels = new Kernels[specs.size()];
        int[][] kernelOf = new int[specs.size()][];
        for (int d = 0; d < specs.size(); d++) {
            int dimension = d;
            double[] column = Arrays.stream(observations).mapToDouble(row -> row[dimension]).toArray();
            Kernels.Mixture mixture = ParzenEstimator.mixture(specs.get(d), column, weights, parameters);
            kernels[d] = mixture.kernels();
            kernelOf[d] = mixture.kernelOf();
        }
        return new MultivariateParzenEstimator(weights, kernels, kernelOf);
    }

    /** {@code count} independent draws, one row each: a kernel by weight, then every parameter from it. */
    double[][] sample(SplittableRandom rng, int count) {
        double[][] samples = new double[count][kernels.length];
        for (int i = 0; i < count; i++) {
            int kernel = ParzenEstimator.chooseKernel(cumulativeWeights, rng.nextDouble());
            for (int d = 0; d < kernels.length; d++) {
                samples[i][d] = kernels[d].sample(kernelOf[d][kernel], rng.nextDouble());
            }
        }
        return samples;
    }

    /** log of the joint density at each row of {@code points}. */
    double[] logPdf(double[][] points) {
        return Arrays.stream(points).mapToDouble(this::logPdf).toArray();
    }

    private double logPdf(double[] point) {
        double[] terms = logWeights.clone();
        for (int d = 0; d < kernels.length; d++) {
            // Each distinct kernel's density once, then shared by the observations that have it.
            double[] distinct = kernels[d].logDensities(point[d]);
            int[] of = kernelOf[d];
            for (int k = 0; k < terms.length; k++) {
                terms[k] += distinct[of[k]];
            }
        }
        return ParzenEstimator.logSumExp(terms);
    }
}
