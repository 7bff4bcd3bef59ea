package io.vixlab.trainer.training;

import java.util.Arrays;

/**
 * Scaled model inputs: {@code count} windows of {@code steps x features} (row-major, window after
 * window) and their scaled targets, in time order.
 */
public record Windows(float[] x, float[] y, int steps, int features) {

    public Windows {
        if (steps < 1 || features < 1) {
            throw new IllegalArgumentException("steps and features must be positive");
        }
        if (x.length != (long) y.length * steps * features) {
            throw new IllegalArgumentException(y.length + " windows of " + steps + " x " + features
                    + " need " + (y.length * steps * features) + " values, got " + x.length);
        }
    }

    public int count() {
        return y.length;
    }

    /** Windows {@code [from, to)}. */
    public Windows slice(int from, int to) {
        int w = steps * features;
        return new Windows(Arrays.copyOfRange(x, from * w, to * w), Arrays.copyOfRange(y, from, to), steps, features);
    }

    /** The windows at {@code order[from..to)}, in that order. */
    public Windows gather(int[] order, int from, int to) {
        int w = steps * features;
        float[] bx = new float[(to - from) * w];
        float[] by = new float[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(x, order[i] * w, bx, (i - from) * w, w);
            by[i - from] = y[order[i]];
        }
        return new Windows(bx, by, steps, features);
    }
}
