package io.vixlab.contracts.dataset;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A run of consecutive windows of one dataset on {@code features.windows}, key = dataset id.
 *
 * @param firstWindow index of this chunk's first window in the dataset
 * @param encoding    how {@link #data()} is encoded; {@code float32-le/gzip/base64} packs, per
 *                    window, its {@code sequenceLength x featureCount} scaled features (row-major),
 *                    then its scaled target, then the VIX close of the window's last day (scaled with
 *                    the target scaler: the "previous close" that directional accuracy and the
 *                    random walk need), then its target date as epoch day (int32); see
 *                    {@link WindowCodec}
 * @param data        the encoded windows
 */
@JsonClassDescription("Consecutive windows of one dataset on features.windows, key = dataset id.")
public record WindowChunk(
        int schemaVersion,
        @NotNull @EventId String datasetId,
        @PositiveOrZero int chunkIndex,
        @Min(1) int chunkCount,
        @PositiveOrZero int firstWindow,
        @Min(1) int windowCount,
        @NotNull String encoding,
        @NotNull String data) implements Event {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENCODING = "float32-le/gzip/base64";
}
