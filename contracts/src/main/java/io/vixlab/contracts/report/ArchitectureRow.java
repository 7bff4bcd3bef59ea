package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** One architecture's line of a study's comparison table (test metrics in VIX points). */
public record ArchitectureRow(
        @NotNull @Size(min = 1) String architecture,
        @NotNull Metrics metrics,
        @PositiveOrZero Integer parameterCount,
        Map<String, Object> bestParams,
        Double bestValue,
        @PositiveOrZero int trialsComplete,
        @PositiveOrZero int trialsPruned,
        @PositiveOrZero int trialsFailed,
        @PositiveOrZero long trainingMillis,
        @Size(min = 1) String artifactUri) {
}
