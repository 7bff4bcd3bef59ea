package io.vixlab.contracts.report;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The closes a study's baselines are fitted on: the VIX closes of the dataset's training part (its
 * days before the split date, the days its training windows cover).
 *
 * @param days number of closes, first and last date included
 */
public record FittingSample(
        @NotNull LocalDate firstDate,
        @NotNull LocalDate lastDate,
        @Min(1) int days) {
}
