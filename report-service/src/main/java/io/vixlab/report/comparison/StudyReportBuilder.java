package io.vixlab.report.comparison;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.report.baseline.Baseline;
import io.vixlab.report.baseline.BaselineInput;
import io.vixlab.report.baseline.RandomWalkBaseline;
import io.vixlab.report.stats.DieboldMariano;
import io.vixlab.report.stats.Forecast;
import io.vixlab.report.stats.ForecastMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds a study's comparison report: one row per architecture with a complete final model
 * ({@link FinalModels#latestComplete}), sorted by test MSE, best first; the
 * {@linkplain Baseline#standard() standard baselines} on the same test targets; Diebold-Mariano
 * tests of every architecture against the random walk and of every pair of architectures (the
 * better-ranked one as A), each on squared and on absolute loss.
 *
 * <p>Test metrics are recomputed here from the predictions, so that architectures and baselines
 * share one definition; a final model without predictions keeps the metrics it reported.
 */
public final class StudyReportBuilder {

    private static final Comparator<ArchitectureRow> BY_TEST_MSE =
            Comparator.comparingDouble((ArchitectureRow row) -> row.metrics().mse())
                    .thenComparing(ArchitectureRow::architecture);

    private final Clock clock;

    public StudyReportBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param closes the VIX closes of the study's dataset, split where its test part starts
     *     ({@link BaselineInput#between} with the dataset's split and last date)
     * @throws IllegalArgumentException if the closes' test part is not the dataset's
     */
    public StudyReport build(StudyResults study, BaselineInput closes) {
        DatasetManifest dataset = study.dataset();
        if (!closes.date(closes.testStart()).equals(dataset.splitDate())
                || !closes.date(closes.size() - 1).equals(dataset.lastDate())
                || closes.testSize() != dataset.testCount()) {
            throw new IllegalArgumentException("the closes' test part (" + closes.testSize() + " days from "
                    + closes.date(closes.testStart()) + " to " + closes.date(closes.size() - 1)
                    + ") is not the test part of dataset " + dataset.datasetId() + " (" + dataset.testCount()
                    + " days from " + dataset.splitDate() + " to " + dataset.lastDate() + ")");
        }
        Map<String, ModelResult> finals = FinalModels.latestComplete(study.finals());
        Map<String, TrialSummary> trials = TrialSummary.byArchitecture(study.trials());
        List<ArchitectureRow> rows = finals.values().stream()
                .map(result -> row(result, trials.getOrDefault(result.architecture(), TrialSummary.NONE)))
                .sorted(BY_TEST_MSE)
                .toList();

        List<BaselineRow> baselines = new ArrayList<>();
        Forecast randomWalk = null;
        for (Baseline baseline : Baseline.standard()) {
            Forecast forecast = baseline.forecast(closes);
            baselines.add(new BaselineRow(baseline.name(), baseline.definition(), ForecastMetrics.of(forecast.predictions())));
            if (baseline instanceof RandomWalkBaseline) {
                randomWalk = forecast;
            }
        }

        List<Forecast> ranked = rows.stream()
                .map(row -> FinalModels.forecast(finals.get(row.architecture())))
                .toList();
        List<DieboldMarianoResult> tests = new ArrayList<>();
        for (Forecast architecture : ranked) {
            addTests(tests, architecture, randomWalk, dataset.horizon());
        }
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                addTests(tests, ranked.get(i), ranked.get(j), dataset.horizon());
            }
        }

        return new StudyReport(
                StudyReport.SCHEMA_VERSION,
                study.studyId(),
                study.status(),
                dataset.datasetId(),
                dataset.splitDate(),
                dataset.lastDate(),
                dataset.testCount(),
                rows,
                baselines,
                tests,
                rows.isEmpty() ? null : rows.get(0).architecture(),
                clock.instant());
    }

    private static ArchitectureRow row(ModelResult result, TrialSummary trials) {
        Forecast forecast = FinalModels.forecast(result);
        return new ArchitectureRow(
                result.architecture(),
                forecast.predictions().isEmpty() ? result.metrics() : ForecastMetrics.of(forecast.predictions()),
                result.parameterCount(),
                result.params(),
                trials.bestValue(),
                trials.complete(),
                trials.pruned(),
                trials.failed(),
                result.trainingMillis(),
                result.artifactUri());
    }

    private static void addTests(List<DieboldMarianoResult> tests, Forecast a, Forecast b, int horizon) {
        for (LossFunction loss : LossFunction.values()) {
            DieboldMariano.compare(a, b, loss, horizon).ifPresent(tests::add);
        }
    }
}
