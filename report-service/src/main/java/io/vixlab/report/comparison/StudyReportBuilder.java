package io.vixlab.report.comparison;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineCoefficient;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember.Kind;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.FittingSample;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.tuning.ForecastTarget;
import io.vixlab.report.baseline.Baseline;
import io.vixlab.report.baseline.BaselineInput;
import io.vixlab.report.baseline.RandomWalkBaseline;
import io.vixlab.report.stats.DieboldMariano;
import io.vixlab.report.stats.Forecast;
import io.vixlab.report.stats.ForecastCombination;
import io.vixlab.report.stats.ForecastHealth;
import io.vixlab.report.stats.ForecastMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a study's comparison report: one row per architecture with a complete final model
 * ({@link FinalModels#latestComplete}), sorted by test MSE, best first, each with its forecast's
 * health; the equal-weight combination of the final models with test predictions; the
 * {@linkplain Baseline#standard() standard baselines}, fitted on the dataset's training part and
 * evaluated on the same test targets; Diebold-Mariano tests; the model confidence sets; and the
 * verdict in sentences ({@link VerdictSummary}).
 *
 * <p>The tests, each on squared and on absolute loss: every architecture against the random walk,
 * every pair of architectures (the better-ranked one as A), then every architecture against the
 * best baseline (lowest test MSE) unless that is the random walk, and the combination against the
 * random walk and the best baseline. The later groups come after the first two so that those keep
 * their places in the list.
 *
 * <p>Test metrics are recomputed here from the predictions, so that architectures and baselines
 * share one definition; a final model without predictions keeps the metrics it reported and is
 * left out of the tests, the combination and the confidence sets.
 */
public final class StudyReportBuilder {

    static final String COMBINATION_DEFINITION = "Next close = mean of the final models' forecasts, equal weights.";

    private static final Comparator<ArchitectureRow> BY_TEST_MSE =
            Comparator.comparingDouble((ArchitectureRow row) -> row.metrics().mse())
                    .thenComparing(ArchitectureRow::architecture);

    private final Clock clock;

    public StudyReportBuilder(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param closes the VIX closes of the study's dataset days, from its first date, split where
     *     its test part starts ({@link BaselineInput#between} with the dataset's split and last date)
     * @throws IllegalArgumentException if the closes' training part does not start on the dataset's
     *     first date or their test part is not the dataset's, or if the final models' forecasts
     *     disagree on a day's actual close
     */
    public StudyReport build(StudyResults study, BaselineInput closes) {
        DatasetManifest dataset = study.dataset();
        requireDatasetDays(dataset, closes);
        Map<String, ModelResult> finals = FinalModels.latestComplete(study.finals());
        Map<String, TrialSummary> trials = TrialSummary.byArchitecture(study.trials());
        List<ArchitectureRow> rows = finals.values().stream()
                .map(result -> row(result, trials.getOrDefault(result.architecture(), TrialSummary.NONE)))
                .sorted(BY_TEST_MSE)
                .toList();
        List<Forecast> ranked = rows.stream()
                .map(row -> FinalModels.forecast(finals.get(row.architecture())))
                .toList();
        List<Forecast> predicted = ranked.stream().filter(forecast -> !forecast.predictions().isEmpty()).toList();
        Forecast combined = predicted.size() < 2 ? null : ForecastCombination.equalWeight(predicted);

        List<BaselineRow> baselines = new ArrayList<>();
        List<Forecast> baselineForecasts = new ArrayList<>();
        Forecast randomWalk = null;
        for (Baseline baseline : Baseline.standard()) {
            Baseline.Fit fit = baseline.fit(closes);
            Forecast forecast = baseline.forecast(closes, fit);
            baselines.add(new BaselineRow(baseline.name(), baseline.definition(), ForecastMetrics.of(forecast.predictions()),
                    fit.coefficients().entrySet().stream()
                            .map(c -> new BaselineCoefficient(c.getKey(), c.getValue())).toList()));
            baselineForecasts.add(forecast);
            if (baseline instanceof RandomWalkBaseline) {
                randomWalk = forecast;
            }
        }
        int best = 0;
        for (int i = 1; i < baselines.size(); i++) {
            if (baselines.get(i).metrics().mse() < baselines.get(best).metrics().mse()) {
                best = i;
            }
        }
        Forecast bestBaseline = baselineForecasts.get(best);

        List<DieboldMarianoResult> tests = new ArrayList<>();
        for (Forecast architecture : ranked) {
            addTests(tests, architecture, randomWalk, dataset.horizon());
        }
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                addTests(tests, ranked.get(i), ranked.get(j), dataset.horizon());
            }
        }
        List<Forecast> benchmarks = bestBaseline == randomWalk ? List.of(randomWalk) : List.of(randomWalk, bestBaseline);
        if (bestBaseline != randomWalk) {
            for (Forecast architecture : ranked) {
                addTests(tests, architecture, bestBaseline, dataset.horizon());
            }
        }
        if (combined != null) {
            for (Forecast benchmark : benchmarks) {
                addTests(tests, combined, benchmark, dataset.horizon());
            }
        }

        CombinationRow combination = combined == null ? null : new CombinationRow(combined.name(),
                COMBINATION_DEFINITION, predicted.stream().map(Forecast::name).toList(),
                ForecastMetrics.of(combined.predictions()), healthFlags(combined));
        List<ConfidenceSets.Candidate> judged = candidates(predicted, combined, baselineForecasts);
        List<ConfidenceSet> confidenceSets = predicted.isEmpty() ? List.of() : ConfidenceSets.of(judged);
        List<String> models = new ArrayList<>(predicted.stream().map(Forecast::name).toList());
        if (combined != null) {
            models.add(combined.name());
        }
        List<String> summary = models.isEmpty() ? null : new VerdictSummary(models, randomWalk.name(),
                bestBaseline.name(), tests, confidenceSets, health(rows, combination)).sentences();

        return new StudyReport(
                StudyReport.SCHEMA_VERSION,
                study.studyId(),
                study.status(),
                dataset.datasetId(),
                dataset.splitDate(),
                dataset.lastDate(),
                dataset.testCount(),
                new FittingSample(closes.date(0), closes.date(closes.testStart() - 1), closes.testStart()),
                rows,
                combination,
                baselines,
                bestBaseline.name(),
                tests,
                confidenceSets.isEmpty() ? null : confidenceSets,
                rows.isEmpty() ? null : rows.get(0).architecture(),
                summary,
                (study.setup() == null ? ForecastTarget.LEVEL : study.setup().training().target()).specName(),
                study.setup(),
                ArchitectureOutcomes.of(study),
                ForecastColumns.of(judged),
                clock.instant());
    }

    /** The baselines are fitted on the dataset's days before its test part and scored on its test targets. */
    private static void requireDatasetDays(DatasetManifest dataset, BaselineInput closes) {
        if (!closes.date(closes.testStart()).equals(dataset.splitDate())
                || !closes.date(closes.size() - 1).equals(dataset.lastDate())
                || closes.testSize() != dataset.testCount()) {
            throw new IllegalArgumentException("the closes' test part (" + closes.testSize() + " days from "
                    + closes.date(closes.testStart()) + " to " + closes.date(closes.size() - 1)
                    + ") is not the test part of dataset " + dataset.datasetId() + " (" + dataset.testCount()
                    + " days from " + dataset.splitDate() + " to " + dataset.lastDate() + ")");
        }
        if (!closes.date(0).equals(dataset.firstDate())) {
            throw new IllegalArgumentException("the closes' training part starts on " + closes.date(0)
                    + ", not on the first day of dataset " + dataset.datasetId() + " (" + dataset.firstDate() + ")");
        }
    }

    private static ArchitectureRow row(ModelResult result, TrialSummary trials) {
        Forecast forecast = FinalModels.forecast(result);
        boolean predicted = !forecast.predictions().isEmpty();
        return new ArchitectureRow(
                result.architecture(),
                predicted ? ForecastMetrics.of(forecast.predictions()) : result.metrics(),
                result.parameterCount(),
                result.params(),
                trials.bestValue(),
                trials.complete(),
                trials.pruned(),
                trials.failed(),
                result.trainingMillis(),
                result.artifactUri(),
                predicted ? healthFlags(forecast) : null);
    }

    private static List<HealthFlag> healthFlags(Forecast forecast) {
        return ForecastHealth.check(forecast).flags().stream()
                .map(flag -> new HealthFlag(HealthFlag.Kind.valueOf(flag.kind().name()), flag.reason(), flag.observed(),
                        flag.threshold()))
                .toList();
    }

    /** The flags of every forecast checked, final models by rank, then the combination. */
    private static Map<String, List<HealthFlag>> health(List<ArchitectureRow> rows, CombinationRow combination) {
        Map<String, List<HealthFlag>> health = new LinkedHashMap<>();
        rows.stream().filter(row -> row.healthFlags() != null)
                .forEach(row -> health.put(row.architecture(), row.healthFlags()));
        if (combination != null) {
            health.put(combination.name(), combination.healthFlags());
        }
        return health;
    }

    /**
     * Every forecast the report judges, as the confidence sets and the forecast columns list them: final
     * models with predictions by rank, the combination, the baselines.
     */
    private static List<ConfidenceSets.Candidate> candidates(
            List<Forecast> predicted, Forecast combined, List<Forecast> baselines) {
        List<ConfidenceSets.Candidate> candidates = new ArrayList<>();
        predicted.forEach(forecast -> candidates.add(new ConfidenceSets.Candidate(forecast, Kind.ARCHITECTURE)));
        if (combined != null) {
            candidates.add(new ConfidenceSets.Candidate(combined, Kind.COMBINATION));
        }
        baselines.forEach(forecast -> candidates.add(new ConfidenceSets.Candidate(forecast, Kind.BASELINE)));
        return candidates;
    }

    private static void addTests(List<DieboldMarianoResult> tests, Forecast a, Forecast b, int horizon) {
        for (LossFunction loss : LossFunction.values()) {
            DieboldMariano.compare(a, b, loss, horizon).ifPresent(tests::add);
        }
    }
}
