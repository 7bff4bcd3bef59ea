package io.vixlab.trainer.messaging.in;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.MalformedEventException;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.queue.AnsweredRuns;
import io.vixlab.queue.RunQueue;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.service.FinalService;
import io.vixlab.trainer.service.RunAnswers;
import io.vixlab.trainer.service.RunContext;
import io.vixlab.trainer.service.TrialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Trials from {@code tuning.trials} and finals from {@code training.finals}, taken one at a time
 * from the trainers' share group ({@link RunQueue}). A run is acknowledged once its answer is on
 * the broker, released when this trainer stops (SIGTERM, scale-down), and rejected to the
 * dead-letter topic when it breaks its schema or cannot be trained. Live while the queue takes runs
 * and the view of answered runs reads.
 */
@ApplicationScoped
@Liveness
public class RunQueueListener implements HealthCheck {

    private final TrialService trials;
    private final FinalService finals;
    private final RunQueue.Settings settings;
    private final AnsweredRuns answered;
    private final String trainerName;
    private volatile RunQueue queue;

    public RunQueueListener(TrialService trials, FinalService finals, RunQueue.Settings settings,
            AnsweredRuns answered, TrainerConfig config) {
        this.trials = trials;
        this.finals = finals;
        this.settings = settings;
        this.answered = answered;
        this.trainerName = config.trainerName();
    }

    void start(@Observes StartupEvent event) {
        queue = RunQueue.start(settings, trainerName, this::work);
    }

    /** The graceful stop: the run in progress stops at its next batch and goes back to the queue. */
    void stop(@Observes ShutdownEvent event) {
        if (queue != null) {
            queue.close();
        }
    }

    RunQueue.Outcome work(RunQueue.Delivery delivery, RunQueue.StopSignal stopping) {
        RunContext run = new RunContext(delivery.deliveryCount(), delivery.isLast(), stopping::isSet);
        RunAnswers.Outcome outcome;
        try {
            outcome = switch (delivery.topic()) {
                case Topics.TUNING_TRIALS -> trials.answer(EventSchemas.parse(delivery.value(), TrialConfig.class), run);
                case Topics.TRAINING_FINALS -> finals.answer(
                        EventSchemas.parse(delivery.value(), FinalTrainingRequest.class), run);
                default -> throw new IllegalStateException("the run queue delivered from " + delivery.topic());
            };
        } catch (MalformedEventException e) {
            return RunQueue.Outcome.reject(e.getMessage());
        }
        return switch (outcome.disposition()) {
            case ANSWERED, ALREADY_ANSWERED -> RunQueue.Outcome.accept();
            case REJECTED -> RunQueue.Outcome.reject(outcome.deadLetterReason());
            case STOPPED -> RunQueue.Outcome.release();
        };
    }

    @Override
    public HealthCheckResponse call() {
        RunQueue current = queue;
        return HealthCheckResponse.named("run-queue")
                .status(current != null && current.isTaking() && answered.isReading()).build();
    }
}
