package io.vixlab.trainer.service;

import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.trainer.messaging.out.TrainingEventPublisher;
import io.vixlab.trainer.training.EpochListener;
import java.time.Instant;

/**
 * Publishes every finished epoch of one run attempt, and stops the run after an epoch once a prune
 * or cancel for it has arrived or another trainer has answered it (a duplicate request), and before
 * the next batch once this trainer is stopping. The pruner's step is {@code fold * epochs + epoch}.
 */
final class ProgressReporter implements EpochListener {

    /** The run an epoch belongs to. */
    record RunOf(String studyId, String runId, int attempt, String architecture, RunKind kind, int epochs) {
    }

    private final TrainingEventPublisher events;
    private final StopRequests stops;
    private final RunAnswers answers;
    private final RunOf run;
    private final RunContext context;

    ProgressReporter(TrainingEventPublisher events, StopRequests stops, RunAnswers answers, RunOf run,
            RunContext context) {
        this.events = events;
        this.stops = stops;
        this.answers = answers;
        this.run = run;
        this.context = context;
    }

    @Override
    public Decision onEpoch(int fold, int epoch, double trainLoss, double valLoss, double learningRate) {
        events.publish(new TrainingProgress(TrainingProgress.SCHEMA_VERSION, run.studyId(), run.runId(),
                run.attempt(), run.architecture(), run.kind(), fold, epoch, fold * run.epochs() + epoch, trainLoss,
                valLoss, learningRate, Instant.now()));
        boolean stop = stops.requested(run.runId(), run.attempt()).isPresent()
                || answers.answeredElsewhere(run.kind(), run.runId(), run.attempt())
                || context.isStopping();
        return stop ? Decision.STOP : Decision.CONTINUE;
    }

    @Override
    public boolean stopNow() {
        return context.isStopping();
    }
}
