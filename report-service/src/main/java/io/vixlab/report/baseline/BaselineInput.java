package io.vixlab.report.baseline;

import java.time.LocalDate;
import java.util.List;

/**
 * The VIX closes the baselines are fitted on and evaluated against: the whole series in date
 * order, split where the test period starts. Closes before {@link #testStart()} are the training
 * part; each close from {@code testStart} on is a test target, forecast from the closes before it.
 *
 * @param closes    daily closes in VIX points, dates strictly increasing
 * @param testStart index of the first test target; at least 1 so that it has a previous close
 */
public record BaselineInput(List<DailyClose> closes, int testStart) {

    public record DailyClose(LocalDate date, double close) {
    }

    public BaselineInput {
        closes = List.copyOf(closes);
        if (testStart < 1 || testStart >= closes.size()) {
            throw new IllegalArgumentException(
                    "test start " + testStart + " must leave a training part and a test part of " + closes.size()
                            + " closes");
        }
        for (int i = 1; i < closes.size(); i++) {
            if (!closes.get(i).date().isAfter(closes.get(i - 1).date())) {
                throw new IllegalArgumentException("closes are not in increasing date order at " + closes.get(i).date());
            }
        }
    }

    /**
     * The closes up to {@code testEnd}, split at the first close on or after {@code testStart}: for
     * a dataset, its split date and last date, so that the test part is the dataset's test targets.
     */
    public static BaselineInput between(List<DailyClose> closes, LocalDate testStart, LocalDate testEnd) {
        List<DailyClose> kept = closes.stream().filter(c -> !c.date().isAfter(testEnd)).toList();
        int split = (int) kept.stream().filter(c -> c.date().isBefore(testStart)).count();
        return new BaselineInput(kept, split);
    }

    /** Number of test targets. */
    public int testSize() {
        return closes.size() - testStart;
    }

    public int size() {
        return closes.size();
    }

    public double close(int index) {
        return closes.get(index).close();
    }

    public LocalDate date(int index) {
        return closes.get(index).date();
    }

    /** Mean of the {@code length} closes just before {@code index}. */
    public double trailingMean(int index, int length) {
        double sum = 0;
        for (int i = index - length; i < index; i++) {
            sum += close(i);
        }
        return sum / length;
    }
}
