package io.vixlab.trainer.service;

import io.vixlab.contracts.dataset.DatasetAssembler;
import io.vixlab.contracts.dataset.DatasetIntegrityException;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * The datasets this pod has read from {@code features.windows} and {@code features.datasets}. Every
 * pod reads both topics from the beginning (its own consumer group), so it knows each dataset in
 * the topics' retention; chunks stay compressed until a run needs their dataset, and only the last
 * few decoded datasets are kept (a study trains on one dataset). Thread-safe: the two consumers
 * feed it while a run waits on it. A run naming a dataset nobody published is refused as soon as
 * the cache has read the topics up to where they ended when the run arrived.
 */
@ApplicationScoped
public class DatasetCache {

    /** Decoded datasets kept: a study's dataset and the one that may replace it. */
    private static final int DECODED = 2;

    private final PublishedOffsets published;
    private final Map<String, DatasetAssembler> assemblers = new HashMap<>();
    /** Per partition of the features topics, the offset after the last record taken in. */
    private final Map<TopicPartition, Long> read = new HashMap<>();
    private final Map<String, TrainingData> decoded = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TrainingData> eldest) {
            return size() > DECODED;
        }
    };

    public DatasetCache(PublishedOffsets published) {
        this.published = published;
    }

    public synchronized void accept(WindowChunk chunk) {
        assembler(chunk.datasetId()).accept(chunk);
        notifyAll();
    }

    public synchronized void accept(DatasetManifest manifest) {
        assembler(manifest.datasetId()).accept(manifest);
        notifyAll();
    }

    /** Records that the features topics' records before {@code nextOffset} of the partition were taken in. */
    public synchronized void read(TopicPartition partition, long nextOffset) {
        read.merge(partition, nextOffset, Math::max);
        notifyAll();
    }

    /** Ids of the datasets whose manifest and windows have all arrived, sorted. */
    public synchronized List<String> completeDatasets() {
        return assemblers.values().stream().filter(DatasetAssembler::isComplete).map(DatasetAssembler::datasetId)
                .sorted().toList();
    }

    /**
     * The dataset, waiting up to {@code timeout} for its manifest and windows to arrive. A dataset of
     * which nothing arrived once the topics are read up to their present ends is not waited for:
     * nobody published it.
     *
     * @throws RejectedRunException when it is unknown, still incomplete after the wait, or its
     *                              windows do not match its manifest
     */
    public TrainingData await(String datasetId, Duration timeout) {
        // Only a dataset not seen yet needs the broker's word (every later run of a study finds it here);
        // asked outside the lock, so that the consumers go on feeding the cache meanwhile.
        Optional<Map<TopicPartition, Long>> ends = seen(datasetId) ? Optional.empty() : published.ends();
        return await(datasetId, ends, timeout);
    }

    private synchronized boolean seen(String datasetId) {
        return decoded.containsKey(datasetId) || assemblers.containsKey(datasetId);
    }

    private synchronized TrainingData await(String datasetId, Optional<Map<TopicPartition, Long>> ends,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TrainingData data = decoded.get(datasetId);
            if (data != null) {
                return data;
            }
            DatasetAssembler assembler = assemblers.get(datasetId);
            if (assembler != null && assembler.isComplete()) {
                return decode(assembler);
            }
            if (assembler == null && ends.isPresent() && readUpTo(ends.get())) {
                throw new RejectedRunException("unknown dataset " + datasetId
                        + ": nothing of it is published on the features topics");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RejectedRunException(assembler == null
                        ? "unknown dataset " + datasetId + ": no manifest or windows of it arrived within " + timeout
                        : "dataset " + datasetId + " is incomplete after " + timeout + ": "
                                + (assembler.missingChunks().isEmpty() ? "no manifest" : "missing chunks " + assembler.missingChunks()));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for dataset " + datasetId, e);
            }
        }
    }

    private boolean readUpTo(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> read.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private TrainingData decode(DatasetAssembler assembler) {
        try {
            TrainingData data = TrainingData.of(assembler.assemble());
            decoded.put(assembler.datasetId(), data);
            return data;
        } catch (DatasetIntegrityException e) {
            throw new RejectedRunException(e.getMessage());
        }
    }

    private DatasetAssembler assembler(String datasetId) {
        return assemblers.computeIfAbsent(datasetId, DatasetAssembler::new);
    }
}
