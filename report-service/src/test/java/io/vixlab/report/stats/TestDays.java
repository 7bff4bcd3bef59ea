package io.vixlab.report.stats;

import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;

/** Test days counted from one date, so that tests can name days by number. */
final class TestDays {

    static final LocalDate FIRST = LocalDate.of(2024, 1, 2);

    private TestDays() {
    }

    /** The prediction of day {@code number} (0 is {@link #FIRST}). */
    static Prediction day(int number, double predicted, double actual, double previousClose) {
        return new Prediction(FIRST.plusDays(number), predicted, actual, previousClose);
    }
}
