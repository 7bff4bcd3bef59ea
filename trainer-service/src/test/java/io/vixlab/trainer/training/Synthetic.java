package io.vixlab.trainer.training;

import java.util.Random;

/**
 * Synthetic windows with a learnable signal: each window is an independent stationary AR(1) path
 * per feature; its target is the mean of feature 0 over the window's last six steps plus half of
 * feature 1's mean over the whole window, plus a little noise, standardised (a level-like signal, as
 * the next VIX close is). Windows are independent, so a time-ordered split keeps validation in
 * distribution; predicting the mean leaves a validation MSE near 1.
 */
final class Synthetic {

    private static final double PHI = 0.7;

    private Synthetic() {
    }

    static Windows windows(int count, int steps, int features, long seed) {
        Random random = new Random(seed);
        float[] x = new float[count * steps * features];
        double[] target = new double[count];
        double stationary = 1 / Math.sqrt(1 - PHI * PHI);
        for (int w = 0; w < count; w++) {
            double[][] path = new double[steps][features];
            for (int f = 0; f < features; f++) {
                double v = stationary * random.nextGaussian();
                for (int s = 0; s < steps; s++) {
                    v = s == 0 ? v : PHI * v + random.nextGaussian();
                    path[s][f] = v;
                    x[(w * steps + s) * features + f] = (float) v;
                }
            }
            double recent = 0;
            for (int s = steps - 6; s < steps; s++) {
                recent += path[s][0] / 6;
            }
            double whole = 0;
            for (int s = 0; s < steps; s++) {
                whole += path[s][1] / steps;
            }
            target[w] = recent + 0.5 * whole + 0.05 * random.nextGaussian();
        }
        double mean = 0;
        for (double v : target) {
            mean += v / count;
        }
        double var = 0;
        for (double v : target) {
            var += (v - mean) * (v - mean) / count;
        }
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            y[i] = (float) ((target[i] - mean) / Math.sqrt(var));
        }
        return new Windows(x, y, steps, features);
    }
}
