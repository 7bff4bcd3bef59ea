package io.vixlab.trainer.service;

import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.trainer.messaging.TrainingEventPublisher;
import io.vixlab.trainer.training.EpochListener;
import java.time.Instant;

/**
 * Publishes every finished epoch of one run attempt and stops the run once a prune or cancel for
 * it has arrived. The pruner's step is {@code fold * epochs + epoch}.
 */
final class ProgressReporter implements EpochListener {

    private final TrainingEventPublisher events;
    private final StopRequests stops;
    private final String studyId;
    private final String runId;
    private final int attempt;
    private final String architecture;
    private final RunKind kind;
    private final int epochs;

    ProgressReporter(TrainingEventPublisher events, StopRequests stops, String studyId, String runId, int attempt,
            String architecture, RunKind kind, int epochs) {
        this.events = events;
        this.stops = stops;
        this.studyId = studyId;
        this.runId = runId;
        this.attempt = attempt;
        this.architecture = architecture;
        this.kind = kind;
        this.epochs = epochs;
    }

    @Override
    public Decision onEpoch(int fold, int epoch, double trainLoss, double valLoss, double learningRate) {
        events.publish(new TrainingProgress(TrainingProgress.SCHEMA_VERSION, studyId, runId, attempt, architecture,
                kind, fold, epoch, fold * epochs + epoch, trainLoss, valLoss, learningRate, Instant.now()));
        return stops.requested(runId, attempt).isPresent() ? Decision.STOP : Decision.CONTINUE;
    }
}
