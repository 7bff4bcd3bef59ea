package io.vixlab.contracts.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Forecast accuracy on a test part. Directional accuracy is the share of days on which the
 * forecast's change from the previous close has the same sign as the actual change (a zero
 * actual change counts as a hit only for a zero forecast change).
 */
public record Metrics(
        double mse,
        double rmse,
        double mae,
        double r2,
        @DecimalMin("0") @DecimalMax("1") double directionalAccuracy) {
}
