package io.vixlab.tuner.sampler;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import java.util.Arrays;

/**
 * Truncated normal kernels on [low, high]; on an int grid the normal is truncated to
 * [low - step/2, high + step/2] and each grid point gets the mass of its cell.
 */
final class NumericalKernels implements Kernels {

    /** Optuna's floor for kernel widths when the magic clip is off. */
    private static final double EPS = 1e-12;

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
    static Kernels.Mixture of(ParamSpec spec, double[] observations, double[] weights, ParzenEstimatorParameters parameters) {
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
        Kernels.IdenticalKernels identical = Kernels.IdenticalKernels.find(n + 1, k -> new MuSigma(mus[k], sigmas[k]));
        return new Kernels.Mixture(identical.mergedWeights(weights), new NumericalKernels(
                logScale, low, high, step, identical.pick(mus), identical.pick(sigmas)), identical.groupOf());
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
