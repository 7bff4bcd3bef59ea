package io.vixlab.tuner.sampler;

import io.vixlab.tuner.sampler.GaussianProcess.KernelParams;
import java.util.Arrays;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Minus the log marginal likelihood minus the log prior, over raw parameters: the logs of the
 * inverse squared lengthscales and of the kernel scale, and the log of the noise above
 * {@link GaussianProcess#MINIMUM_NOISE}. Remembers the best point it evaluated.
 */
final class MarginalLikelihood {

    private final double[] y;
    private final double[][] squaredDifferences;
    private final int dimensions;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double[] bestRaw;

    MarginalLikelihood(double[][] x, double[] y, boolean[] categorical) {
        this.y = y;
        this.squaredDifferences = MaternKernel.squaredDifferences(x, categorical);
        this.dimensions = categorical.length;
    }

    /** The best point {@link #loss} has evaluated, or {@code fallback} if it evaluated none that was finite. */
    double[] bestRawOr(double[] fallback) {
        return bestRaw == null ? fallback : bestRaw;
    }

    double[] raw(KernelParams params) {
        double[] raw = new double[dimensions + 2];
        for (int j = 0; j < dimensions; j++) {
            raw[j] = Math.log(params.inverseSquaredLengthscales()[j]);
        }
        raw[dimensions] = Math.log(params.kernelScale());
        // Optuna starts 1% of the minimum noise above it, not at it: log(0) would be -infinity.
        raw[dimensions + 1] = Math.log(params.noiseVariance() - 0.99 * GaussianProcess.MINIMUM_NOISE);
        return raw;
    }

    KernelParams params(double[] raw) {
        double[] lengthscales = new double[dimensions];
        for (int j = 0; j < dimensions; j++) {
            lengthscales[j] = Math.exp(raw[j]);
        }
        double noise = GaussianProcess.MINIMUM_NOISE + Math.exp(raw[dimensions + 1]);
        return new KernelParams(lengthscales, Math.exp(raw[dimensions]), noise);
    }

    /** A point where the covariance is not positive definite, or a parameter overflows, is infinitely bad. */
    double loss(double[] raw) {
        KernelParams params = params(raw);
        if (!finite(params)) {
            return Double.MAX_VALUE;
        }
        CholeskyDecomposition cholesky;
        try {
            cholesky = new CholeskyDecomposition(MaternKernel.covariance(y.length, squaredDifferences, params));
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
            solver = new CholeskyDecomposition(MaternKernel.covariance(y.length, squaredDifferences, params)).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            return gradient;
        }
        double[] alpha = solver.solve(MatrixUtils.createRealVector(y)).toArray();
        double[][] inverse = solver.getInverse().getData();
        double scale = params.kernelScale();
        double[] lengthscales = params.inverseSquaredLengthscales();
        double[] r2 = MaternKernel.pairSquaredDistances(squaredDifferences, params);
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
                gradient[dimensions] += w * scale * MaternKernel.matern52(r2[pair]);
                slopes[pair] = w * scale * MaternKernel.matern52Derivative(r2[pair]);
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
        return Arrays.stream(params.inverseSquaredLengthscales()).allMatch(MarginalLikelihood::positiveFinite)
                && positiveFinite(params.kernelScale()) && Double.isFinite(params.noiseVariance());
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static boolean positiveFinite(double value) {
        return value > 0 && Double.isFinite(value);
    }
}
