package io.vixlab.contracts.training;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one trial attempt on {@code training.results}, key = trial id.
 *
 * @param trialNumber the trial's 0-based number within its study and architecture, in ask order
 * @param value      mean over folds of the best validation loss (scaled MSE); only when COMPLETE
 * @param foldScores best validation loss of each finished fold
 * @param error      why the trial failed or was stopped
 */
public record TrialResult(
        int schemaVersion,
        String studyId,
        String trialId,
        int trialNumber,
        int attempt,
        String architecture,
        TrialState state,
        Double value,
        List<Double> foldScores,
        Integer parameterCount,
        String error,
        long durationMillis,
        String trainer,
        Instant finishedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
