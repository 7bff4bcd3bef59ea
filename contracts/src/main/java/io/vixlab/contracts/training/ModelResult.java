package io.vixlab.contracts.training;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import io.vixlab.contracts.tuning.TrainingSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
@JsonClassDescription("A final model's evaluation on the untouched test part, on models.results, key = final id.")
public record ModelResult(
        int schemaVersion,
        @NotNull @EventId String studyId,
        @NotNull @EventId String finalId,
        @Min(1) int attempt,
        @NotNull @Size(min = 1) String architecture,
        @NotNull @Outcome TrialState state,
        @NotNull @EventId String datasetId,
        @NotNull Map<String, Object> params,
        @NotNull TrainingSettings training,
        Metrics metrics,
        Metrics scaledMetrics,
        List<Prediction> predictions,
        @PositiveOrZero Integer parameterCount,
        @PositiveOrZero Integer epochsTrained,
        @PositiveOrZero long trainingMillis,
        @Size(min = 1) String artifactUri,
        @Size(min = 1) String error,
        @NotNull Instant finishedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
