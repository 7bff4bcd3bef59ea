package io.vixlab.launcher.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-run comparison from report-service's report JSON ({@code GET /api/studies/{id}/report},
 * the {@code reports.studies} schema): architectures by test MSE and their combination, then the
 * baselines (the best one named), each forecast's Diebold-Mariano test against the random walk and
 * against the best baseline on squared loss, and the report's verdict sentences.
 */
public final class ComparisonTable {

    private static final String HEADER_FORMAT = "%-NAMEs %10s %9s %9s %9s %9s";
    private static final String ROW_FORMAT = "%-NAMEs %10.4f %9.4f %9.4f %9.4f %8.1f%%";

    private ComparisonTable() {
    }

    public static List<String> render(JsonNode report) {
        int width = "architecture".length();
        for (JsonNode r : report.path("rows")) {
            width = Math.max(width, r.path("architecture").asText().length());
        }
        for (JsonNode b : report.path("baselines")) {
            width = Math.max(width, b.path("name").asText().length());
        }
        JsonNode combination = report.path("combination");
        width = Math.max(width, combination.path("name").asText().length());
        String header = HEADER_FORMAT.replace("NAME", String.valueOf(width));
        String row = ROW_FORMAT.replace("NAME", String.valueOf(width));
        List<String> lines = new ArrayList<>();
        // a report of schema version 1 names no target: every study then trained on the level
        lines.add(String.format(Locale.ROOT, "Study %s on dataset %s, target %s, test %s to %s (%d days)",
                report.path("studyId").asText(), report.path("datasetId").asText(),
                report.path("target").asText("level"),
                report.path("testStart").asText("?"), report.path("testEnd").asText("?"),
                report.path("testDays").asInt()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, header, "architecture", "MSE", "RMSE", "MAE", "R²", "dir.acc"));
        for (JsonNode r : report.path("rows")) {
            lines.add(metricsLine(row, r.path("architecture").asText(), r.path("metrics")));
        }
        if (!combination.isMissingNode() && !combination.isNull()) {
            lines.add(metricsLine(row, combination.path("name").asText(), combination.path("metrics")));
        }
        String bestBaseline = report.path("bestBaseline").asText("");
        if (report.path("baselines").size() > 0) {
            lines.add(bestBaseline.isEmpty() ? "baseline" : "baseline (best: " + bestBaseline + ")");
            for (JsonNode b : report.path("baselines")) {
                lines.add(metricsLine(row, b.path("name").asText(), b.path("metrics")));
            }
        }
        addTests(lines, report, "Random walk", width);
        if (!bestBaseline.isEmpty() && !"Random walk".equals(bestBaseline)) {
            addTests(lines, report, bestBaseline, width);
        }
        if (report.path("summary").size() > 0) {
            lines.add("");
            lines.add("Verdict:");
            report.path("summary").forEach(sentence -> lines.add("  - " + sentence.asText()));
        }
        if (report.hasNonNull("bestArchitecture")) {
            lines.add("");
            lines.add("Best architecture: " + report.get("bestArchitecture").asText());
        }
        return lines;
    }

    /** Every forecast's Diebold-Mariano test against {@code benchmark} on squared loss. */
    private static void addTests(List<String> lines, JsonNode report, String benchmark, int width) {
        List<String> tests = new ArrayList<>();
        for (JsonNode t : report.path("tests")) {
            if (benchmark.equals(t.path("modelB").asText()) && "SQUARED".equals(t.path("loss").asText())) {
                double p = t.path("pValue").asDouble();
                tests.add(String.format(Locale.ROOT, "  %-" + width + "s DM %7.3f  p %7s  %s",
                        t.path("modelA").asText(), t.path("statistic").asDouble(),
                        p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p), t.path("verdict").asText()));
            }
        }
        if (!tests.isEmpty()) {
            lines.add("");
            lines.add("Diebold-Mariano against " + ("Random walk".equals(benchmark) ? "the random walk"
                    : "the best baseline, " + benchmark) + " (squared loss, 5% level):");
            lines.addAll(tests);
        }
    }

    private static String metricsLine(String format, String name, JsonNode m) {
        return String.format(Locale.ROOT, format, name, m.path("mse").asDouble(), m.path("rmse").asDouble(),
                m.path("mae").asDouble(), m.path("r2").asDouble(), 100 * m.path("directionalAccuracy").asDouble());
    }
}
