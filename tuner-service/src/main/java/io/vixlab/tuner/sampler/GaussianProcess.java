package io.vixlab.tuner.sampler;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Gaussian-process regression with a Matérn-5/2 kernel and automatic relevance determination, as
 * Optuna's {@code gp.GPRegressor}: k(a, b) = scale * m(r2), m(r2) = exp(-sqrt(5 r2)) (5/3 r2 + sqrt(5 r2) + 1),
 * r2 = sum over dimensions of an inverse squared lengthscale times the squared difference (for a
 * categorical dimension: 1 when the choices differ), observed with Gaussian noise. The targets are
 * standardized by the caller; the prior mean is 0.
 */
final class GaussianProcess {

    /** Optuna's {@code DEFAULT_MINIMUM_NOISE_VAR}: keeps the fit away from interpolating exactly. */
    static final double MINIMUM_NOISE = 1e-6;

    /**
     * @param inverseSquaredLengthscales one per dimension: how fast the function varies along it
     * @param kernelScale                the prior variance of the function
     * @param noiseVariance              the variance of an observation around the function
     */
    record KernelParams(double[] inverseSquaredLengthscales, double kernelScale, double noiseVariance) {

        /** Optuna's starting point for the fit: every parameter 1. */
        static KernelParams initial(int dimensions) {
            double[] ones = new double[dimensions];
            Arrays.fill(ones, 1.0);
            return new KernelParams(ones, 1.0, 1.0);
        }
    }

    /** The posterior of the function at one point. */
    record Posterior(double mean, double variance) {
    }

    private final double[][] x;
    private final double[] y;
    private final boolean[] categorical;
    private final KernelParams params;
    /** (K + noise I)^-1 y */
    private final double[] alpha;
    /** (K + noise I)^-1 */
    private final double[][] inverse;

    private GaussianProcess(double[][] x, double[] y, boolean[] categorical, KernelParams params) {
        this.x = x;
        this.y = y;
        this.categorical = categorical;
        this.params = params;
        DecompositionSolver solver = new CholeskyDecomposition(
                covariance(x.length, squaredDifferences(x, categorical), params)).getSolver();
        this.alpha = solver.solve(MatrixUtils.createRealVector(y)).toArray();
        this.inverse = solver.getInverse().getData();
    }

    /** The process with the given kernel parameters, conditioned on observations {@code y} at {@code x}. */
    static GaussianProcess of(double[][] x, double[] y, boolean[] categorical, KernelParams params) {
        return new GaussianProcess(x, y, categorical, params);
    }

