package io.vixlab.trainer.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.trainer.service.FinalService;
import io.vixlab.trainer.service.TrialService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Trials from {@code tuning.trials} and finals from {@code training.finals}, shared by the trainer
 * pods (group {@code trainers}). Both run on the one-thread worker pool {@value #TRAINING_POOL}, so
 * a pod trains one run at a time, in order. A message is acknowledged (its offset committed) when
 * the handler returns, which is after the broker has acknowledged the run's result; a message that
 * breaks its schema or asks for an untrainable run throws and goes to the dead-letter topic.
 */
@ApplicationScoped
public class RunRequestsConsumer {

    /** Sized 1 by {@code smallrye.messaging.worker.training.max-concurrency}. */
    static final String TRAINING_POOL = "training";

    private final TrialService trials;
    private final FinalService finals;

    public RunRequestsConsumer(TrialService trials, FinalService finals) {
        this.trials = trials;
        this.finals = finals;
    }

    @Incoming("tuning-trials")
    @Blocking(TRAINING_POOL)
    public void trial(String json) {
        trials.answer(EventSchemas.parse(json, TrialConfig.class));
    }

    @Incoming("training-finals")
    @Blocking(TRAINING_POOL)
    public void finalTraining(String json) {
        finals.answer(EventSchemas.parse(json, FinalTrainingRequest.class));
    }
}
