package io.vixlab.contracts.report;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/**
 * Every forecast of the report, day by day, in columns: one entry per test day in {@code days},
 * {@code actual} and {@code previousClose}, and per series one predicted close per day. Columns keep
 * a full study (five architectures, the combination and four baselines over about a thousand days)
 * at a fifth of Kafka's default message size.
 *
 * @param days          every test day any series forecasts, in date order
 * @param actual        the VIX close of each day (VIX points)
 * @param previousClose the close before each day, which each forecast was made from
 */
public record ForecastTable(
        @NotNull List<@NotNull LocalDate> days,
        @NotNull List<@NotNull Double> actual,
        @NotNull List<@NotNull Double> previousClose,
        @NotNull List<ForecastSeries> series) {
}
