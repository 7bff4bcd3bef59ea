package io.vixlab.report.web;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.report.comparison.FinalModels;
import io.vixlab.report.comparison.TrialSummary;
import io.vixlab.report.service.StudyReportView;
import io.vixlab.report.stats.importance.PedAnova;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the report page's charts are drawn from, as one JSON object embedded in the page: built here
 * from the report and the events it was built from, drawn by {@code study-charts.js}.
 *
 * @param colours    one colour per architecture (and the actual VIX and baselines), for every chart
 * @param metrics    the four bar charts with their reference lines
 * @param tuning     per architecture, in the study's order
 */
public record StudyPageData(
        String studyId,
        List<String> architectures,
        Map<String, String> colours,
        List<MetricBars> metrics,
        Predictions predictions,
        List<Tuning> tuning) {

    /** Name of the random walk baseline, drawn as a reference line and a forecast. */
    static final String RANDOM_WALK = "Random walk";

    /**
     * A metric's bars, one per architecture with a final model by test MSE, and the baselines the
     * bars are read against: the random walk and the best baseline (the same when the random walk is best).
     */
    public record MetricBars(String key, String title, String axis, List<Bar> bars, List<Bar> references) {
    }

    public record Bar(String name, double value) {
    }

    /** The test days with the actual close and each final model's forecast, null on a day it lacks. */
    public record Predictions(List<LocalDate> dates, List<Double> actual, List<Series> series) {
    }

    public record Series(String name, List<Double> values) {
    }

    /**
     * @param trials        the latest attempt of each trial, by number
     * @param intermediate  per trial, its validation loss by epoch within each fold
     * @param importances   PED-ANOVA importance of each parameter over the complete trials, most important first
     * @param finalHistory  the final training's epochs; null before it reported any
     */
    public record Tuning(String architecture, List<Trial> trials, List<Curves> intermediate,
            Map<String, Double> importances, History finalHistory) {
    }

    /** @param value the objective, complete trials only; @param params empty when the trial's config never arrived */
    public record Trial(int number, String trialId, TrialState state, Double value, long durationMillis,
            Map<String, Object> params) {
    }

    /** @param folds per fold, the validation loss of each epoch in order */
    public record Curves(String trial, List<List<Double>> folds) {
    }

    public record History(List<Integer> epochs, List<Double> trainLoss, List<Double> valLoss,
            List<Double> learningRate) {
    }

    /** The study's settings as the trials and finals were trained with, for the page's header. */
    public record Settings(TrainingSettings tuning, TrainingSettings finalTraining) {
    }

    static StudyPageData of(StudyReportView view, Map<String, TrialConfig> configs) {
        StudyReport report = view.report();
        List<String> architectures = view.architectures();
        Map<String, String> colours = ArchitecturePalette.of(architectures);
        colours.put("actual", ArchitecturePalette.ACTUAL);
        colours.put(RANDOM_WALK, ArchitecturePalette.RANDOM_WALK);
        if (report.bestBaseline() != null) {
            colours.putIfAbsent(report.bestBaseline(), ArchitecturePalette.BEST_BASELINE);
        }
        Map<String, ModelResult> finals = FinalModels.latestComplete(view.results().finals());
        List<Tuning> tuning = architectures.stream()
                .map(a -> tuning(a, view.results().trials(), view.progress(), configs, finals.get(a)))
                .toList();
        return new StudyPageData(report.studyId(), architectures, colours, metricBars(report),
                predictions(report, finals), tuning);
    }

    /** The tuning settings of the study's trials and the final training settings, where any arrived. */
    /** The study's own setup when its events carried one; else what its trials and finals were sent with. */
    static Settings settings(StudyReportView view, Map<String, TrialConfig> configs) {
        StudySetup setup = view.report().setup();
        if (setup != null) {
            return new Settings(setup.training(), setup.finalTraining());
        }
        TrainingSettings tuning = configs.values().stream().map(TrialConfig::training).findFirst().orElse(null);
        TrainingSettings finalTraining = FinalModels.latestComplete(view.results().finals()).values().stream()
                .map(ModelResult::training).findFirst().orElse(null);
        return new Settings(tuning, finalTraining);
    }

    private static List<MetricBars> metricBars(StudyReport report) {
        List<Bar> references = new ArrayList<>();
        report.baselines().stream().filter(b -> b.name().equals(RANDOM_WALK)).findFirst()
                .ifPresent(b -> references.add(new Bar(b.name(), 0)));
        report.baselines().stream().filter(b -> b.name().equals(report.bestBaseline()) && !b.name().equals(RANDOM_WALK))
                .findFirst().ifPresent(b -> references.add(new Bar(b.name(), 0)));
        Map<String, BaselineRow> baselines = report.baselines().stream()
                .collect(Collectors.toMap(BaselineRow::name, Function.identity(), (a, b) -> a));
        List<MetricBars> charts = new ArrayList<>();
        for (ComparisonMetric metric : ComparisonMetric.values()) {
            List<Bar> bars = report.rows().stream()
                    .map(row -> new Bar(row.architecture(), metric.of(row.metrics())))
                    .toList();
            List<Bar> lines = references.stream()
                    .map(r -> new Bar(r.name(), metric.of(baselines.get(r.name()).metrics())))
                    .toList();
            charts.add(new MetricBars(metric.name().toLowerCase(), metric.title(), metric.axisTitle(), bars, lines));
        }
        return charts;
    }

    /** The actual close, the random walk (the previous close) and every final model's forecast on each test day. */
    private static Predictions predictions(StudyReport report, Map<String, ModelResult> finals) {
        Map<LocalDate, Prediction> byDay = new TreeMap<>();
        List<ModelResult> ranked = report.rows().stream().map(ArchitectureRow::architecture).map(finals::get)
                .filter(result -> result != null && result.predictions() != null).toList();
        ranked.forEach(result -> result.predictions().forEach(p -> byDay.putIfAbsent(p.date(), p)));
        List<LocalDate> dates = List.copyOf(byDay.keySet());
        List<Series> series = new ArrayList<>();
        series.add(new Series(RANDOM_WALK, byDay.values().stream().map(Prediction::previousClose).toList()));
        for (ModelResult result : ranked) {
            Map<LocalDate, Double> predicted = result.predictions().stream()
                    .collect(Collectors.toMap(Prediction::date, Prediction::predicted, (a, b) -> b));
            series.add(new Series(result.architecture(), dates.stream().map(predicted::get).toList()));
        }
        return new Predictions(dates, byDay.values().stream().map(Prediction::actual).toList(), series);
    }

    private static Tuning tuning(String architecture, List<TrialResult> results, List<TrainingProgress> progress,
            Map<String, TrialConfig> configs, ModelResult finalModel) {
        List<Trial> trials = TrialSummary.latestAttempts(results).stream()
                .filter(t -> t.architecture().equals(architecture))
                .sorted(Comparator.comparingInt(TrialResult::trialNumber))
                .map(t -> new Trial(t.trialNumber(), t.trialId(), t.state(),
                        t.state() == TrialState.COMPLETE ? t.value() : null, t.durationMillis(),
                        configs.containsKey(t.trialId()) ? configs.get(t.trialId()).params() : Map.of()))
                .toList();
        List<PedAnova.Trial> complete = trials.stream()
                .filter(t -> t.value() != null && !t.params().isEmpty())
                .map(t -> new PedAnova.Trial(t.params(), t.value()))
                .toList();
        return new Tuning(architecture, trials, intermediate(architecture, results, progress),
                PedAnova.importances(complete), finalHistory(progress, finalModel));
    }

    /**
     * Each trial's validation losses per fold, from its latest attempt's progress: a fold's curve
     * starts again at epoch 0, so folds are kept apart rather than run on one step axis. A trial is
     * named by its number once its result has come, by its id while it runs.
     */
    private static List<Curves> intermediate(String architecture, List<TrialResult> results,
            List<TrainingProgress> progress) {
        Map<String, Integer> numbers = results.stream()
                .collect(Collectors.toMap(TrialResult::trialId, TrialResult::trialNumber, (a, b) -> a));
        Map<String, List<TrainingProgress>> byTrial = progress.stream()
                .filter(p -> p.kind() == TrainingProgress.RunKind.TRIAL && p.architecture().equals(architecture))
                .sorted(Comparator.comparing((TrainingProgress p) -> numbers.getOrDefault(p.runId(), Integer.MAX_VALUE)))
                .collect(Collectors.groupingBy(TrainingProgress::runId, LinkedHashMap::new, Collectors.toList()));
        List<Curves> curves = new ArrayList<>();
        byTrial.forEach((trialId, events) -> {
            Map<Integer, Map<Integer, Double>> folds = new TreeMap<>();
            latestAttempt(events).forEach(p -> folds.computeIfAbsent(p.fold(), f -> new TreeMap<>()).put(p.epoch(), p.valLoss()));
            Integer number = numbers.get(trialId);
            curves.add(new Curves(number == null ? trialId : "trial " + number,
                    folds.values().stream().map(epochs -> List.copyOf(epochs.values())).toList()));
        });
        return curves;
    }

    /** The epochs of the shown final model's training (its final id and attempt), in order. */
    private static History finalHistory(List<TrainingProgress> progress, ModelResult finalModel) {
        if (finalModel == null) {
            return null;
        }
        Map<Integer, TrainingProgress> epochs = new TreeMap<>();
        progress.stream()
                .filter(p -> p.kind() == TrainingProgress.RunKind.FINAL && p.runId().equals(finalModel.finalId())
                        && p.attempt() == finalModel.attempt())
                .forEach(p -> epochs.put(p.epoch(), p));
        if (epochs.isEmpty()) {
            return null;
        }
        return new History(List.copyOf(epochs.keySet()),
                epochs.values().stream().map(TrainingProgress::trainLoss).toList(),
                epochs.values().stream().map(TrainingProgress::valLoss).toList(),
                epochs.values().stream().map(TrainingProgress::learningRate).toList());
    }

    private static List<TrainingProgress> latestAttempt(List<TrainingProgress> events) {
        int attempt = events.stream().mapToInt(TrainingProgress::attempt).max().orElseThrow();
        return events.stream().filter(p -> p.attempt() == attempt).toList();
    }

    /** Every parameter name any trial of the study has, sorted: the trial table's columns. */
    List<String> parameterNames() {
        return tuning.stream().flatMap(t -> t.trials().stream()).flatMap(t -> t.params().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }
}
