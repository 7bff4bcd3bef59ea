package io.vixlab.trainer.messaging;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Puts progress on {@code training.progress}, trial results on {@code training.results} and final
 * models on {@code models.results}, keyed by run id so that one run's events stay in order.
 */
@ApplicationScoped
public class TrainingEventPublisher {

    private static final Logger LOG = Logger.getLogger(TrainingEventPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<TrainingProgress> progress;
    private final Emitter<TrialResult> results;
    private final Emitter<ModelResult> models;

    public TrainingEventPublisher(@Channel("training-progress") Emitter<TrainingProgress> progress,
            @Channel("training-results") Emitter<TrialResult> results,
            @Channel("models-results") Emitter<ModelResult> models) {
        this.progress = progress;
        this.results = results;
        this.models = models;
    }

    /** Sends without waiting: an epoch is not held up by the broker, and a lost epoch only delays pruning. */
    public void publish(TrainingProgress event) {
        KafkaEvents.send(progress, event.runId(), event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warnf(failure, "progress of %s epoch %d was not published", event.runId(), event.epoch());
            }
        });
    }

    /** Returns once the broker has the result, so that the trial's offset is committed only then. */
    public void publish(TrialResult result) {
        await(KafkaEvents.send(results, result.trialId(), result), "result of trial " + result.trialId());
    }

    /** Returns once the broker has the result, so that the final's offset is committed only then. */
    public void publish(ModelResult result) {
        await(KafkaEvents.send(models, result.finalId(), result), "model result of final " + result.finalId());
    }

    private static void await(CompletionStage<Void> acked, String what) {
        try {
            acked.toCompletableFuture().get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the " + what + " was not published", e);
        }
    }
}
