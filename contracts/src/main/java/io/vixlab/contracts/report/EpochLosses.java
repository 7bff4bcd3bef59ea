package io.vixlab.contracts.report;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** One epoch of a final training: its losses (scaled MSE) and the learning rate it ran at. */
public record EpochLosses(
        @PositiveOrZero int epoch,
        double trainLoss,
        double valLoss,
        @Positive double learningRate) {
}
