package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The density of one parameter that Optuna 3.x's univariate {@code _ParzenEstimator} builds from
 * the observations of a group of trials: a weighted mixture of one kernel per observation plus a
 * prior kernel. Floats get truncated normal kernels (in log space on a log scale), ints get
 * truncated normals discretized over their grid, categoricals get Optuna's categorical kernel.
 * Values in and out are in Optuna's internal representation (see {@link ParamValues}).
 */
final class ParzenEstimator {

    /** Optuna's floor for kernel widths when the magic clip is off. */
    private static final double EPS = 1e-12;

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
        Mixture mixture = spec instanceof CategoricalParam categorical
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

    private record Mixture(double[] weights, Kernels kernels) {
    }

    /**
     * Which kernels are identical. Each distinct kernel is kept once with the summed weight of its
     * copies, which leaves the mixture unchanged; on an int grid 1,000 observations make only a
     * handful of distinct kernels, and evaluating a handful is what keeps ask fast.
     */
    private record IdenticalKernels(int[] representatives, int[] groupOf) {

        static IdenticalKernels find(int count, IntFunction<Object> identity) {
            Map<Object, Integer> groups = new HashMap<>();
            List<Integer> representatives = new ArrayList<>();
            int[] groupOf = new int[count];
            for (int k = 0; k < count; k++) {
                int kernel = k;
                groupOf[k] = groups.computeIfAbsent(identity.apply(k), key -> {
                    representatives.add(kernel);
                    return representatives.size() - 1;
                });
            }
            return new IdenticalKernels(representatives.stream().mapToInt(Integer::intValue).toArray(), groupOf);
        }

        double[] mergedWeights(double[] weights) {
            double[] merged = new double[representatives.length];
            for (int k = 0; k < weights.length; k++) {
                merged[groupOf[k]] += weights[k];
            }
            return merged;
        }

        double[] pick(double[] perKernel) {
            return Arrays.stream(representatives).mapToDouble(k -> perKernel[k]).toArray();
        }
    }

    /** The distinct kernels of a mixture. */
    private interface Kernels {

        /** A draw from kernel {@code kernel}, by inversion of the uniform draw {@code uniform}. */
        double sample(int kernel, double uniform);

        /** log of every kernel's density at {@code value}. */
        double[] logDensities(double value);
    }

    /**
     * Truncated normal kernels on [low, high]; on an int grid the normal is truncated to
     * [low - step/2, high + step/2] and each grid point gets the mass of its cell.
     */
    private static final class NumericalKernels implements Kernels {

        private final boolean logScale;
        private final double low;
        private final double high;
        /** 0 for a continuous domain. */
        private final double step;
        private final double[] mus;
        private final double[] sigmas;
        /** Per kernel, the log of what its density is divided by: its mass on the domain, and sigma when continuous. */
        private final double[] logNormalizers;

        private NumericalKernels(boolean logScale, double low, double high, double step, double[] mus, double[] sigmas) {
            this.logScale = logScale;
            this.low = low;
            this.high = high;
            this.step = step;
            this.mus = mus;
            this.sigmas = sigmas;
            this.logNormalizers = new double[mus.length];
            for (int k = 0; k < mus.length; k++) {
                double mass = TruncatedNormal.logGaussMass(
                        (lowerLimit() - mus[k]) / sigmas[k], (upperLimit() - mus[k]) / sigmas[k]);
                logNormalizers[k] = step == 0 ? mass + Math.log(sigmas[k]) : mass;
            }
        }

        private record MuSigma(double mu, double sigma) {
        }

        /** The kernels of {@code observations} and the prior, which come last in {@code weights}. */
        static Mixture of(ParamSpec spec, double[] observations, double[] weights, ParzenEstimatorParameters parameters) {
            boolean logScale = spec instanceof FloatParam f && f.log();
            double low;
            double high;
            double step;
            if (spec instanceof IntParam i) {
                low = i.low();
                high = i.low() + (double) ParamValues.gridSteps(i) * i.step();
                step = i.step();
            } else {
                FloatParam f = (FloatParam) spec;
                low = logScale ? Math.log(f.low()) : f.low();
                high = logScale ? Math.log(f.high()) : f.high();
                step = 0;
            }
            int n = observations.length;
            double[] mus = new double[n + 1];
            for (int k = 0; k < n; k++) {
                mus[k] = logScale ? Math.log(observations[k]) : observations[k];
            }
            double[] sigmas = new double[n + 1];
            System.arraycopy(neighbourSigmas(Arrays.copyOf(mus, n), low, high, step, parameters), 0, sigmas, 0, n);
            // The prior: centred on the domain, as wide as the domain.
            mus[n] = 0.5 * (low + high);
            sigmas[n] = high - low + step;
            IdenticalKernels identical = IdenticalKernels.find(n + 1, k -> new MuSigma(mus[k], sigmas[k]));
            return new Mixture(identical.mergedWeights(weights), new NumericalKernels(
                    logScale, low, high, step, identical.pick(mus), identical.pick(sigmas)));
        }

