package io.vixlab.trainer.model;

import java.util.SplittableRandom;

/**
 * A Keras weight initialiser, evaluated on the Java side from a seeded generator so that the same
 * seed gives the same weights on every machine. Values are produced in row-major order of the
 * weight's Keras shape.
 */
@FunctionalInterface
public interface Initializer {

    double[] sample(long[] shape, SplittableRandom random);

    static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    static Initializer zeros() {
        return (shape, random) -> new double[Math.toIntExact(size(shape))];
    }

    static Initializer ones() {
        return constant(1.0);
    }

    static Initializer constant(double value) {
        return (shape, random) -> {
            double[] v = new double[Math.toIntExact(size(shape))];
            java.util.Arrays.fill(v, value);
            return v;
        };
    }

    /**
     * Keras {@code glorot_uniform}: U(-l, l), l = sqrt(6 / (fan_in + fan_out)), with Keras's fans:
     * for a 2-D shape (in, out); otherwise receptive field = prod(shape[:-2]), fan_in =
     * shape[-2] * receptive field, fan_out = shape[-1] * receptive field.
     */
    static Initializer glorotUniform() {
        return (shape, random) -> {
            double[] fans = fans(shape);
            double limit = Math.sqrt(6.0 / (fans[0] + fans[1]));
            double[] v = new double[Math.toIntExact(size(shape))];
            for (int i = 0; i < v.length; i++) {
                v[i] = (random.nextDouble() * 2 - 1) * limit;
            }
            return v;
        };
    }

    static double[] fans(long[] shape) {
        if (shape.length == 1) {
            return new double[] {shape[0], shape[0]};
        }
        if (shape.length == 2) {
            return new double[] {shape[0], shape[1]};
        }
        double receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        return new double[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }

    /**
     * Keras {@code orthogonal} (gain 1): rows = prod(shape[:-1]), cols = shape[-1]; the QR
     * decomposition of a (max, min) standard normal matrix, Q's columns sign-corrected by diag(R),
     * transposed when rows &lt; cols.
     */
    static Initializer orthogonal() {
        return (shape, random) -> {
            int cols = Math.toIntExact(shape[shape.length - 1]);
            int rows = Math.toIntExact(size(shape) / cols);
            int n = Math.max(rows, cols);
            int m = Math.min(rows, cols);
            // a: n x m, column-major columns for Gram-Schmidt
            double[][] q = new double[m][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    q[j][i] = gaussian(random);
                }
            }
            // modified Gram-Schmidt gives Q with diag(R) > 0, i.e. Q already sign-corrected
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += q[k][i] * q[j][i];
                    }
                    for (int i = 0; i < n; i++) {
                        q[j][i] -= dot * q[k][i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += q[j][i] * q[j][i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    q[j][i] /= norm;
                }
            }
            double[] v = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    // Q is n x m; if rows < cols the result is Q^T (m x n) = (rows x cols)
                    v[r * cols + c] = rows >= cols ? q[c][r] : q[r][c];
                }
            }
            return v;
        };
    }

    /** Keras LSTM bias with {@code unit_forget_bias=True}: zeros, ones for the forget gate (i, f, c, o). */
    static Initializer lstmBias(int units) {
        return (shape, random) -> {
            double[] v = new double[4 * units];
            java.util.Arrays.fill(v, units, 2 * units, 1.0);
            return v;
        };
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller on the seeded generator (java.util.Random#nextGaussian is not available here)
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
