package io.vixlab.tuner.messaging.out;

import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Puts study lifecycle events on {@code tuning.studies}, keyed by study id. */
@ApplicationScoped
public class StudyEventPublisher {

    private final Emitter<StudyEvent> studies;

    public StudyEventPublisher(@Channel("tuning-studies") Emitter<StudyEvent> studies) {
        this.studies = studies;
    }

    /** Completes when the broker has acknowledged the event. */
    public CompletionStage<Void> publish(StudyEvent event) {
        return KafkaEvents.send(studies, event.studyId(), event);
    }
}