        /**
         * Optuna's univariate bandwidth: each observation's kernel is as wide as the larger gap to
         * its neighbours among the observations, the prior's centre and the domain's ends (the
         * outermost ones look only inwards unless endpoints are considered), then clipped.
         */
        private static double[] neighbourSigmas(double[] mus, double low, double high, double step,
                ParzenEstimatorParameters parameters) {
            int n = mus.length;
            double[] points = new double[n + 3];
            System.arraycopy(mus, 0, points, 1, n);
            points[n + 1] = 0.5 * (low + high);
            Arrays.sort(points, 1, n + 2);
            points[0] = low - step / 2;
            points[n + 2] = high + step / 2;
            double[] sortedSigmas = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sortedSigmas[i] = Math.max(points[i + 1] - points[i], points[i + 2] - points[i + 1]);
            }
            if (!parameters.considerEndpoints() && points.length >= 4) {
                sortedSigmas[0] = points[2] - points[1];
                sortedSigmas[n] = points[n + 1] - points[n];
            }
            double range = high - low + step;
            double maxSigma = range;
            double minSigma = parameters.considerMagicClip() ? range / Math.min(100.0, 1.0 + n + 1) : EPS;
            // Equal observations take consecutive sorted positions in observation order (the prior
            // after them), as a stable argsort would place them.
            int[] tiesPlaced = new int[n + 3];
            double[] sigmas = new double[n];
            for (int k = 0; k < n; k++) {
                int firstEqual = lowerBound(points, 1, n + 2, mus[k]);
                int position = firstEqual + tiesPlaced[firstEqual]++ - 1;
                sigmas[k] = Math.max(minSigma, Math.min(maxSigma, sortedSigmas[position]));
            }
            return sigmas;
        }

        /** The first index in sorted[from, to) whose value is not below {@code value}. */
        private static int lowerBound(double[] sorted, int from, int to, double value) {
            int low = from;
            int high = to;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private double lowerLimit() {
            return low - step / 2;
        }

        private double upperLimit() {
            return high + step / 2;
        }

        @Override
        public double sample(int kernel, double uniform) {
            double mu = mus[kernel];
            double sigma = sigmas[kernel];
            double x = mu + sigma * TruncatedNormal.ppf(
                    uniform, (lowerLimit() - mu) / sigma, (upperLimit() - mu) / sigma);
            if (step > 0) {
                x = Math.max(low, Math.min(high, low + Math.rint((x - low) / step) * step));
            }
            return logScale ? Math.exp(x) : x;
        }

        @Override
        public double[] logDensities(double value) {
            double x = logScale ? Math.log(value) : value;
            double[] result = new double[mus.length];
            if (step > 0) {
                double cellLow = Math.max(x - step / 2, lowerLimit());
                double cellHigh = Math.min(x + step / 2, upperLimit());
                for (int k = 0; k < mus.length; k++) {
                    result[k] = TruncatedNormal.logGaussMass((cellLow - mus[k]) / sigmas[k],
                            (cellHigh - mus[k]) / sigmas[k]) - logNormalizers[k];
                }
            } else if (x < low || x > high) {
                Arrays.fill(result, Double.NEGATIVE_INFINITY);
            } else {
                for (int k = 0; k < mus.length; k++) {
                    double z = (x - mus[k]) / sigmas[k];
                    result[k] = TruncatedNormal.normalLogPdf(z) - logNormalizers[k];
                }
            }
            return result;
        }
    }

    /**
     * One row of choice probabilities per distinct kernel: an observation's row puts 1 on its
     * choice plus priorWeight / (observations + 1) on every choice, normalized; the prior's row is
     * uniform.
     */
    private static final class CategoricalKernels implements Kernels {

        private final double[][] probabilities;

        private CategoricalKernels(double[][] probabilities) {
            this.probabilities = probabilities;
        }

        /** The kernels of {@code observations} and the prior, which come last in {@code weights}. */
        static Mixture of(int choices, double[] observations, double[] weights, ParzenEstimatorParameters parameters) {
            int kernels = observations.length + 1;
            // An observation's row depends only on its choice; the prior's (-1) is uniform.
            IdenticalKernels identical = IdenticalKernels.find(
                    kernels, k -> k < observations.length ? (int) observations[k] : -1);
            double[][] probabilities = new double[identical.representatives().length][choices];
            for (int row = 0; row < probabilities.length; row++) {
                int kernel = identical.representatives()[row];
                Arrays.fill(probabilities[row], parameters.priorWeight() / kernels);
                if (kernel < observations.length) {
                    probabilities[row][(int) observations[kernel]] += 1;
                }
                double rowSum = Arrays.stream(probabilities[row]).sum();
                for (int c = 0; c < choices; c++) {
                    probabilities[row][c] /= rowSum;
                }
            }
            return new Mixture(identical.mergedWeights(weights), new CategoricalKernels(probabilities));
        }

        @Override
        public double sample(int kernel, double uniform) {
            double[] row = probabilities[kernel];
            double cumulative = 0;
            for (int c = 0; c < row.length - 1; c++) {
                cumulative += row[c];
                if (uniform <= cumulative) {
                    return c;
                }
            }
            return row.length - 1;
        }

        @Override
        public double[] logDensities(double value) {
            int choice = (int) value;
            double[] result = new double[probabilities.length];
            for (int k = 0; k < probabilities.length; k++) {
                result[k] = Math.log(probabilities[k][choice]);
            }
            return result;
        }
    }
}
