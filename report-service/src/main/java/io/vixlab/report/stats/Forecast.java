package io.vixlab.report.stats;

import io.vixlab.contracts.training.Prediction;
import java.util.List;

/**
 * A named series of test-day forecasts: an architecture's final model or a baseline.
 *
 * @param predictions in date order, in VIX points
 */
public record Forecast(String name, List<Prediction> predictions) {

    public Forecast {
        predictions = List.copyOf(predictions);
    }
}
