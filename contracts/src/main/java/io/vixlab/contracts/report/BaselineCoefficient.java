package io.vixlab.contracts.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One fitted parameter of a baseline, named as in its definition: {@code c} (intercept), {@code phi}
 * (AR(1)), {@code beta_d}, {@code beta_w}, {@code beta_m} (HAR), {@code mean} (training mean).
 */
public record BaselineCoefficient(
        @NotNull @Size(min = 1) String name,
        double value) {
}
