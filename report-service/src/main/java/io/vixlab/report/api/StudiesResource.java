package io.vixlab.report.api;

import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.persistence.StudyRecord;
import io.vixlab.report.service.StudyTracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The studies the report service has heard of, newest first. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    private final StudyTracker tracker;

    public StudiesResource(StudyTracker tracker) {
        this.tracker = tracker;
    }

    /** One study in the list. */
    public record StudySummary(String studyId, String name, StudyEvent.Status status, List<String> architectures,
            int trialsPerArchitecture, String datasetId, Instant createdAt) {

        static StudySummary of(StudyRecord r) {
            return new StudySummary(r.studyId, r.name, r.status, Arrays.asList(r.architectures.split(",")),
                    r.trialsPerArchitecture, r.datasetId, r.createdAt);
        }
    }

    @GET
    public List<StudySummary> list() {
        return tracker.studies().stream().map(StudySummary::of).toList();
    }
}
