package io.vixlab.launcher.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-of-run comparison from report-service's report JSON ({@code GET /api/studies/{id}/report},
 * the {@code reports.studies} schema): architectures by test MSE, then the baselines, then each
 * architecture's Diebold-Mariano test against the random walk on squared loss.
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
        String header = HEADER_FORMAT.replace("NAME", String.valueOf(width));
        String row = ROW_FORMAT.replace("NAME", String.valueOf(width));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Study %s on dataset %s, test %s to %s (%d days)",
                report.path("studyId").asText(), report.path("datasetId").asText(),
                report.path("testStart").asText("?"), report.path("testEnd").asText("?"),
                report.path("testDays").asInt()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, header, "architecture", "MSE", "RMSE", "MAE", "R²", "dir.acc"));
        for (JsonNode r : report.path("rows")) {
            lines.add(metricsLine(row, r.path("architecture").asText(), r.path("metrics")));
        }
        if (report.path("baselines").size() > 0) {
            lines.add("baseline");
            for (JsonNode b : report.path("baselines")) {
                lines.add(metricsLine(row, b.path("name").asText(), b.path("metrics")));
            }
        }
        List<String> tests = new ArrayList<>();
        for (JsonNode t : report.path("tests")) {
            if ("Random walk".equals(t.path("modelB").asText()) && "SQUARED".equals(t.path("loss").asText())) {
                double p = t.path("pValue").asDouble();
                tests.add(String.format(Locale.ROOT, "  %-" + width + "s DM %7.3f  p %7s  %s",
                        t.path("modelA").asText(), t.path("statistic").asDouble(),
                        p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p), t.path("verdict").asText()));
            }
        }
        if (!tests.isEmpty()) {
            lines.add("");
            lines.add("Diebold-Mariano against the random walk (squared loss, 5% level):");
            lines.addAll(tests);
        }
        if (report.hasNonNull("bestArchitecture")) {
            lines.add("");
            lines.add("Best architecture: " + report.get("bestArchitecture").asText());
        }
        return lines;
    }

    private static String metricsLine(String format, String name, JsonNode m) {
        return String.format(Locale.ROOT, format, name, m.path("mse").asDouble(), m.path("rmse").asDouble(),
                m.path("mae").asDouble(), m.path("r2").asDouble(), 100 * m.path("directionalAccuracy").asDouble());
    }
}
