package io.vixlab.features.dataset;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.WindowChunk;
import java.util.List;

/**
 * One built dataset: its manifest, its scaled windows, and those windows encoded as the chunks to
 * publish on {@code features.windows} before the manifest goes to {@code features.datasets}.
 */
public record DatasetVersion(DatasetManifest manifest, DatasetWindows windows, List<WindowChunk> chunks) {

    public DatasetVersion {
        chunks = List.copyOf(chunks);
    }

    public String id() {
        return manifest.datasetId();
    }
}
