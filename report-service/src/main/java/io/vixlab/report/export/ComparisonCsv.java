package io.vixlab.report.export;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The comparison table of a study report as CSV (RFC 4180: comma-separated, CRLF line ends,
 * fields with a comma, quote or line break quoted, quotes doubled): the architectures in report
 * order (by test MSE), then the baselines. Empty fields where a value does not apply; best
 * parameters as {@code name=value} pairs separated by semicolons, sorted by name.
 */
public final class ComparisonCsv {

    static final List<String> HEADER = List.of(
            "kind", "name", "mse", "rmse", "mae", "r2", "directional_accuracy", "parameter_count",
            "trials_complete", "trials_pruned", "trials_failed", "best_value", "training_millis", "best_params");

    private ComparisonCsv() {
    }

    public static String write(StudyReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ArchitectureRow row : report.rows()) {
            line(csv, record("architecture", row.architecture(), row.metrics(), List.of(
                    text(row.parameterCount()), text(row.trialsComplete()), text(row.trialsPruned()),
                    text(row.trialsFailed()), text(row.bestValue()), text(row.trainingMillis()),
                    params(row.bestParams()))));
        }
        for (BaselineRow baseline : report.baselines()) {
            line(csv, record("baseline", baseline.name(), baseline.metrics(), List.of("", "", "", "", "", "", "")));
        }
        return csv.toString();
    }

    private static List<String> record(String kind, String name, Metrics metrics, List<String> rest) {
        List<String> fields = new ArrayList<>(List.of(kind, name, text(metrics.mse()), text(metrics.rmse()),
                text(metrics.mae()), text(metrics.r2()), text(metrics.directionalAccuracy())));
        fields.addAll(rest);
        return fields;
    }

    private static String params(Map<String, Object> params) {
        if (params == null) {
            return "";
        }
        return new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** Full precision ({@link Double#toString}) so that a reader gets the report's numbers back. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        csv.append(fields.stream().map(ComparisonCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(String value) {
        boolean quote = Stream.of(",", "\"", "\n", "\r").anyMatch(value::contains);
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
