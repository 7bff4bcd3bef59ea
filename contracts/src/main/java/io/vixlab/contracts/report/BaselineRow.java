package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A naive forecast evaluated on the same test targets as the architectures. */
public record BaselineRow(
        @NotNull @Size(min = 1) String name,
        @NotNull @Size(min = 1) String definition,
        @NotNull Metrics metrics) {
}
