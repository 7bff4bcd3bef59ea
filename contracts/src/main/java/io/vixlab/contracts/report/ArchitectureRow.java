package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;
import java.util.Map;

/** One architecture's line of a study's comparison table (test metrics in VIX points). */
public record ArchitectureRow(
        String architecture,
        Metrics metrics,
        Integer parameterCount,
        Map<String, Object> bestParams,
        Double bestValue,
        int trialsComplete,
        int trialsPruned,
        int trialsFailed,
        long trainingMillis,
        String artifactUri) {
}
