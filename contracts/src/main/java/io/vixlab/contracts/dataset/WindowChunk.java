package io.vixlab.contracts.dataset;

import io.vixlab.contracts.Event;

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
public record WindowChunk(
        int schemaVersion,
        String datasetId,
        int chunkIndex,
        int chunkCount,
        int firstWindow,
        int windowCount,
        String encoding,
        String data) implements Event {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENCODING = "float32-le/gzip/base64";
}
