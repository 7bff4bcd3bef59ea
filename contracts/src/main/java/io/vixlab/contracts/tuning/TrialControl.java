package io.vixlab.contracts.tuning;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Tells the trainer running a trial to stop it, on {@code tuning.control}, key = trial id. */
@JsonClassDescription("Stops a running trial, on tuning.control, key = trial id.")
public record TrialControl(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String trialId,
        @Min(1) int attempt,
        @NotNull Action action,
        @Size(min = 1) String reason,
        @NotNull Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Action {
        /** The pruner judged the trial unpromising: report it as PRUNED. */
        PRUNE,
        /** The study was cancelled: stop without a score. */
        CANCEL
    }
}
