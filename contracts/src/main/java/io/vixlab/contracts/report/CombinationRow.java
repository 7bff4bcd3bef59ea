package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A combination of the final models' forecasts, judged like a model: its test metrics, its health
 * and, in the report's tests and model confidence sets, under its {@link #name()}.
 *
 * @param architectures the final models combined
 * @param healthFlags   empty when the combined forecast shows no sign of degeneration
 */
public record CombinationRow(
        @NotNull @Size(min = 1) String name,
        @NotNull @Size(min = 1) String definition,
        @NotNull @Size(min = 2) List<@Size(min = 1) String> architectures,
        @NotNull Metrics metrics,
        @NotNull List<HealthFlag> healthFlags) {
}
