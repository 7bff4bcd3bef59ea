package io.vixlab.report.service;

import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.report.comparison.StudyResults;
import java.util.List;

/**
 * A study's report with what its charts are drawn from.
 *
 * @param architectures the study's architectures, in the study's order
 * @param published     whether this is the report published on {@code reports.studies}; otherwise
 *                      built just now from what has arrived so far
 */
public record StudyReportView(
        StudyReport report,
        StudyResults results,
        List<TrainingProgress> progress,
        List<String> architectures,
        boolean published) {
}
