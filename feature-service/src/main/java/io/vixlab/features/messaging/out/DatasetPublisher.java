package io.vixlab.features.messaging.out;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes a dataset version: every chunk on {@code features.windows}, then, once the broker has
 * acknowledged all of them, the manifest on {@code features.datasets}, both keyed by dataset id. A
 * reader that sees the manifest can therefore find every chunk before it.
 */
@ApplicationScoped
public class DatasetPublisher {

    private final Emitter<WindowChunk> windows;
    private final Emitter<DatasetManifest> datasets;

    public DatasetPublisher(@Channel("feature-windows") Emitter<WindowChunk> windows,
            @Channel("feature-datasets") Emitter<DatasetManifest> datasets) {
        this.windows = windows;
        this.datasets = datasets;
    }

    /**
     * Returns once the manifest is acknowledged; throws when the broker refuses a message (the
     * producer's delivery timeout bounds the wait).
     */
    public void publish(DatasetManifest manifest, List<WindowChunk> chunks) {
        CompletableFuture.allOf(chunks.stream()
                        .map(chunk -> KafkaEvents.send(windows, manifest.datasetId(), chunk).toCompletableFuture())
                        .toArray(CompletableFuture[]::new))
                .join();
        KafkaEvents.send(datasets, manifest.datasetId(), manifest).toCompletableFuture().join();
    }
}
