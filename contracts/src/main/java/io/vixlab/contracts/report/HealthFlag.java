package io.vixlab.contracts.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sign that a forecast is degenerate (stuck at a floor, flat for weeks, far too narrow), which
 * its error metrics alone can hide.
 *
 * @param reason    the finding in a sentence, with its figures
 * @param observed  the figure compared with the threshold: days of a flat stretch, the share of days
 *                  at a floor or ceiling, or the ratio of the predictions' to the actuals' standard deviation
 * @param threshold the documented constant it was compared with
 */
public record HealthFlag(
        @NotNull Kind kind,
        @NotNull @Size(min = 1) String reason,
        double observed,
        double threshold) {

    public enum Kind { NEAR_CONSTANT, FLOOR, CEILING, NARROW_SPREAD }
}
