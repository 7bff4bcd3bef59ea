package io.vixlab.contracts.dataset;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.stream.IntStream;

/**
 * Collects one dataset's chunks and manifest as they arrive from Kafka (at-least-once, any order:
 * the manifest may come before or after its chunks, a chunk may come twice) and decodes them once
 * all are there. Messages of other datasets are ignored, so a consumer may offer it everything it
 * reads from the two topics. Not thread-safe: feed it from one consumer thread.
 */
public final class DatasetAssembler {

    private final String datasetId;
    private final Map<Integer, WindowChunk> chunks = new TreeMap<>();
    private DatasetManifest manifest;

    public DatasetAssembler(String datasetId) {
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
    }

    public String datasetId() {
        return datasetId;
    }

    /** Takes a chunk; returns false for another dataset's chunk. A repeated chunk index keeps the first copy. */
    public boolean accept(WindowChunk chunk) {
        if (!datasetId.equals(chunk.datasetId())) {
            return false;
        }
        chunks.putIfAbsent(chunk.chunkIndex(), chunk);
        return true;
    }

    /** Takes the manifest; returns false for another dataset's manifest. */
    public boolean accept(DatasetManifest candidate) {
        if (!datasetId.equals(candidate.datasetId())) {
            return false;
        }
        manifest = candidate;
        return true;
    }

    /** Whether the manifest and every chunk it announces have arrived. */
    public boolean isComplete() {
        return manifest != null && missingChunks().isEmpty();
    }

    /** Chunk indexes the manifest announces that have not arrived (empty until the manifest is known). */
    public SortedSet<Integer> missingChunks() {
        SortedSet<Integer> missing = new TreeSet<>();
        if (manifest != null) {
            IntStream.range(0, manifest.chunkCount()).filter(i -> !chunks.containsKey(i)).forEach(missing::add);
        }
        return missing;
    }

    /**
     * Decodes the complete dataset and verifies it against the manifest.
     *
     * @throws IllegalStateException     when the manifest or a chunk has not arrived yet
     * @throws DatasetIntegrityException when the chunks are inconsistent with the manifest or the
     *                                   content does not match its checksum
     */
    public AssembledDataset assemble() {
        if (!isComplete()) {
            throw new IllegalStateException("dataset " + datasetId + " is incomplete: "
                    + (manifest == null ? "no manifest yet" : "missing chunks " + missingChunks()));
        }
        int n = manifest.windowCount();
        int sequenceLength = manifest.sequenceLength();
        int featureCount = manifest.featureNames().size();
        if (n < 1 || sequenceLength < 1 || featureCount < 1) {
            throw new DatasetIntegrityException(datasetId, "manifest announces " + n + " windows of "
                    + sequenceLength + " x " + featureCount);
        }
        float[][][] features = new float[n][][];
        float[] targets = new float[n];
        float[] previousCloses = new float[n];
        LocalDate[] targetDates = new LocalDate[n];
        int covered = 0;
        for (WindowChunk chunk : chunks.values()) {
            if (chunk.chunkIndex() >= manifest.chunkCount() || chunk.chunkCount() != manifest.chunkCount()) {
                throw new DatasetIntegrityException(datasetId, "chunk " + chunk.chunkIndex() + " of " + chunk.chunkCount()
                        + " does not belong to a manifest of " + manifest.chunkCount() + " chunks");
            }
            WindowCodec.decodeInto(chunk, sequenceLength, featureCount, features, targets, previousCloses, targetDates);
            covered += chunk.windowCount();
        }
        int firstMissing = IntStream.range(0, n).filter(w -> targetDates[w] == null).findFirst().orElse(-1);
        if (covered != n || firstMissing >= 0) {
            throw new DatasetIntegrityException(datasetId, "chunks hold " + covered + " windows, manifest announces " + n
                    + (firstMissing >= 0 ? "; no chunk holds window " + firstMissing : ""));
        }
        DatasetWindows windows = new DatasetWindows(features, targets, previousCloses, targetDates);
        String checksum = WindowCodec.checksum(windows);
        if (!checksum.equals(manifest.checksum())) {
            throw new DatasetIntegrityException(datasetId, "checksum mismatch: manifest says " + manifest.checksum()
                    + ", content hashes to " + checksum);
        }
        return new AssembledDataset(manifest, windows);
    }
}
