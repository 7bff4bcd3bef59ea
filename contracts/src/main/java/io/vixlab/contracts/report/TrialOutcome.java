package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Outcome;
import io.vixlab.contracts.training.TrialState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * How one trial ended (its latest attempt).
 *
 * @param value mean over the folds of the best validation loss (scaled MSE); only when COMPLETE
 * @param error why the trial failed or was stopped
 */
public record TrialOutcome(
        @PositiveOrZero int trialNumber,
        @NotNull @Outcome TrialState state,
        Double value,
        @PositiveOrZero long durationMillis,
        @Size(min = 1) String error) {
}
