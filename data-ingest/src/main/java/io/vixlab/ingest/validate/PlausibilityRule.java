package io.vixlab.ingest.validate;

import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.InvalidFileException;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.parse.ParsedRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flags closes that are implausible next to their neighbours: a close is implausible when
 * {@code |ln(close / median)| > maxLogDistance}, where the median is taken over the {@code 2 × neighbours}
 * closes nearest in file order (the window shifts inward at either end of the series, so the first and
 * last days are judged against as many neighbours as the rest). The neighbours are taken from the file and
 * from the stored history together (the file's values replacing stored ones of the same day), so a short
 * file is judged against the days around it; only when file and history together hold no more than
 * {@code 2 × neighbours} days is nothing judged.
 *
 * <p>A file that changes a stored close by more than the same distance rewrites history: {@link #refuseRewrites}
 * refuses it unless the run says it replaces history.
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

    /** The series judged on its own: {@link #apply(ValidatedSeries, Map)} without stored history. */
    public ValidatedSeries apply(ValidatedSeries series) {
        return apply(series, Map.of());
    }

    /**
     * The series with flagged rows excluded or kept, and a warning for each.
     *
     * @param storedCloses the stored close of each day of the series' symbol
     */
    public ValidatedSeries apply(ValidatedSeries series, Map<LocalDate, Double> storedCloses) {
        List<ParsedRow> rows = series.rows();
        int window = 2 * neighbours;
        TreeMap<LocalDate, Double> history = new TreeMap<>(storedCloses);
        rows.forEach(row -> history.put(row.date(), row.close()));
        if (history.size() <= window) {
            return series;
        }
        List<LocalDate> days = new ArrayList<>(history.keySet());
        double[] closes = history.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<ParsedRow> kept = new ArrayList<>();
        List<ParsedRow> excluded = new ArrayList<>();
        List<IngestWarning> warnings = new ArrayList<>(series.warnings());
        for (ParsedRow row : rows) {
            double median = neighbourMedian(closes, Collections.binarySearch(days, row.date()), window);
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

    /**
     * Refuses a file that would change a stored close by more than {@code maxLogDistance}, unless the run replaces
     * history; then each such change is returned as a warning, so the run records it.
     *
     * @throws InvalidFileException for the first such row when {@code replaceHistory} is false
     */
    public List<IngestWarning> refuseRewrites(ValidatedSeries series, Map<LocalDate, Double> storedCloses,
            boolean replaceHistory) {
        List<IngestWarning> replaced = new ArrayList<>();
        for (ParsedRow row : series.rows()) {
            Double stored = storedCloses.get(row.date());
            if (stored == null || Math.abs(Math.log(row.close() / stored)) <= maxLogDistance) {
                continue;
            }
            RowLocation location = new RowLocation(series.file(), row.line(), series.columns().close());
            String change = String.format(Locale.ROOT, "%s close %s would rewrite the stored close %s"
                    + " (|ln| = %.3f, beyond ±%s)", row.date(), row.close(), stored,
                    Math.abs(Math.log(row.close() / stored)), maxLogDistance);
            if (!replaceHistory) {
                throw new InvalidFileException(location, change
                        + "; a run that means to rewrite history says replaceHistory: true");
            }
            replaced.add(new IngestWarning(location, change + "; replaced (replaceHistory), the old bar is kept in its history"));
        }
        return replaced;
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
