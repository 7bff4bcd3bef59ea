package io.vixlab.report.stats;

import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.training.Prediction;

/** The loss of one forecast day, the input of the comparisons of forecasts. */
final class ForecastLoss {

    private ForecastLoss() {
    }

    /** {@code L(e)} of the error {@code e = actual - predicted}: {@code e²} or {@code |e|}. */
    static double of(Prediction prediction, LossFunction loss) {
        double error = prediction.actual() - prediction.predicted();
        return switch (loss) {
            case SQUARED -> error * error;
            case ABSOLUTE -> Math.abs(error);
        };
    }
}
