package io.vixlab.contracts.training;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.tuning.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A final model's evaluation on the untouched test part, on {@code models.results}, key = final id.
 *
 * @param metrics       in VIX points
 * @param scaledMetrics in the dataset's scaled units (comparable with tuning scores)
 * @param artifactUri   where the SavedModel lies
 */
public record ModelResult(
        int schemaVersion,
        String studyId,
        String finalId,
        int attempt,
        String architecture,
        TrialState state,
        String datasetId,
        Map<String, Object> params,
        TrainingSettings training,
        Metrics metrics,
        Metrics scaledMetrics,
        List<Prediction> predictions,
        Integer parameterCount,
        Integer epochsTrained,
        long trainingMillis,
        String artifactUri,
        String error,
        Instant finishedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
