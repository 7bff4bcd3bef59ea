package io.vixlab.features.feature;

/** Trailing-window statistics; a window that is not full or holds a {@code NaN} gives {@code NaN}. */
final class Rolling {

    private Rolling() {
    }

    /** Mean of {@code x[t-window+1 .. t]} for each {@code t}. */
    static double[] mean(double[] x, int window) {
        double[] result = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            result[t] = t + 1 < window ? Double.NaN : sum(x, t - window + 1, t) / window;
        }
        return result;
    }

    /** Sample standard deviation (divisor {@code window - 1}, as pandas' {@code rolling().std()}) of {@code x[t-window+1 .. t]}. */
    static double[] sampleStd(double[] x, int window) {
        double[] result = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            if (t + 1 < window) {
                result[t] = Double.NaN;
                continue;
            }
            int from = t - window + 1;
            double mean = sum(x, from, t) / window;
            double squares = 0;
            for (int i = from; i <= t; i++) {
                squares += (x[i] - mean) * (x[i] - mean);
            }
            result[t] = Math.sqrt(squares / (window - 1));
        }
        return result;
    }

    private static double sum(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += x[i];
        }
        return sum;
    }
}
