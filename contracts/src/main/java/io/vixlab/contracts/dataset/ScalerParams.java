package io.vixlab.contracts.dataset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * A feature scaler fitted on the training part only: {@code scaled = (x - center) / scale}. For the
 * standard scaler center is the mean and scale the standard deviation; for min-max, center is the
 * minimum and scale the range. The target (VIX close) has its own pair so that predictions can be
 * turned back into VIX points: {@code points = scaled * targetScale + targetCenter}.
 */
public record ScalerParams(
        @NotNull Kind kind,
        @NotNull List<Double> featureCenter,
        @NotNull List<@Positive Double> featureScale,
        double targetCenter,
        @Positive double targetScale) {

    public enum Kind { STANDARD, MIN_MAX }

    public double toPoints(double scaledTarget) {
        return scaledTarget * targetScale + targetCenter;
    }

    public double toScaled(double points) {
        return (points - targetCenter) / targetScale;
    }
}
