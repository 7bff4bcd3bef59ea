package io.vixlab.report.web;

import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.report.service.ResultStore;
import io.vixlab.report.service.StudyProgress;
import io.vixlab.report.service.StudyTracker;
import io.vixlab.report.service.TrialConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every study's progress with the runs training now, as the live page shows them. */
@ApplicationScoped
public class LiveStudies {

    /** A study that has ended runs nothing; its runs are not looked for. */
    private static final Set<StudyEvent.Status> ENDED =
            EnumSet.of(StudyEvent.Status.COMPLETED, StudyEvent.Status.CANCELLED, StudyEvent.Status.FAILED);

    /** A study's progress and its runs training now (none once it has ended). */
    record LiveStudy(StudyProgress progress, List<RunningRuns.Run> running) {
    }

    private final StudyTracker tracker;
    private final ResultStore store;
    private final TrialConfigs configs;

    public LiveStudies(StudyTracker tracker, ResultStore store, TrialConfigs configs) {
        this.tracker = tracker;
        this.store = store;
        this.configs = configs;
    }

    /** Newest first. */
    List<LiveStudy> now() {
        return tracker.studies().stream().map(this::live).toList();
    }

    private LiveStudy live(StudyProgress study) {
        if (ENDED.contains(study.status())) {
            return new LiveStudy(study, List.of());
        }
        String id = study.studyId();
        return new LiveStudy(study, RunningRuns.of(store.progress(id), store.trials(id), store.finals(id),
                configs.latestByTrial(id)));
    }
}
