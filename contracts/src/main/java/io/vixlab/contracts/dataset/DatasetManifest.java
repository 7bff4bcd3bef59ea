package io.vixlab.contracts.dataset;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import io.vixlab.contracts.Sha256Hex;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
@JsonClassDescription("A dataset version on features.datasets, key = dataset id, published after its chunks on"
        + " features.windows.")
public record DatasetManifest(
        int schemaVersion,
        @NotNull @EventId String datasetId,
        @NotNull @Size(min = 1) List<@Size(min = 1) String> featureNames,
        @Min(1) int sequenceLength,
        @Min(1) int horizon,
        @PositiveOrZero int windowCount,
        @PositiveOrZero int trainCount,
        @PositiveOrZero int testCount,
        @NotNull LocalDate splitDate,
        @NotNull LocalDate firstDate,
        @NotNull LocalDate lastDate,
        @NotNull ScalerParams scaler,
        @NotNull @Sha256Hex String checksum,
        @Min(1) int chunkCount,
        @NotNull Instant createdAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
