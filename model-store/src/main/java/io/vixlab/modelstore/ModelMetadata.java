package io.vixlab.modelstore;

import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.tuning.TrainingSettings;
import java.time.Instant;
import java.util.Map;

/**
 * What a stored model is, written beside its SavedModel files as {@value ModelStore#METADATA_FILE}
 * (JSON as vixlab's events are written: ISO-8601 instants, no nulls), so that a downloaded model
 * carries where it came from and how well it forecast.
 *
 * @param hyperparameters   the architecture's parameters (the best trial's)
 * @param training          how the final model was trained
 * @param testMetrics       test metrics in VIX points
 * @param scaledTestMetrics the same in scaled units
 * @param createdAt         when the trainer stored it
 */
public record ModelMetadata(
        String studyId,
        String architecture,
        String finalId,
        int attempt,
        String datasetId,
        Map<String, Object> hyperparameters,
        TrainingSettings training,
        int parameterCount,
        int epochsTrained,
        Metrics testMetrics,
        Metrics scaledTestMetrics,
        Instant createdAt) {
}
