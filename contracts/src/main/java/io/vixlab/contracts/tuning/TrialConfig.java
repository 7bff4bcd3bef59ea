package io.vixlab.contracts.tuning;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.util.Map;

/**
 * One trial for a trainer on {@code tuning.trials}, key = trial id. A re-issued trial keeps its id
 * and gets a higher {@link #attempt()}; results of older attempts are ignored.
 *
 * @param params parameter values by name, from the architecture's search space (integers as
 *               JSON integers, floats as JSON numbers, categoricals as strings)
 */
public record TrialConfig(
        int schemaVersion,
        String studyId,
        String trialId,
        int trialNumber,
        int attempt,
        String architecture,
        Map<String, Object> params,
        String datasetId,
        TrainingSettings training,
        Instant issuedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
