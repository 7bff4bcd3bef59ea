package io.vixlab.contracts.training;

import io.vixlab.contracts.Event;
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
public record TrainingProgress(
        int schemaVersion,
        String studyId,
        String runId,
        int attempt,
        String architecture,
        RunKind kind,
        int fold,
        int epoch,
        int step,
        double trainLoss,
        double valLoss,
        double learningRate,
        Instant at) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum RunKind { TRIAL, FINAL }
}
