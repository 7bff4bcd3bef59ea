package io.vixlab.contracts.report;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import io.vixlab.contracts.tuning.ForecastTarget;
import io.vixlab.contracts.tuning.StudySetup;
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
 * @param target                what the models were trained to predict, as a study spec names it
 *                              ({@code level} or {@code log-change}, {@link ForecastTarget}); the forecasts
 *                              and metrics are of the next VIX close either way
 * @param setup                 the study's budget, sampler, seed, pruner and training settings; absent
 *                              when the tuner's study events did not carry them
 * @param architectures         every architecture the study planned, in the study's order, with its
 *                              final's status, its trials and the final's training history
 * @param forecasts             every forecast of the rows, the combination and the baselines, day by day
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
        @Size(min = 1) String target,
        StudySetup setup,
        @NotNull List<ArchitectureOutcome> architectures,
        @NotNull ForecastTable forecasts,
        @NotNull Instant generatedAt) implements Event {

    /** 2: per-day forecasts, baseline coefficients, the study's setup and target, every planned architecture. */
    public static final int SCHEMA_VERSION = 2;
}
