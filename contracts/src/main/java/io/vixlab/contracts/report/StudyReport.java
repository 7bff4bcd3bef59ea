package io.vixlab.contracts.report;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full comparison of a finished study, on {@code reports.studies}, key = study id: the
 * published results other systems consume. Rows are sorted by test MSE, best first.
 */
public record StudyReport(
        int schemaVersion,
        String studyId,
        String status,
        String datasetId,
        LocalDate testStart,
        LocalDate testEnd,
        int testDays,
        List<ArchitectureRow> rows,
        List<BaselineRow> baselines,
        List<DieboldMarianoResult> tests,
        String bestArchitecture,
        Instant generatedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
