package io.vixlab.ingest.validate;

import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.parse.ParsedRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Flags closes that are implausible next to their neighbours: a close is implausible when
 * {@code |ln(close / median)| > maxLogDistance}, where the median is taken over the {@code 2 × neighbours}
 * closes nearest in file order (the window shifts inward at either end of the series, so the first and
 * last days are judged against as many neighbours as the rest). A series shorter than
 * {@code 2 × neighbours + 1} days is not judged.
 *
 * <p>The defaults (5 closes on each side, ln distance 0.7, i.e. more than about twice or less than half the
 * median) flag exactly VVIX 2006-03-15 (15.71), 2006-03-16 (27.94) and 2006-03-17 (28.60) in CBOE's
 * history, the start of the series where CBOE's own early values sit far below the ~60-90 around them,
 * and nothing in VIX: its largest distances are genuine one-day spikes, 0.63 on 2024-08-05 and 2024-12-18.
 *
 * @param neighbours     closes on each side that the median is taken over
 * @param maxLogDistance the largest accepted |ln(close / median)|
 * @param action         whether flagged rows are left out of storage or kept; either way they are reported
 */
public record PlausibilityRule(int neighbours, double maxLogDistance, Action action) {

    public enum Action { EXCLUDE, KEEP }

    public static final PlausibilityRule DEFAULT = new PlausibilityRule(5, 0.7, Action.EXCLUDE);

    public PlausibilityRule {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (!(maxLogDistance > 0)) {
            throw new IllegalArgumentException("maxLogDistance must be positive, was " + maxLogDistance);
        }
    }

    /** The series with flagged rows excluded or kept, and a warning for each. */
    public ValidatedSeries apply(ValidatedSeries series) {
        List<ParsedRow> rows = series.rows();
        int window = 2 * neighbours;
        if (rows.size() <= window) {
            return series;
        }
        double[] closes = rows.stream().mapToDouble(ParsedRow::close).toArray();
        List<ParsedRow> kept = new ArrayList<>();
        List<ParsedRow> excluded = new ArrayList<>();
        List<IngestWarning> warnings = new ArrayList<>(series.warnings());
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            double median = neighbourMedian(closes, i, window);
            double distance = Math.log(row.close() / median);
            if (Math.abs(distance) <= maxLogDistance) {
                kept.add(row);
                continue;
            }
            (action == Action.EXCLUDE ? excluded : kept).add(row);
            warnings.add(new IngestWarning(new RowLocation(series.file(), row.line(), series.columns().close()),
                    String.format(Locale.ROOT, "%s close %s is implausible: ln(close / %.2f, the median of %d neighbours)"
                                    + " = %.3f, beyond ±%s; %s", row.date(), row.close(), median, window, distance,
                            maxLogDistance, action == Action.EXCLUDE ? "excluded" : "kept")));
        }
        return new ValidatedSeries(series.symbol(), series.file(), series.columns(), kept, excluded, warnings);
    }

    private static double neighbourMedian(double[] closes, int index, int window) {
        int start = Math.max(0, Math.min(index - window / 2, closes.length - 1 - window));
        double[] around = new double[window];
        for (int i = start, n = 0; i <= start + window; i++) {
            if (i != index) {
                around[n++] = closes[i];
            }
        }
        Arrays.sort(around);
        return (around[window / 2 - 1] + around[window / 2]) / 2;
    }
}
