package io.vixlab.report.messaging.out;

import io.vixlab.contracts.report.StudyReport;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Puts finished studies' reports on {@code reports.studies}, keyed by study id. */
@ApplicationScoped
public class StudyReportPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Emitter<StudyReport> reports;

    public StudyReportPublisher(@Channel("reports-studies") Emitter<StudyReport> reports) {
        this.reports = reports;
    }

    /**
     * Returns once the broker has acknowledged the report, so that the caller records it as
     * published only when it is; throws if the broker refused it or did not answer in time.
     */
    public void publish(StudyReport report) {
        try {
            KafkaEvents.send(reports, report.studyId(), report).toCompletableFuture()
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the report of " + report.studyId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the report of study " + report.studyId() + " was not published", e);
        }
    }
}
