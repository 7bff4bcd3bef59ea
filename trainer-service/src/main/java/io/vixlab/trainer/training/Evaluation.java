package io.vixlab.trainer.training;

import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Forecast accuracy of a final model on the test part, in VIX points and in the dataset's scaled
 * units. Directional accuracy is the share of days where sign(forecast - previous close) equals
 * sign(actual - previous close), so a zero actual change is a hit only for a zero forecast change
 * (the definition documented on {@link Metrics}).
 */
public record Evaluation(Metrics points, Metrics scaled, List<Prediction> predictions) {

    public Evaluation {
        predictions = List.copyOf(predictions);
    }

    /**
     * This evaluation, or a {@link TrainingFailedException} when a forecast or a metric is not a
     * finite number: such a model is no result to report (nor can JSON carry it).
     */
    public Evaluation requireFinite() {
        long infinite = predictions.stream().filter(p -> !Double.isFinite(p.predicted())).count();
        if (infinite > 0 || !finite(points) || !finite(scaled)) {
            throw new TrainingFailedException("the model's test forecasts or metrics are not finite (" + infinite
                    + " of " + predictions.size() + " forecasts are NaN or infinite; metrics in points " + points + ")");
        }
        return this;
    }

    private static boolean finite(Metrics m) {
        return DoubleStream.of(m.mse(), m.rmse(), m.mae(), m.r2(), m.directionalAccuracy()).allMatch(Double::isFinite);
    }

    /**
     * @param predicted     the model's forecasts, in points
     * @param actualScaled  the scaled targets
     * @param previousClose each test day's previous VIX close, in points
     * @param dates         each forecast's target date
     */
    public static Evaluation of(double[] predicted, float[] actualScaled, double[] previousClose,
                                List<LocalDate> dates, ScalerParams scaler) {
        int n = actualScaled.length;
        if (predicted.length != n || previousClose.length != n || dates.size() != n) {
            throw new IllegalArgumentException("predictions, actuals, previous closes and dates differ in length");
        }
        double[] actualPoints = new double[n];
        double[] predScaled = new double[n];
        double[] actScaled = new double[n];
        double[] prevScaled = new double[n];
        List<Prediction> predictions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            predScaled[i] = scaler.toScaled(predicted[i]);
            actScaled[i] = actualScaled[i];
            prevScaled[i] = scaler.toScaled(previousClose[i]);
            actualPoints[i] = scaler.toPoints(actualScaled[i]);
            predictions.add(new Prediction(dates.get(i), predicted[i], actualPoints[i], previousClose[i]));
        }
        return new Evaluation(metrics(predicted, actualPoints, previousClose),
                metrics(predScaled, actScaled, prevScaled), predictions);
    }

    /** MSE, RMSE, MAE, R² (1 - SS_res / SS_tot around the actuals' mean; 1 or 0 for constant actuals, as scikit-learn) and directional accuracy. */
    public static Metrics metrics(double[] predicted, double[] actual, double[] previous) {
        int n = actual.length;
        if (n == 0 || predicted.length != n || previous.length != n) {
            throw new IllegalArgumentException("need equally long, non-empty series");
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= n;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - actual[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
            if (Math.signum(predicted[i] - previous[i]) == Math.signum(actual[i] - previous[i])) {
                hits++;
            }
        }
        double mse = sse / n;
        // scikit-learn's force_finite convention for a constant series
        double r2 = sst == 0 ? (sse == 0 ? 1.0 : 0.0) : 1 - sse / sst;
        return new Metrics(mse, Math.sqrt(mse), sae / n, r2, (double) hits / n);
    }
}
