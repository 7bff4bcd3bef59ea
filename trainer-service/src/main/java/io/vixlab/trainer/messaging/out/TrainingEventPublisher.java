package io.vixlab.trainer.messaging.out;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
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

    /**
     * Sends without waiting: an epoch is not held up by the broker, and a lost epoch only delays
     * pruning (also when the emitter's buffer is full during a broker outage).
     */
    public void publish(TrainingProgress event) {
        try {
            KafkaEvents.send(progress, event.runId(), event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    lost(event, failure);
                }
            });
        } catch (RuntimeException e) {
            lost(event, e);
        }
    }

    private static void lost(TrainingProgress event, Throwable failure) {
        LOG.warnf("progress of %s epoch %d was not published: %s", event.runId(), event.epoch(), failure.toString());
    }

    /** Completes when the broker has the result: only then is the trial's run acknowledged. */
    public CompletionStage<Void> publish(TrialResult result) {
        return KafkaEvents.send(results, result.trialId(), result);
    }

    /** Completes when the broker has the model result: only then is the final's run acknowledged. */
    public CompletionStage<Void> publish(ModelResult result) {
        return KafkaEvents.send(models, result.finalId(), result);
    }
}
