package io.vixlab.contracts.dataset;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published dataset version on {@code features.datasets}, key = {@link #datasetId()}. Its windows
 * precede it on {@code features.windows}; a reader has all of them once it has seen
 * {@link #chunkCount()} chunks whose content hashes to {@link #checksum()}.
 *
 * @param datasetId      hash of the dataset's configuration and content
 * @param windowCount    trainCount + testCount
 * @param splitDate      target date of the first test window
 * @param firstDate      first day inside any window
 * @param lastDate       target date of the last window
 * @param checksum       SHA-256 of the decoded windows, targets, previous closes and dates
 *                       (float32/int32 little-endian records) in window order
 */
public record DatasetManifest(
        int schemaVersion,
        String datasetId,
        List<String> featureNames,
        int sequenceLength,
        int horizon,
        int windowCount,
        int trainCount,
        int testCount,
        LocalDate splitDate,
        LocalDate firstDate,
        LocalDate lastDate,
        ScalerParams scaler,
        String checksum,
        int chunkCount,
        Instant createdAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
