package io.vixlab.report.stats;

import io.vixlab.contracts.training.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * The equal-weight combination of several forecasts: on each day all of them cover, the mean of
 * their predictions. Averaging forecasts with errors that are not perfectly correlated cancels
 * part of the errors, and equal weights are hard to beat with weights estimated from a short
 * sample (the "forecast combination puzzle": Stock and Watson 2004; Smith and Wallis 2009).
 */
public final class ForecastCombination {

    public static final String EQUAL_WEIGHT_NAME = "Equal-weight combination";
    /**
     * How far, in VIX points, the forecasts' actual closes of one day may lie apart: the trainers
     * send actuals that went through the scaler in single precision (about 1e-5 points off the
     * close), the baselines the closes themselves; anything larger means different targets.
     */
    static final double ACTUAL_TOLERANCE = 1e-3;

    private ForecastCombination() {
    }

    /**
     * @param forecasts at least two, with distinct names, forecasting the same closes
     * @return named {@value #EQUAL_WEIGHT_NAME}, on the days all forecasts cover, in date order;
     *     the actual and previous close of each day are the first forecast's
     * @throws IllegalArgumentException for fewer than two forecasts, a repeated name, a day
     *     predicted twice, or forecasts whose actual closes of a day differ
     */
    public static Forecast equalWeight(List<Forecast> forecasts) {
        if (forecasts.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two forecasts, got " + forecasts.size());
        }
        List<Forecast> aligned = CommonDays.of(forecasts);
        Forecast first = aligned.get(0);
        List<Prediction> combined = new ArrayList<>();
        for (int t = 0; t < first.predictions().size(); t++) {
            Prediction reference = first.predictions().get(t);
            double sum = 0;
            for (Forecast forecast : aligned) {
                Prediction prediction = forecast.predictions().get(t);
                if (Math.abs(prediction.actual() - reference.actual()) > ACTUAL_TOLERANCE) {
                    throw new IllegalArgumentException("forecasts " + first.name() + " and " + forecast.name()
                            + " disagree on the actual close of " + reference.date() + ": " + reference.actual()
                            + " and " + prediction.actual());
                }
                sum += prediction.predicted();
            }
            combined.add(new Prediction(
                    reference.date(), sum / aligned.size(), reference.actual(), reference.previousClose()));
        }
        return new Forecast(EQUAL_WEIGHT_NAME, combined);
    }
}
