package io.vixlab.report.service;

import io.vixlab.contracts.tuning.StudyEvent;
import java.time.Instant;
import java.util.List;

/**
 * How far a study has come, from the events consumed so far.
 *
 * @param elapsedMillis from the study's creation to its last lifecycle event once it has ended,
 *                      to now while it runs
 * @param reportPublished whether its report is on {@code reports.studies}
 */
public record StudyProgress(
        String studyId,
        String name,
        StudyEvent.Status status,
        List<String> architectures,
        int trialsPerArchitecture,
        String datasetId,
        Instant createdAt,
        long elapsedMillis,
        List<ArchitectureProgress> progress,
        boolean reportPublished) {

    /**
     * @param trialsDone    trials with a result (complete, pruned, failed or cancelled)
     * @param trialsRunning trials that reported progress but no result for that attempt yet
     * @param finalState    state of the architecture's latest final training result; null before one
     */
    public record ArchitectureProgress(String architecture, int trialsDone, int trialsTotal, int trialsRunning,
            String finalState) {
    }
}
