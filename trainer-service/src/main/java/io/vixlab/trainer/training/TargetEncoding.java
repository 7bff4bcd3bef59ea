package io.vixlab.trainer.training;

import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.tuning.ForecastTarget;

/**
 * A study's {@link ForecastTarget} applied: what the network is trained on, made from the dataset's
 * scaled next closes, and how its outputs become forecasts in VIX points.
 *
 * @param logChangeScale for {@code LOG_CHANGE}, the standard deviation of the training part's log
 *                       changes, so that the network learns a target of unit spread (1 for {@code LEVEL})
 */
public record TargetEncoding(ForecastTarget target, ScalerParams scaler, double logChangeScale) {

    /**
     * The encoding fitted on the training part only, as the dataset's scaler is.
     *
     * @param previousCloses each training window's last close, in VIX points
     */
    public static TargetEncoding fit(ForecastTarget target, Windows train, double[] previousCloses,
            ScalerParams scaler) {
        if (target == ForecastTarget.LEVEL) {
            return new TargetEncoding(target, scaler, 1);
        }
        double[] changes = logChanges(train.y(), previousCloses, scaler);
        double mean = 0;
        for (double c : changes) {
            mean += c / changes.length;
        }
        double variance = 0;
        for (double c : changes) {
            variance += (c - mean) * (c - mean) / changes.length;
        }
        double deviation = Math.sqrt(variance);
        if (!(deviation > 0) || !Double.isFinite(deviation)) {
            throw new IllegalArgumentException("the training part's log changes have no spread (standard deviation "
                    + deviation + "), so they cannot be a target");
        }
        return new TargetEncoding(target, scaler, deviation);
    }

    /** {@code windows} with the targets the network learns; the inputs are shared, not copied. */
    public Windows encode(Windows windows, double[] previousCloses) {
        if (target == ForecastTarget.LEVEL) {
            return windows;
        }
        double[] changes = logChanges(windows.y(), previousCloses, scaler);
        float[] y = new float[changes.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (changes[i] / logChangeScale);
        }
        return new Windows(windows.x(), y, windows.steps(), windows.features());
    }

    /** The network's outputs as forecasts of the next close, in VIX points. */
    public double[] toPoints(float[] outputs, double[] previousCloses) {
        requireSameLength(outputs.length, previousCloses.length);
        double[] points = new double[outputs.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = target == ForecastTarget.LEVEL ? scaler.toPoints(outputs[i])
                    : previousCloses[i] * Math.exp(outputs[i] * logChangeScale);
        }
        return points;
    }

    private static double[] logChanges(float[] scaledCloses, double[] previousCloses, ScalerParams scaler) {
        requireSameLength(scaledCloses.length, previousCloses.length);
        double[] changes = new double[scaledCloses.length];
        for (int i = 0; i < changes.length; i++) {
            double next = scaler.toPoints(scaledCloses[i]);
            if (!(next > 0) || !(previousCloses[i] > 0)) {
                throw new IllegalArgumentException("a log change needs positive closes; window " + i + " goes from "
                        + previousCloses[i] + " to " + next);
            }
            changes[i] = Math.log(next / previousCloses[i]);
        }
        return changes;
    }

    private static void requireSameLength(int values, int previousCloses) {
        if (values != previousCloses) {
            throw new IllegalArgumentException(values + " values but " + previousCloses + " previous closes");
        }
    }
}
