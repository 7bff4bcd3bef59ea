package io.vixlab.contracts.training;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one trial attempt on {@code training.results}, key = trial id.
 *
 * @param trialNumber the trial's 0-based number within its study and architecture, in ask order
 * @param value      mean over folds of the best validation loss (scaled MSE); only when COMPLETE
 * @param foldScores best validation loss of each finished fold
 * @param foldCurves the validation loss of every epoch trained, per fold (the curve the progress
 *                   messages carried, whole: progress travels on another topic and may arrive later)
 * @param error      why the trial failed or was stopped
 */
@JsonClassDescription("The outcome of one trial attempt, on training.results, key = trial id.")
public record TrialResult(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String trialId,
        @PositiveOrZero int trialNumber,
        @Min(1) int attempt,
        @NotNull @Size(min = 1) String architecture,
        @NotNull @Outcome TrialState state,
        Double value,
        List<Double> foldScores,
        List<List<Double>> foldCurves,
        @PositiveOrZero Integer parameterCount,
        @Size(min = 1) String error,
        @PositiveOrZero long durationMillis,
        @Size(min = 1) String trainer,
        @NotNull Instant finishedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
