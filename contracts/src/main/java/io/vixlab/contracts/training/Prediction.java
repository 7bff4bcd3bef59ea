package io.vixlab.contracts.training;

import java.time.LocalDate;

/** One test-day forecast in VIX points, with what happened and the close it was made from. */
public record Prediction(LocalDate date, double predicted, double actual, double previousClose) {
}
