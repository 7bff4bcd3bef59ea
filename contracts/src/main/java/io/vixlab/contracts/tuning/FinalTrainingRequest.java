package io.vixlab.contracts.tuning;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.util.Map;

/**
 * Asks a trainer to train an architecture's final model with its best parameters, on
 * {@code training.finals}, key = final id.
 */
public record FinalTrainingRequest(
        int schemaVersion,
        String studyId,
        String finalId,
        int attempt,
        String architecture,
        Map<String, Object> params,
        String bestTrialId,
        double bestValue,
        String datasetId,
        TrainingSettings training,
        Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
