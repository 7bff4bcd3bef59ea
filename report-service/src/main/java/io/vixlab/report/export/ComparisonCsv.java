package io.vixlab.report.export;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.HealthFlag;
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
 * order (by test MSE), the equal-weight combination, then the baselines. Empty fields where a value
 * does not apply; best parameters as {@code name=value} pairs separated by semicolons, sorted by
 * name; health flags by kind, separated by semicolons; per loss, the forecast's MCS p-value and
 * whether it is in the 90% and the 75% model confidence set.
 */
public final class ComparisonCsv {

    static final List<String> HEADER = List.of(
            "kind", "name", "mse", "rmse", "mae", "r2", "directional_accuracy", "parameter_count",
            "trials_complete", "trials_pruned", "trials_failed", "best_value", "training_millis", "best_params",
            "health_flags", "mcs_p_squared", "in_mcs90_squared", "in_mcs75_squared", "mcs_p_absolute",
            "in_mcs90_absolute", "in_mcs75_absolute");
    /** The fields of the columns that only architectures have. */
    private static final List<String> NOT_AN_ARCHITECTURE = List.of("", "", "", "", "", "", "");

    private ComparisonCsv() {
    }

    public static String write(StudyReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (ArchitectureRow row : report.rows()) {
            line(csv, record(report, "architecture", row.architecture(), row.metrics(), List.of(
                    text(row.parameterCount()), text(row.trialsComplete()), text(row.trialsPruned()),
                    text(row.trialsFailed()), text(row.bestValue()), text(row.trainingMillis()),
                    params(row.bestParams())), row.healthFlags()));
        }
        CombinationRow combination = report.combination();
        if (combination != null) {
            line(csv, record(report, "combination", combination.name(), combination.metrics(), NOT_AN_ARCHITECTURE,
                    combination.healthFlags()));
        }
        for (BaselineRow baseline : report.baselines()) {
            line(csv, record(report, "baseline", baseline.name(), baseline.metrics(), NOT_AN_ARCHITECTURE, null));
        }
        return csv.toString();
    }

    private static List<String> record(StudyReport report, String kind, String name, Metrics metrics,
            List<String> architectureFields, List<HealthFlag> healthFlags) {
        List<String> fields = new ArrayList<>(List.of(kind, name, text(metrics.mse()), text(metrics.rmse()),
                text(metrics.mae()), text(metrics.r2()), text(metrics.directionalAccuracy())));
        fields.addAll(architectureFields);
        fields.add(healthFlags == null ? "" : healthFlags.stream().map(flag -> flag.kind().name())
                .collect(Collectors.joining(";")));
        for (LossFunction loss : LossFunction.values()) {
            fields.addAll(membership(report, loss, name));
        }
        return fields;
    }

    /** MCS p-value and membership of the 90% and 75% sets on one loss; empty fields where the report has no set. */
    private static List<String> membership(StudyReport report, LossFunction loss, String name) {
        return (report.confidenceSets() == null ? List.<ConfidenceSet>of() : report.confidenceSets()).stream()
                .filter(set -> set.loss() == loss)
                .flatMap(set -> set.members().stream())
                .filter(member -> member.name().equals(name))
                .findFirst()
                .map(member -> List.of(text(member.pValue()), text(member.inSet90()), text(member.inSet75())))
                .orElse(List.of("", "", ""));
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
