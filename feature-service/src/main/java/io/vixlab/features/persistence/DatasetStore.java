package io.vixlab.features.persistence;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.features.dataset.DatasetVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The dataset versions this service built: manifests, encoded windows, and whether they are published. */
@ApplicationScoped
public class DatasetStore {

    /** Stores a new version, unpublished. */
    @Transactional
    public void save(DatasetVersion version) {
        DatasetEntity.of(version.manifest()).persist();
        version.chunks().forEach(chunk -> DatasetChunkEntity.of(chunk).persist());
    }

    @Transactional
    public Optional<StoredDataset> find(String datasetId) {
        return DatasetEntity.<DatasetEntity>findByIdOptional(datasetId)
                .map(record -> new StoredDataset(record.manifest(), record.published));
    }

    @Transactional
    public void markPublished(String datasetId) {
        DatasetEntity.<DatasetEntity>findByIdOptional(datasetId).orElseThrow().published = true;
    }

    /** Published manifests, newest first. */
    @Transactional
    public List<DatasetManifest> published() {
        return DatasetEntity.<DatasetEntity>list("published = true order by createdAt desc, datasetId").stream()
                .map(DatasetEntity::manifest)
                .toList();
    }

    /** A dataset's chunks in index order. */
    @Transactional
    public List<WindowChunk> chunks(String datasetId) {
        return DatasetChunkEntity.<DatasetChunkEntity>list("datasetId = ?1 order by chunkIndex", datasetId).stream()
                .map(DatasetChunkEntity::chunk)
                .toList();
    }

    /** A stored version's manifest and whether its chunks and manifest are on the broker. */
    public record StoredDataset(DatasetManifest manifest, boolean published) {
    }
}
