package io.vixlab.report.stats;

import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.Prediction;
import java.util.List;

/**
 * Accuracy of one-day-ahead forecasts, in the units of the predictions (VIX points).
 *
 * <ul>
 *   <li>MSE, RMSE, MAE of the error {@code actual - predicted};</li>
 *   <li>R² = 1 - SS_res / SS_tot with SS_tot taken around the mean of the actual values (negative
 *       when the forecast is worse than that mean); when every actual value is the same, 1 for a
 *       perfect forecast and 0 otherwise (scikit-learn's {@code r2_score} with {@code force_finite}),
 *       so that a report never carries a non-finite number;</li>
 *   <li>directional accuracy: the share of days on which {@code sign(predicted - previousClose)}
 *       equals {@code sign(actual - previousClose)}, with sign in {-1, 0, +1}. A day without an
 *       actual change is therefore a hit only for a forecast of no change, and a forecast of no
 *       change is a miss on a day that moved, as the {@link Metrics} contract states.</li>
 * </ul>
 */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    public static Metrics of(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate");
        }
        int n = predictions.size();
        double actualMean = predictions.stream().mapToDouble(Prediction::actual).average().orElseThrow();
        double squaredErrors = 0;
        double absoluteErrors = 0;
        double squaredDeviations = 0;
        int directionHits = 0;
        for (Prediction p : predictions) {
            double error = p.actual() - p.predicted();
            squaredErrors += error * error;
            absoluteErrors += Math.abs(error);
            double deviation = p.actual() - actualMean;
            squaredDeviations += deviation * deviation;
            if (Math.signum(p.predicted() - p.previousClose()) == Math.signum(p.actual() - p.previousClose())) {
                directionHits++;
            }
        }
        double mse = squaredErrors / n;
        // scikit-learn's force_finite convention for a constant series, as the trainer's Evaluation
        double r2 = squaredDeviations == 0 ? (squaredErrors == 0 ? 1.0 : 0.0) : 1 - squaredErrors / squaredDeviations;
        return new Metrics(mse, Math.sqrt(mse), absoluteErrors / n, r2, (double) directionHits / n);
    }
}
