package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One architecture's line of a study's comparison table (test metrics in VIX points).
 *
 * @param healthFlags signs that the final model's test forecast is degenerate, empty when it shows
 *                    none; absent when the final model has no test predictions to check
 */
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
        @Size(min = 1) String artifactUri,
        List<HealthFlag> healthFlags) {
}
