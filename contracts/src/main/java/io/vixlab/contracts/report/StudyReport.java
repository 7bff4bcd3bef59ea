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
 *
 * @param baselineFittingSample the closes the baselines were fitted on: the dataset's training part
 * @param combination           the equal-weight combination of the final models; absent with fewer
 *                              than two final models with test predictions
 * @param bestBaseline          the baseline with the lowest test MSE, which the models are also tested against
 * @param confidenceSets        the model confidence set on squared and on absolute loss; absent
 *                              while no final model has test predictions
 * @param summary               the verdict in sentences, drawn from the tests and the confidence sets
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
        FittingSample baselineFittingSample,
        @NotNull List<ArchitectureRow> rows,
        CombinationRow combination,
        @NotNull List<BaselineRow> baselines,
        @Size(min = 1) String bestBaseline,
        @NotNull List<DieboldMarianoResult> tests,
        List<ConfidenceSet> confidenceSets,
        @Size(min = 1) String bestArchitecture,
        List<@Size(min = 1) String> summary,
        @NotNull Instant generatedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