    /**
     * The process with the kernel parameters that maximize the marginal likelihood times Optuna's
     * prior on them ({@code prior.default_log_prior}), found by nonlinear conjugate gradients on their
     * logarithms from Optuna's starting point. A fit that fails falls back to the best parameters
     * it met, and if it met none, to the starting point, as Optuna falls back to its defaults.
     */
    static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, int maxEvaluations) {
        MarginalLikelihood likelihood = new MarginalLikelihood(x, y, categorical);
        double[] start = likelihood.raw(KernelParams.initial(categorical.length));
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-6, 1e-6),
                1e-4, 1e-4, 0.1);
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), GoalType.MINIMIZE, new InitialGuess(start),
                    new ObjectiveFunction(likelihood::loss), new ObjectiveFunctionGradient(likelihood::gradient));
        } catch (TooManyEvaluationsException e) {
            // The best point met so far is kept below: a budget, not a failure.
        }
        double[] best = likelihood.bestRaw == null ? start : likelihood.bestRaw;
        return new GaussianProcess(x, y, categorical, likelihood.params(best));
    }

    KernelParams params() {
        return params;
    }

    /** The same kernel conditioned on these observations and {@code moreY} at {@code moreX} as well. */
    GaussianProcess withObservations(double[][] moreX, double[] moreY) {
        double[][] allX = Arrays.copyOf(x, x.length + moreX.length);
        System.arraycopy(moreX, 0, allX, x.length, moreX.length);
        double[] allY = Arrays.copyOf(y, y.length + moreY.length);
        System.arraycopy(moreY, 0, allY, y.length, moreY.length);
        return new GaussianProcess(allX, allY, categorical, params);
    }

    Posterior posterior(double[] point) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = params.kernelScale() * matern52(squaredDistance(point, x[i], categorical, params));
        }
        double mean = 0;
        double explained = 0;
        for (int i = 0; i < n; i++) {
            mean += k[i] * alpha[i];
            double row = 0;
            double[] inverseRow = inverse[i];
            for (int l = 0; l < n; l++) {
                row += inverseRow[l] * k[l];
            }
            explained += k[i] * row;
        }
        return new Posterior(mean, Math.max(0, params.kernelScale() - explained));
    }

    /** m(r2) of the Matérn-5/2 kernel. */
    static double matern52(double squaredDistance) {
        double root5 = Math.sqrt(5 * squaredDistance);
        return Math.exp(-root5) * (5.0 / 3.0 * squaredDistance + root5 + 1);
    }

    /** dm/dr2: -5/6 (1 + sqrt(5 r2)) exp(-sqrt(5 r2)). */
    private static double matern52Derivative(double squaredDistance) {
        double root5 = Math.sqrt(5 * squaredDistance);
        return -5.0 / 6.0 * (1 + root5) * Math.exp(-root5);
    }

    private static double difference(double a, double b, boolean categorical) {
        return categorical ? (a == b ? 0 : 1) : a - b;
    }

    private static double squaredDistance(double[] a, double[] b, boolean[] categorical, KernelParams params) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = difference(a[j], b[j], categorical[j]);
            sum += params.inverseSquaredLengthscales()[j] * difference * difference;
        }
        return sum;
    }

    /**
     * Per dimension, the squared difference of every pair of points i > l, pair (i, l) at
     * i (i - 1) / 2 + l: the kernel parameters only weigh these, so a fit computes them once.
     */
    private static double[][] squaredDifferences(double[][] x, boolean[] categorical) {
        int n = x.length;
        double[][] squared = new double[categorical.length][n * (n - 1) / 2];
        for (int j = 0; j < categorical.length; j++) {
            int pair = 0;
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < i; l++) {
                    double difference = difference(x[i][j], x[l][j], categorical[j]);
                    squared[j][pair++] = difference * difference;
                }
            }
        }
        return squared;
    }

    /** r2 of every pair, in the order of {@link #squaredDifferences}. */
    private static double[] pairSquaredDistances(double[][] squaredDifferences, KernelParams params) {
        double[] r2 = new double[squaredDifferences[0].length];
        for (int j = 0; j < squaredDifferences.length; j++) {
            double weight = params.inverseSquaredLengthscales()[j];
            double[] column = squaredDifferences[j];
            for (int pair = 0; pair < r2.length; pair++) {
                r2[pair] += weight * column[pair];
            }
        }
        return r2;
    }

    private static RealMatrix covariance(int n, double[][] squaredDifferences, KernelParams params) {
        double[] r2 = pairSquaredDistances(squaredDifferences, params);
        double[][] covariance = new double[n][n];
        int pair = 0;
        for (int i = 0; i < n; i++) {
            covariance[i][i] = params.kernelScale() + params.noiseVariance();
            for (int l = 0; l < i; l++) {
                double value = params.kernelScale() * matern52(r2[pair++]);
                covariance[i][l] = value;
                covariance[l][i] = value;
            }
        }
        return MatrixUtils.createRealMatrix(covariance);
    }

    /**
     * Minus the log marginal likelihood minus the log prior, over raw parameters: the logs of the
     * inverse squared lengthscales and of the kernel scale, and the log of the noise above
     * {@link #MINIMUM_NOISE}. Remembers the best point it evaluated.
     */
    static final class MarginalLikelihood {

        private final double[] y;
        private final double[][] squaredDifferences;
        private final int dimensions;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private double[] bestRaw;

        MarginalLikelihood(double[][] x, double[] y, boolean[] categorical) {
            this.y = y;
            this.squaredDifferences = squaredDifferences(x, categorical);
            this.dimensions = categorical.length;
        }

        double[] raw(KernelParams params) {
            double[] raw = new double[dimensions + 2];
            for (int j = 0; j < dimensions; j++) {
                raw[j] = Math.log(params.inverseSquaredLengthscales()[j]);
            }
            raw[dimensions] = Math.log(params.kernelScale());
            // Optuna starts 1% of the minimum noise above it, not at it: log(0) would be -infinity.
            raw[dimensions + 1] = Math.log(params.noiseVariance() - 0.99 * MINIMUM_NOISE);
            return raw;
        }

        KernelParams params(double[] raw) {
            double[] lengthscales = new double[dimensions];
            for (int j = 0; j < dimensions; j++) {
                lengthscales[j] = Math.exp(raw[j]);
            }
            return new KernelParams(lengthscales, Math.exp(raw[dimensions]), MINIMUM_NOISE + Math.exp(raw[dimensions + 1]));
        }

        /** A point where the covariance is not positive definite, or a parameter overflows, is infinitely bad. */
        double loss(double[] raw) {
            KernelParams params = params(raw);
            if (!finite(params)) {
                return Double.MAX_VALUE;
            }
            CholeskyDecomposition cholesky;
            try {
                cholesky = new CholeskyDecomposition(covariance(y.length, squaredDifferences, params));
            } catch (NonPositiveDefiniteMatrixException e) {
                return Double.MAX_VALUE;
            }
            double[] alpha = cholesky.getSolver().solve(MatrixUtils.createRealVector(y)).toArray();
            double loss = 0.5 * dot(y, alpha) - logPrior(params);
            RealMatrix l = cholesky.getL();
            for (int i = 0; i < y.length; i++) {
                loss += Math.log(l.getEntry(i, i));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestRaw = raw.clone();
            }
            return loss;
        }

        /**
         * d loss / d raw: the likelihood's part is -1/2 tr((alpha alpha^T - K^-1) dK/draw) for each
         * raw parameter, the prior's the derivative of Optuna's log prior through the log transform.
         */
        double[] gradient(double[] raw) {
            KernelParams params = params(raw);
            double[] gradient = new double[raw.length];
            if (!finite(params)) {
                return gradient;
            }
            DecompositionSolver solver;
            try {
                solver = new CholeskyDecomposition(covariance(y.length, squaredDifferences, params)).getSolver();
            } catch (NonPositiveDefiniteMatrixException e) {
                return gradient;
            }
            double[] alpha = solver.solve(MatrixUtils.createRealVector(y)).toArray();
            double[][] inverse = solver.getInverse().getData();
            double scale = params.kernelScale();
            double[] lengthscales = params.inverseSquaredLengthscales();
            double[] r2 = pairSquaredDistances(squaredDifferences, params);
            // Per pair, w dm/dr2 with w = (alpha alpha^T - K^-1)(i, l); each off-diagonal pair counts
            // twice in the trace, which cancels the 1/2.
            double[] slopes = new double[r2.length];
            int pair = 0;
            for (int i = 0; i < y.length; i++) {
                double diagonalW = alpha[i] * alpha[i] - inverse[i][i];
                gradient[dimensions] += 0.5 * diagonalW * scale;
                gradient[dimensions + 1] += 0.5 * diagonalW * Math.exp(raw[dimensions + 1]);
                for (int l = 0; l < i; l++) {
                    double w = alpha[i] * alpha[l] - inverse[i][l];
                    gradient[dimensions] += w * scale * matern52(r2[pair]);
                    slopes[pair] = w * scale * matern52Derivative(r2[pair]);
                    pair++;
                }
            }
            for (int j = 0; j < dimensions; j++) {
                double[] column = squaredDifferences[j];
                double sum = 0;
                for (int p = 0; p < slopes.length; p++) {
                    sum += slopes[p] * column[p];
                }
                gradient[j] = sum * lengthscales[j];
            }
            double noise = params.noiseVariance();
            for (int j = 0; j < dimensions; j++) {
                gradient[j] = -gradient[j] - (0.1 / lengthscales[j] - 0.1 * lengthscales[j]);
            }
            gradient[dimensions] = -gradient[dimensions] - (1 - scale);
            gradient[dimensions + 1] = -gradient[dimensions + 1]
                    - (0.1 / noise - 30) * Math.exp(raw[dimensions + 1]);
            return gradient;
        }

        /**
         * Optuna's {@code default_log_prior}: -(0.1 / l + 0.1 l) for each inverse squared lengthscale
         * l, Gamma(2, 1) on the kernel scale, Gamma(1.1, 30) on the noise (constants dropped).
         */
        private static double logPrior(KernelParams params) {
            double logPrior = 0;
            for (double l : params.inverseSquaredLengthscales()) {
                logPrior -= 0.1 / l + 0.1 * l;
            }
            logPrior += Math.log(params.kernelScale()) - params.kernelScale();
            logPrior += 0.1 * Math.log(params.noiseVariance()) - 30 * params.noiseVariance();
            return logPrior;
        }

        private static boolean finite(KernelParams params) {
            return Arrays.stream(params.inverseSquaredLengthscales()).allMatch(GaussianProcess::positiveFinite)
                    && positiveFinite(params.kernelScale()) && Double.isFinite(params.noiseVariance());
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }
    }

    private static boolean positiveFinite(double value) {
        return value > 0 && Double.isFinite(value);
    }
}
