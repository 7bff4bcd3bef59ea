package io.vixlab.features.dataset;

import io.vixlab.contracts.dataset.ScalerParams;

/**
 * Centre and scale of one column, as {@link ScalerParams} uses them ({@code scaled = (x - center) / scale}):
 * standard = mean and population standard deviation (divisor n, as scikit-learn's StandardScaler);
 * min-max = minimum and range (as MinMaxScaler to [0, 1]). A constant column gets scale 1, as in
 * scikit-learn, so it scales to 0 instead of dividing by zero.
 */
record ScalerFit(double center, double scale) {

    static ScalerFit of(ScalerParams.Kind kind, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no values");
        }
        return switch (kind) {
            case STANDARD -> standard(values);
            case MIN_MAX -> minMax(values);
        };
    }

    private static ScalerFit standard(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new ScalerFit(mean, nonZero(Math.sqrt(squares / values.length)));
    }

    private static ScalerFit minMax(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new ScalerFit(min, nonZero(max - min));
    }

    private static double nonZero(double scale) {
        return scale == 0 ? 1 : scale;
    }
}
