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
import java.util.stream.IntStream;

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
     * An architecture's trials in the order they finished (x = 1, 2, ...; results carry no trial
     * number): the value of each complete trial, the best value so far, and marks for pruned and
     * failed trials, which have no value.
     */
    public static String optimizationHistory(String architecture, List<TrialResult> trials) {
        List<TrialResult> finished = TrialSummary.latestAttempts(trials).stream()
                .filter(t -> t.architecture().equals(architecture))
                .toList();
        double[] index = IntStream.rangeClosed(1, finished.size()).asDoubleStream().toArray();
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
        return new XyChart("Optimization history: " + architecture, "trial (in order finished)",
                "objective (validation MSE, scaled)")
                .points("complete trial", index, values)
                .steps("best so far", index, bestSoFar)
                .marks("pruned", indexesOf(finished, TrialState.PRUNED))
                .marks("failed", indexesOf(finished, TrialState.FAILED))
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
     * Validation loss per pruner step ({@code fold * epochs + epoch}) of each trial, the latest
     * attempt of each; the caller passes the progress of one architecture's trials.
     */
    public static String intermediateValues(String architecture, List<TrainingProgress> progress) {
        Map<String, List<TrainingProgress>> byTrial = progress.stream()
                .filter(p -> p.kind() == TrainingProgress.RunKind.TRIAL)
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
            chart.line(trialId, steps.stream().mapToDouble(TrainingProgress::step).toArray(),
                    steps.stream().mapToDouble(TrainingProgress::valLoss).toArray());
        });
        return chart.render();
    }

    private static double[] indexesOf(List<TrialResult> trials, TrialState state) {
        return IntStream.range(0, trials.size())
                .filter(i -> trials.get(i).state() == state)
                .mapToDouble(i -> i + 1)
                .toArray();
    }
}
