package io.vixlab.contracts.tuning;

import io.vixlab.contracts.Event;
import java.time.Instant;

/** Tells the trainer running a trial to stop it, on {@code tuning.control}, key = trial id. */
public record TrialControl(
        int schemaVersion,
        String studyId,
        String trialId,
        int attempt,
        Action action,
        String reason,
        Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Action {
        /** The pruner judged the trial unpromising: report it as PRUNED. */
        PRUNE,
        /** The study was cancelled: stop without a score. */
        CANCEL
    }
}
