package io.vixlab.tuner.sampler;

import io.vixlab.tuner.sampler.GaussianProcess.KernelParams;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Matérn-5/2 kernel with automatic relevance determination that {@link GaussianProcess} and
 * {@link MarginalLikelihood} share: distances between points, the kernel and its derivative, the
 * covariance matrix of observations.
 */
final class MaternKernel {

    private MaternKernel() {
    }

    /** m(r2) of the Matérn-5/2 kernel. */
    static double matern52(double squaredDistance) {
        double root5 = Math.sqrt(5 * squaredDistance);
        return Math.exp(-root5) * (5.0 / 3.0 * squaredDistance + root5 + 1);
    }

    /** dm/dr2: -5/6 (1 + sqrt(5 r2)) exp(-sqrt(5 r2)). */
    static double matern52Derivative(double squaredDistance) {
        double root5 = Math.sqrt(5 * squaredDistance);
        return -5.0 / 6.0 * (1 + root5) * Math.exp(-root5);
    }

    private static double difference(double a, double b, boolean categorical) {
        return categorical ? (a == b ? 0 : 1) : a - b;
    }

    static double squaredDistance(double[] a, double[] b, boolean[] categorical, KernelParams params) {
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
    static double[][] squaredDifferences(double[][] x, boolean[] categorical) {
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
    static double[] pairSquaredDistances(double[][] squaredDifferences, KernelParams params) {
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

    static RealMatrix covariance(int n, double[][] squaredDifferences, KernelParams params) {
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
}
