package io.vixlab.contracts.training;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** One test-day forecast in VIX points, with what happened and the close it was made from. */
public record Prediction(
        @NotNull LocalDate date,
        double predicted,
        double actual,
        double previousClose) {
}
