package io.vixlab.features.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetAssembler;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.dataset.DatasetBuilder;
import io.vixlab.features.dataset.DatasetVersion;
import io.vixlab.features.market.MarketHistory;
import io.vixlab.features.market.Symbol;
import io.vixlab.features.messaging.out.DatasetPublisher;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.features.persistence.DatasetStore;
import io.vixlab.features.persistence.DatasetStore.StoredDataset;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds the dataset of the stored bars and publishes it unless a dataset with its id (a hash of
 * configuration and content) is already published. Rebuilds run one at a time.
 */
@ApplicationScoped
public class DatasetService {

    private static final Logger LOG = Logger.getLogger(DatasetService.class);
    /** Counts rebuilds by outcome: {@code published}, {@code unchanged} (id already published), {@code failed}. */
    public static final String REBUILDS_METRIC = "vixlab.features.rebuilds";
    /** The symbols a dataset is built from. */
    public static final List<String> SYMBOLS = Arrays.stream(Symbol.values()).map(Symbol::name).toList();

    private final BarStore bars;
    private final DatasetStore datasets;
    private final DatasetPublisher publisher;
    private final DatasetBuilder builder;
    private final MeterRegistry registry;

    public DatasetService(BarStore bars, DatasetStore datasets, DatasetPublisher publisher, FeatureConfig config,
            MeterRegistry registry) {
        this.bars = bars;
        this.datasets = datasets;
        this.publisher = publisher;
        this.builder = new DatasetBuilder(config.dataset());
        this.registry = registry;
    }

    /** A rebuild's dataset, and whether this rebuild published it. */
    public record Rebuild(DatasetManifest manifest, boolean published) {
    }

    /**
     * @throws IllegalArgumentException when the stored bars do not make a dataset (a symbol missing,
     *                                  too few common days for a training and a test part)
     */
    public synchronized Rebuild rebuild() {
        try {
            Rebuild rebuild = buildAndPublish();
            count(rebuild.published() ? "published" : "unchanged");
            return rebuild;
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    private Rebuild buildAndPublish() {
        long start = System.nanoTime();
        DatasetVersion version = builder.build(MarketHistory.of(bars.ofSymbols(SYMBOLS)), Instant.now());
        long built = System.nanoTime();
        Optional<StoredDataset> stored = datasets.find(version.id());
        if (stored.isPresent() && stored.get().published()) {
            LOG.infof("dataset %s is already published; built in %d ms", version.id(), millis(start, built));
            return new Rebuild(stored.get().manifest(), false);
        }
        if (stored.isEmpty()) {
            datasets.save(version);
        }
        // A version stored by an earlier, interrupted publication keeps its manifest (and creation time).
        DatasetManifest manifest = stored.map(StoredDataset::manifest).orElse(version.manifest());
        publisher.publish(manifest, version.chunks());
        datasets.markPublished(version.id());
        LOG.infof("published dataset %s: %d windows x %d days x %d features in %d chunks; built in %d ms, published in %d ms",
                manifest.datasetId(), manifest.windowCount(), manifest.sequenceLength(), manifest.featureNames().size(),
                manifest.chunkCount(), millis(start, built), millis(built, System.nanoTime()));
        return new Rebuild(manifest, true);
    }

    /** Published manifests, newest first. */
    public List<DatasetManifest> published() {
        return datasets.published();
    }

    public Optional<DatasetManifest> findPublished(String datasetId) {
        return datasets.find(datasetId).filter(StoredDataset::published).map(StoredDataset::manifest);
    }

    /** The most recently created published dataset. */
    public Optional<DatasetManifest> latest() {
        return published().stream().findFirst();
    }

    /** A published dataset's windows, decoded from the stored chunks and checked against the manifest's checksum. */
    public Optional<AssembledDataset> windows(String datasetId) {
        return findPublished(datasetId).map(manifest -> {
            DatasetAssembler assembler = new DatasetAssembler(datasetId);
            assembler.accept(manifest);
            datasets.chunks(datasetId).forEach(assembler::accept);
            return assembler.assemble();
        });
    }

    private void count(String outcome) {
        registry.counter(REBUILDS_METRIC, "outcome", outcome).increment();
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
