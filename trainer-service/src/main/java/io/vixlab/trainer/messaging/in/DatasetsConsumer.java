package io.vixlab.trainer.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.trainer.service.DatasetCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Window chunks and manifests from {@code features.windows} and {@code features.datasets}, read by
 * every pod from the beginning into its {@link DatasetCache}. Blocking: a chunk is up to 1 MB of
 * JSON to validate.
 */
@ApplicationScoped
public class DatasetsConsumer {

    private final DatasetCache datasets;

    public DatasetsConsumer(DatasetCache datasets) {
        this.datasets = datasets;
    }

    @Incoming("feature-windows")
    @Blocking
    public void window(String json) {
        datasets.accept(EventSchemas.parse(json, WindowChunk.class));
    }

    @Incoming("feature-datasets")
    @Blocking
    public void manifest(String json) {
        datasets.accept(EventSchemas.parse(json, DatasetManifest.class));
    }
}
