package io.vixlab.contracts.report;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full comparison of a finished study, on {@code reports.studies}, key = study id: the
 * published results other systems consume. Rows are sorted by test MSE, best first.
 */
@JsonClassDescription("The comparison of a finished study, on reports.studies, key = study id. Rows sorted by test"
        + " MSE, best first; metrics in VIX points.")
public record StudyReport(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @Size(min = 1) String status,
        @NotNull @EventId String datasetId,
        LocalDate testStart,
        LocalDate testEnd,
        @PositiveOrZero int testDays,
        @NotNull List<ArchitectureRow> rows,
        @NotNull List<BaselineRow> baselines,
        @NotNull List<DieboldMarianoResult> tests,
        @Size(min = 1) String bestArchitecture,
        @NotNull Instant generatedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
