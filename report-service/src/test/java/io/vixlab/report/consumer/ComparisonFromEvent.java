package io.vixlab.report.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What another system rebuilds from one {@code reports.studies} v2 message alone, reading nothing but
 * its JSON: every forecast's test metrics from the per-day columns ({@code forecasts}), and the
 * comparison table (architectures by test MSE, the best baseline). Written as a consumer would, without
 * vixlab's classes, so that the tests check the event and its documentation rather than the code
 * that produced them.
 */
public final class ComparisonFromEvent {

    /** A forecast's accuracy over the test days it covers, as the report defines it (docs/reports.md). */
    public record Accuracy(String name, String kind, int days, double mse, double rmse, double mae, double r2,
            double directionalAccuracy) {
    }

    private ComparisonFromEvent() {
    }

    /** Every series of {@code forecasts}, scored against the table's actual closes, by name in the event's order. */
    public static Map<String, Accuracy> accuracies(JsonNode report) {
        JsonNode table = report.get("forecasts");
        Map<String, Integer> dayIndex = new HashMap<>();
        for (int i = 0; i < table.get("days").size(); i++) {
            dayIndex.put(table.get("days").get(i).asText(), i);
        }
        Map<String, Accuracy> accuracies = new LinkedHashMap<>();
        for (JsonNode series : table.get("series")) {
            JsonNode days = series.has("days") ? series.get("days") : table.get("days");
            int n = series.get("predicted").size();
            double[] predicted = new double[n];
            double[] actual = new double[n];
            double[] previous = new double[n];
            for (int i = 0; i < n; i++) {
                int day = dayIndex.get(days.get(i).asText());
                predicted[i] = series.get("predicted").get(i).asDouble();
                actual[i] = table.get("actual").get(day).asDouble();
                previous[i] = table.get("previousClose").get(day).asDouble();
            }
            String name = series.get("name").asText();
            accuracies.put(name, accuracy(name, series.get("kind").asText(), predicted, actual, previous));
        }
        return accuracies;
    }

    /** The architectures with a final model, best test MSE first: the order of the report's rows. */
    public static List<String> architecturesByMse(Map<String, Accuracy> accuracies) {
        return ranked(accuracies, "ARCHITECTURE").stream().map(Accuracy::name).toList();
    }

    /** The baseline with the lowest test MSE, the first of equals in the event's order. */
    public static String bestBaseline(Map<String, Accuracy> accuracies) {
        return ranked(accuracies, "BASELINE").get(0).name();
    }

    private static List<Accuracy> ranked(Map<String, Accuracy> accuracies, String kind) {
        List<Accuracy> ofKind = new ArrayList<>(accuracies.values().stream().filter(a -> a.kind().equals(kind)).toList());
        ofKind.sort(Comparator.comparingDouble(Accuracy::mse));
        return ofKind;
    }

    private static Accuracy accuracy(String name, String kind, double[] predicted, double[] actual, double[] previous) {
        int n = predicted.length;
        double sum = 0;
        for (double a : actual) {
            sum += a;
        }
        double mean = sum / n;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
            if (Math.signum(predicted[i] - previous[i]) == Math.signum(actual[i] - previous[i])) {
                hits++;
            }
        }
        double r2 = total == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / total;
        return new Accuracy(name, kind, n, squared / n, Math.sqrt(squared / n), absolute / n, r2, (double) hits / n);
    }
}
