package io.vixlab.report.persistence;

import io.vixlab.contracts.dataset.DatasetManifest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dataset manifest from {@code features.datasets}; its id is a content hash, so it never changes. */
@Entity
@Table(name = "dataset_record")
public class DatasetEntity extends EventEntity {

    @Id
    @Column(name = "dataset_id", length = 200)
    public String datasetId;

    public static DatasetEntity of(DatasetManifest manifest) {
        DatasetEntity record = new DatasetEntity();
        record.datasetId = manifest.datasetId();
        record.store(manifest);
        return record;
    }
}
