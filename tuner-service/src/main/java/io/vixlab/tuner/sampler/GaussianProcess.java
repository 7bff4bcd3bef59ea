package io.vixlab.tuner.sampler;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.MatrixUtils;
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
                MaternKernel.covariance(x.length, MaternKernel.squaredDifferences(x, categorical), params)).getSolver();
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
        return new GaussianProcess(x, y, categorical, likelihood.params(likelihood.bestRawOr(start)));
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
            double squaredDistance = MaternKernel.squaredDistance(point, x[i], categorical, params);
            k[i] = params.kernelScale() * MaternKernel.matern52(squaredDistance);
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

}
