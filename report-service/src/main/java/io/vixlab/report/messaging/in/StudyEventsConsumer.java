package io.vixlab.report.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.service.StudyChanges;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Study lifecycle from {@code tuning.studies}. A message that breaks the schema throws, which
 * sends it to the dead-letter topic with the reason; the consumer goes on with the next. Every
 * event, a redelivered COMPLETED included, asks for the study's report to be published: that
 * happens once, when the study is complete.
 */
@ApplicationScoped
public class StudyEventsConsumer {

    private final StudyTracker tracker;
    private final StudyReports reports;
    private final StudyChanges changes;

    public StudyEventsConsumer(StudyTracker tracker, StudyReports reports, StudyChanges changes) {
        this.tracker = tracker;
        this.reports = reports;
        this.changes = changes;
    }

    @Incoming("tuning-studies")
    @Blocking
    public void consume(String json) {
        StudyEvent event = EventSchemas.parse(json, StudyEvent.class);
        if (tracker.apply(event)) {
            changes.changed(event.studyId());
        }
        reports.publishIfComplete(event.studyId());
    }
}
