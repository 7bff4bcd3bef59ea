package io.vixlab.report.messaging;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.service.StudyTracker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Study lifecycle from {@code tuning.studies}. A message that breaks the schema throws, which
 * sends it to the dead-letter topic with the reason; the consumer goes on with the next.
 */
@ApplicationScoped
public class StudyEventsConsumer {

    private final StudyTracker tracker;

    public StudyEventsConsumer(StudyTracker tracker) {
        this.tracker = tracker;
    }

    @Incoming("tuning-studies")
    @Blocking
    public void consume(String json) {
        tracker.apply(EventSchemas.parse(json, StudyEvent.class));
    }
}
