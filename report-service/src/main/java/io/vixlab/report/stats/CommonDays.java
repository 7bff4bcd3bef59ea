package io.vixlab.report.stats;

import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Lines several forecasts up on the days every one of them covers, so that statistics over all of
 * them (the model confidence set, a combination) compare the same days, as the Diebold-Mariano
 * test does for two.
 */
public final class CommonDays {

    private CommonDays() {
    }

    /**
     * @return each forecast with only the days all of them cover, in date order; names and order
     *     as given
     * @throws IllegalArgumentException if two forecasts share a name or one has two predictions
     *     for a day
     */
    public static List<Forecast> of(List<Forecast> forecasts) {
        Set<String> names = new HashSet<>();
        List<Map<LocalDate, Prediction>> byDate = new ArrayList<>();
        SortedSet<LocalDate> common = null;
        for (Forecast forecast : forecasts) {
            if (!names.add(forecast.name())) {
                throw new IllegalArgumentException("two forecasts are named " + forecast.name());
            }
            Map<LocalDate, Prediction> days = new HashMap<>();
            for (Prediction prediction : forecast.predictions()) {
                if (days.put(prediction.date(), prediction) != null) {
                    throw new IllegalArgumentException(
                            "forecast " + forecast.name() + " has two predictions for " + prediction.date());
                }
            }
            byDate.add(days);
            if (common == null) {
                common = new TreeSet<>(days.keySet());
            } else {
                common.retainAll(days.keySet());
            }
        }
        List<Forecast> aligned = new ArrayList<>();
        for (int i = 0; i < forecasts.size(); i++) {
            Map<LocalDate, Prediction> days = byDate.get(i);
            aligned.add(new Forecast(forecasts.get(i).name(), common.stream().map(days::get).toList()));
        }
        return aligned;
    }
}
