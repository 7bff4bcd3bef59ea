package io.vixlab.contracts.tuning;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * Asks a trainer to train an architecture's final model with its best parameters, on
 * {@code training.finals}, key = final id.
 */
@JsonClassDescription("Final training of an architecture with its best parameters, on training.finals, key = final id.")
public record FinalTrainingRequest(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String finalId,
        @Min(1) int attempt,
        @NotNull @Size(min = 1) String architecture,
        @NotNull Map<String, Object> params,
        @NotNull @EventId String bestTrialId,
        double bestValue,
        @NotNull @EventId String datasetId,
        @NotNull TrainingSettings training,
        @NotNull Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
