package io.vixlab.report.comparison;

import io.vixlab.contracts.report.ConfidenceSetMember.Kind;
import io.vixlab.contracts.report.ForecastSeries;
import io.vixlab.contracts.report.ForecastTable;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.stats.Forecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lays a report's forecasts out in columns ({@link ForecastTable}): the days any of them covers with
 * each day's actual and previous close once, then one predicted close per day and forecast. A
 * forecast that skips some of the days names its own.
 *
 * <p>A day's closes are the baselines' where they have the day: those are the market's closes as
 * quoted, while a final model's predictions carry them back from the dataset's float scaling
 * (25.299999785775835 for 25.3). Closes that agree to {@link #SAME_CLOSE} points are the same close.
 */
final class ForecastColumns {

    /** Closes are quoted to a cent; float scaling moves them by less than a millionth of a point. */
    static final double SAME_CLOSE = 1e-4;

    private ForecastColumns() {
    }

    /**
     * @throws IllegalArgumentException if two forecasts disagree on a day's actual or previous close
     */
    static ForecastTable of(List<ConfidenceSets.Candidate> forecasts) {
        SortedMap<LocalDate, Prediction> days = new TreeMap<>();
        List<ConfidenceSets.Candidate> baselinesFirst = forecasts.stream()
                .sorted(Comparator.comparing(c -> c.kind() != Kind.BASELINE)).toList();
        for (ConfidenceSets.Candidate candidate : baselinesFirst) {
            for (Prediction prediction : candidate.forecast().predictions()) {
                Prediction first = days.putIfAbsent(prediction.date(), prediction);
                if (first != null && (Math.abs(first.actual() - prediction.actual()) > SAME_CLOSE
                        || Math.abs(first.previousClose() - prediction.previousClose()) > SAME_CLOSE)) {
                    throw new IllegalArgumentException("forecast " + candidate.forecast().name() + " has the close on "
                            + prediction.date() + " as " + prediction.actual() + " after " + prediction.previousClose()
                            + ", another forecast as " + first.actual() + " after " + first.previousClose());
                }
            }
        }
        List<ForecastSeries> series = new ArrayList<>();
        for (ConfidenceSets.Candidate candidate : forecasts) {
            List<Prediction> predictions = candidate.forecast().predictions().stream()
                    .sorted(Comparator.comparing(Prediction::date)).toList();
            boolean everyDay = predictions.size() == days.size();
            series.add(new ForecastSeries(candidate.forecast().name(), candidate.kind(),
                    everyDay ? null : predictions.stream().map(Prediction::date).toList(),
                    predictions.stream().map(Prediction::predicted).toList()));
        }
        return new ForecastTable(List.copyOf(days.keySet()),
                days.values().stream().map(Prediction::actual).toList(),
                days.values().stream().map(Prediction::previousClose).toList(),
                series);
    }
}
