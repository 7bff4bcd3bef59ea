package io.vixlab.contracts.training;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One finished epoch of a trial or final training on {@code training.progress}, key = trial id
 * (or final id).
 *
 * @param runId  the trial id, or the final id for a final training
 * @param fold   0-based fold; 0 in a final training
 * @param epoch  0-based epoch within the fold
 * @param step   {@code fold * epochs + epoch}: the pruner's step
 */
@JsonClassDescription("One finished epoch of a trial or final training, on training.progress, key = run id.")
public record TrainingProgress(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String runId,
        @Min(1) int attempt,
        @NotNull @Size(min = 1) String architecture,
        @NotNull RunKind kind,
        @PositiveOrZero int fold,
        @PositiveOrZero int epoch,
        @PositiveOrZero int step,
        double trainLoss,
        double valLoss,
        @Positive double learningRate,
        @NotNull Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum RunKind { TRIAL, FINAL }
}
