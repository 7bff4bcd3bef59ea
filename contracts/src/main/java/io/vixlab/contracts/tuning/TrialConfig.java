package io.vixlab.contracts.tuning;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * One trial for a trainer on {@code tuning.trials}, key = trial id. A re-issued trial keeps its id
 * and gets a higher {@link #attempt()}; results of older attempts are ignored.
 *
 * @param params parameter values by name, from the architecture's search space (integers as
 *               JSON integers, floats as JSON numbers, categoricals as strings)
 */
@JsonClassDescription("One trial for a trainer on tuning.trials, key = trial id.")
public record TrialConfig(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String trialId,
        @PositiveOrZero int trialNumber,
        @Min(1) int attempt,
        @NotNull @Size(min = 1) String architecture,
        @NotNull Map<String, Object> params,
        @NotNull @EventId String datasetId,
        @NotNull TrainingSettings training,
        @NotNull Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
