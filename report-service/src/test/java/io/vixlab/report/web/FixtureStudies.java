package io.vixlab.report.web;

import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.ResultStore;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Stores the fixture study's events as the consumers would, for the page tests. */
@ApplicationScoped
public class FixtureStudies {

    static final List<String> ARCHITECTURES =
            List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM", "Bidirectional_CNN_LSTM");

    private final ResultStore store;
    private final StudyTracker tracker;
    private final StudyReports reports;

    public FixtureStudies(ResultStore store, StudyTracker tracker, StudyReports reports) {
        this.store = store;
        this.tracker = tracker;
        this.reports = reports;
    }

    /** A study just created: its dataset and closes are known, no trial has finished. */
    public String newStudy() {
        return created("new-" + UUID.randomUUID());
    }

    /** A study with all its results, completed (and its report published) or still running. */
    public String study(boolean completed) {
        String studyId = created((completed ? "completed-" : "running-") + UUID.randomUUID());
        StudyFixture.trials(studyId).forEach(store::record);
        StudyFixture.progress(studyId).forEach(store::record);
        StudyFixture.finals(studyId).forEach(store::record);
        if (completed) {
            tracker.apply(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 45));
            if (!reports.publishIfComplete(studyId)) {
                throw new IllegalStateException("the fixture study " + studyId + " did not complete");
            }
        }
        return studyId;
    }

    private String created(String studyId) {
        tracker.apply(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.CREATED, 0));
        StudyFixture.marketBars().forEach(store::record);
        store.record(StudyFixture.dataset());
        return studyId;
    }
}
