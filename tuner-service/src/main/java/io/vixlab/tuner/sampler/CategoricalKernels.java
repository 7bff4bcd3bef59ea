package io.vixlab.tuner.sampler;

import java.util.Arrays;

/**
 * One row of choice probabilities per distinct kernel: an observation's row puts 1 on its
 * choice plus priorWeight / (observations + 1) on every choice, normalized; the prior's row is
 * uniform.
 */
final class CategoricalKernels implements Kernels {

    private final double[][] probabilities;

    private CategoricalKernels(double[][] probabilities) {
        this.probabilities = probabilities;
    }

    /** The kernels of {@code observations} and the prior, which come last in {@code weights}. */
    static Kernels.Mixture of(int choices, double[] observations, double[] weights, ParzenEstimatorParameters parameters) {
        int kernels = observations.length + 1;
        // An observation's row depends only on its choice; the prior's (-1) is uniform.
        Kernels.IdenticalKernels identical = Kernels.IdenticalKernels.find(
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
        return new Kernels.Mixture(identical.mergedWeights(weights), new CategoricalKernels(probabilities), identical.groupOf());
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
