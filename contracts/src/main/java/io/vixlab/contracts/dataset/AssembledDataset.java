package io.vixlab.contracts.dataset;

/**
 * A dataset read back from {@code features.windows} and {@code features.datasets}, checksum verified.
 * Windows {@code [0, trainCount)} are the training part, the rest the test part.
 */
public record AssembledDataset(DatasetManifest manifest, DatasetWindows windows) {

    public int trainCount() {
        return manifest.trainCount();
    }
}
