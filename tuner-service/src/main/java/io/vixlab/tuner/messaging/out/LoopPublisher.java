package io.vixlab.tuner.messaging.out;

import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** What the study loop sends to trainers; each stage completes on the broker's acknowledgement. */
@ApplicationScoped
public class LoopPublisher {

    private final Emitter<TrialConfig> trials;
    private final Emitter<TrialControl> controls;
    private final Emitter<FinalTrainingRequest> finals;

    public LoopPublisher(@Channel("tuning-trials") Emitter<TrialConfig> trials,
            @Channel("tuning-control") Emitter<TrialControl> controls,
            @Channel("training-finals") Emitter<FinalTrainingRequest> finals) {
        this.trials = trials;
        this.controls = controls;
        this.finals = finals;
    }

    public CompletionStage<Void> trial(TrialConfig config) {
        return KafkaEvents.send(trials, config.trialId(), config);
    }

    public CompletionStage<Void> control(TrialControl control) {
        return KafkaEvents.send(controls, control.trialId(), control);
    }

    public CompletionStage<Void> finalTraining(FinalTrainingRequest request) {
        return KafkaEvents.send(finals, request.finalId(), request);
    }
}
