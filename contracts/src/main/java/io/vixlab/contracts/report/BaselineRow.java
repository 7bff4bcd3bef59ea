package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A naive forecast evaluated on the same test targets as the architectures.
 *
 * @param coefficients what was fitted on the report's {@code baselineFittingSample}, in the order
 *                     of the definition; empty for a baseline with nothing to fit (the random walk)
 */
public record BaselineRow(
        @NotNull @Size(min = 1) String name,
        @NotNull @Size(min = 1) String definition,
        @NotNull Metrics metrics,
        @NotNull List<BaselineCoefficient> coefficients) {
}
