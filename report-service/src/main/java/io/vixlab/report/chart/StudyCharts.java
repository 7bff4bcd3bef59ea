package io.vixlab.report.chart;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.report.comparison.TrialSummary;
import io.vixlab.report.stats.Forecast;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The charts of a study report, each as a standalone SVG document. */
public final class StudyCharts {

    private StudyCharts() {
    }

    /** One bar per architecture, in the report's order (by test MSE), as the seed's bar plots. */
    public static String metricBars(StudyReport report, ComparisonMetric metric) {
        BarChart chart = new BarChart(metric.title(), metric.axisTitle());
        for (ArchitectureRow row : report.rows()) {
            chart.bar(row.architecture(), metric.of(row.metrics()));
        }
        return chart.render();
    }

    /**
     * An architecture's trials by trial number (x = the 0-based number in ask order, as Optuna
     * plots it): the value of each complete trial, the best value so far, and marks for pruned and
     * failed trials, which have no value.
     */
    public static String optimizationHistory(String architecture, List<TrialResult> trials) {
        List<TrialResult> finished = TrialSummary.latestAttempts(trials).stream()
                .filter(t -> t.architecture().equals(architecture))
                .sorted(Comparator.comparingInt(TrialResult::trialNumber))
                .toList();
        double[] number = finished.stream().mapToDouble(TrialResult::trialNumber).toArray();
        double[] values = finished.stream()
                .mapToDouble(t -> t.state() == TrialState.COMPLETE && t.value() != null ? t.value() : Double.NaN)
                .toArray();
        double[] bestSoFar = new double[values.length];
        double best = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (Double.isNaN(best) || values[i] < best)) {
                best = values[i];
            }
            bestSoFar[i] = best;
        }
        return new XyChart("Optimization history: " + architecture, "trial number",
                "objective (validation MSE, scaled)")
                .points("complete trial", number, values)
                .steps("best so far", number, bestSoFar)
                .marks("pruned", numbersOf(finished, TrialState.PRUNED))
                .marks("failed", numbersOf(finished, TrialState.FAILED))
                .render();
    }

    /** The actual VIX close and each forecast over the test period. */
    public static String predictionsVsActual(Collection<Forecast> forecasts) {
        Map<Long, Double> actual = forecasts.stream()
                .flatMap(f -> f.predictions().stream())
                .collect(Collectors.toMap(p -> p.date().toEpochDay(), Prediction::actual, (a, b) -> a,
                        TreeMap::new));
        XyChart chart = new XyChart("Predictions vs actual VIX (test period)", "date", "VIX close").datesOnX()
                .line("actual", actual.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
                        actual.values().stream().mapToDouble(Double::doubleValue).toArray());
        for (Forecast forecast : forecasts) {
            chart.line(forecast.name(),
                    forecast.predictions().stream().mapToDouble(p -> p.date().toEpochDay()).toArray(),
                    forecast.predictions().stream().mapToDouble(Prediction::predicted).toArray());
        }
        return chart.render();
    }

    /**
     * Validation loss per pruner step ({@code fold * epochs + epoch}) of each of an architecture's
     * trials, the latest attempt of each; progress of other architectures and of final trainings
     * is left out. A trial is named by its number where its result tells it (trials still running
     * have none yet and keep their id), and the trials are drawn in that order.
     */
    public static String intermediateValues(String architecture, List<TrainingProgress> progress,
            List<TrialResult> trials) {
        Map<String, Integer> numbers = trials.stream()
                .collect(Collectors.toMap(TrialResult::trialId, TrialResult::trialNumber, (a, b) -> a));
        Map<String, List<TrainingProgress>> byTrial = progress.stream()
                .filter(p -> p.kind() == TrainingProgress.RunKind.TRIAL && p.architecture().equals(architecture))
                .sorted(Comparator.comparing((TrainingProgress p) -> numbers.getOrDefault(p.runId(), Integer.MAX_VALUE)))
                .collect(Collectors.groupingBy(TrainingProgress::runId, LinkedHashMap::new, Collectors.toList()));
        XyChart chart = new XyChart("Intermediate values: " + architecture, "step (fold × epochs + epoch)",
                "validation loss (scaled)");
        byTrial.forEach((trialId, events) -> {
            int attempt = events.stream().mapToInt(TrainingProgress::attempt).max().orElseThrow();
            List<TrainingProgress> steps = events.stream()
                    .filter(p -> p.attempt() == attempt)
                    .collect(Collectors.toMap(TrainingProgress::step, Function.identity(), (a, b) -> b))
                    .values().stream()
                    .sorted(Comparator.comparingInt(TrainingProgress::step))
                    .toList();
            Integer number = numbers.get(trialId);
            chart.line(number == null ? trialId : "trial " + number,
                    steps.stream().mapToDouble(TrainingProgress::step).toArray(),
                    steps.stream().mapToDouble(TrainingProgress::valLoss).toArray());
        });
        return chart.render();
    }

    private static double[] numbersOf(List<TrialResult> trials, TrialState state) {
        return trials.stream().filter(t -> t.state() == state).mapToDouble(TrialResult::trialNumber).toArray();
    }
}
