package io.vixlab.contracts.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One forecast's predicted closes, named as in the report's rows, combination and baselines.
 *
 * @param days      the days predicted when they are not all of the table's {@code days}; absent
 *                  when the series covers every day, which is the rule
 * @param predicted one close per day of {@code days} (the series', else the table's), VIX points
 */
public record ForecastSeries(
        @NotNull @Size(min = 1) String name,
        @NotNull ConfidenceSetMember.Kind kind,
        List<@NotNull LocalDate> days,
        @NotNull List<@NotNull Double> predicted) {
}
