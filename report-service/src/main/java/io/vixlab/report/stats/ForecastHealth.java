package io.vixlab.report.stats;

import io.vixlab.contracts.training.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Flags a degenerate forecast: one that a collapsed or saturated network produces, which the
 * error metrics alone can hide (a flat line near the mean can have a tolerable MSE). Each flag
 * carries a sentence with the figures behind it. Thresholds are in VIX points and trading days.
 */
public final class ForecastHealth {

    /** A near-constant stretch: days whose predictions all lie within this band (max - min), VIX points. */
    public static final double FLAT_BAND = 0.1;
    /**
     * The days a near-constant stretch must last to be flagged (about a trading month), while the
     * actual moves more than the band over it.
     */
    public static final int FLAT_MIN_DAYS = 20;
    /** A day at the floor (ceiling): its prediction within this distance of the forecast's minimum (maximum). */
    public static final double BOUND_TOLERANCE = 0.1;
    /**
     * A floor (ceiling) is flagged when at least this share of days sits at it and the actual is
     * below (above) it on at least this share of days.
     */
    public static final double BOUND_MIN_SHARE = 0.05;
    /** Spread too narrow: the predictions' standard deviation below this fraction of the actuals'. */
    public static final double SPREAD_RATIO_MIN = 0.5;

    public enum Kind { NEAR_CONSTANT, FLOOR, CEILING, NARROW_SPREAD }

    /**
     * @param reason    the finding in a sentence, with its figures
     * @param observed  the figure compared with the threshold: days of the stretch, the share of
     *     days at the floor or ceiling, or the ratio of standard deviations
     * @param threshold the documented constant it was compared with
     */
    public record Flag(Kind kind, String reason, double observed, double threshold) {
    }

    /** @param flags empty for a forecast that shows none of the signs */
    public record Report(String forecast, int days, List<Flag> flags) {

        public Report {
            flags = List.copyOf(flags);
        }

        public boolean healthy() {
            return flags.isEmpty();
        }
    }

    private ForecastHealth() {
    }

    /** @throws IllegalArgumentException for a forecast without predictions */
    public static Report check(Forecast forecast) {
        List<Prediction> days = forecast.predictions().stream()
                .sorted(Comparator.comparing(Prediction::date))
                .toList();
        if (days.isEmpty()) {
            throw new IllegalArgumentException("forecast " + forecast.name() + " has no predictions to check");
        }
        List<Flag> flags = new ArrayList<>();
        nearConstantStretch(days, flags);
        bound(days, Kind.FLOOR, flags);
        bound(days, Kind.CEILING, flags);
        narrowSpread(days, flags);
        return new Report(forecast.name(), days.size(), flags);
    }

    private static void nearConstantStretch(List<Prediction> days, List<Flag> flags) {
        int bestStart = 0;
        int bestLength = 0;
        for (int start = 0; start < days.size() - bestLength; start++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            int end = start;
            while (end < days.size()) {
                double predicted = days.get(end).predicted();
                if (Math.max(high, predicted) - Math.min(low, predicted) > FLAT_BAND) {
                    break;
                }
                low = Math.min(low, predicted);
                high = Math.max(high, predicted);
                end++;
            }
            if (end - start > bestLength) {
                bestStart = start;
                bestLength = end - start;
            }
        }
        List<Prediction> stretch = days.subList(bestStart, bestStart + bestLength);
        Range predicted = Range.of(stretch.stream().mapToDouble(Prediction::predicted).toArray());
        Range actual = Range.of(stretch.stream().mapToDouble(Prediction::actual).toArray());
        if (bestLength >= FLAT_MIN_DAYS && actual.width() > FLAT_BAND) {
            flags.add(new Flag(Kind.NEAR_CONSTANT, String.format(Locale.ROOT,
                    "the predictions stay between %.2f and %.2f for %d consecutive days (%s to %s)"
                            + " while the actual ranges from %.2f to %.2f",
                    predicted.low(), predicted.high(), bestLength, stretch.get(0).date(),
                    stretch.get(bestLength - 1).date(), actual.low(), actual.high()),
                    bestLength, FLAT_MIN_DAYS));
        }
    }

    private static void bound(List<Prediction> days, Kind kind, List<Flag> flags) {
        boolean floor = kind == Kind.FLOOR;
        Range predicted = Range.of(days.stream().mapToDouble(Prediction::predicted).toArray());
        double level = floor ? predicted.low() : predicted.high();
        int atBound = 0;
        int beyond = 0;
        for (Prediction day : days) {
            if (Math.abs(day.predicted() - level) <= BOUND_TOLERANCE) {
                atBound++;
            }
            if (floor ? day.actual() < level : day.actual() > level) {
                beyond++;
            }
        }
        double share = (double) atBound / days.size();
        if (share >= BOUND_MIN_SHARE && (double) beyond / days.size() >= BOUND_MIN_SHARE) {
            String name = floor ? "floor" : "ceiling";
            flags.add(new Flag(kind, String.format(Locale.ROOT,
                    "%d of %d days within %.1f of the %s %.2f while the actual is %s it on %d days",
                    atBound, days.size(), BOUND_TOLERANCE, name, level, floor ? "below" : "above", beyond),
                    share, BOUND_MIN_SHARE));
        }
    }

    private static void narrowSpread(List<Prediction> days, List<Flag> flags) {
        StandardDeviation population = new StandardDeviation(false);
        double predictedSd = population.evaluate(days.stream().mapToDouble(Prediction::predicted).toArray());
        double actualSd = population.evaluate(days.stream().mapToDouble(Prediction::actual).toArray());
        if (actualSd == 0) {
            return; // no spread to compare with
        }
        double ratio = predictedSd / actualSd;
        if (ratio < SPREAD_RATIO_MIN) {
            flags.add(new Flag(Kind.NARROW_SPREAD, String.format(Locale.ROOT,
                    "the predictions' standard deviation is %.2f against the actual's %.2f: ratio %.2f, below %.2f",
                    predictedSd, actualSd, ratio, SPREAD_RATIO_MIN),
                    ratio, SPREAD_RATIO_MIN));
        }
    }

    private record Range(double low, double high) {

        static Range of(double[] values) {
            return new Range(StatUtils.min(values), StatUtils.max(values));
        }

        double width() {
            return high - low;
        }
    }
}
