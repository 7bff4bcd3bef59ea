package io.vixlab.features.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.dataset.DatasetManifest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A dataset version this service built. Its id is a content hash, so a record never changes except
 * for {@link #published}, set once its chunks and manifest are on the broker.
 */
@Entity
@Table(name = "dataset_record")
public class DatasetEntity extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_id", length = 64)
    public String datasetId;

    /** The manifest as it travels on {@code features.datasets}. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "manifest_json", nullable = false)
    public String manifestJson;

    @Column(nullable = false)
    public Instant createdAt;

    public boolean published;

    static DatasetEntity of(DatasetManifest manifest) {
        DatasetEntity record = new DatasetEntity();
        record.datasetId = manifest.datasetId();
        record.manifestJson = EventJson.write(manifest);
        record.createdAt = manifest.createdAt();
        return record;
    }

    public DatasetManifest manifest() {
        return EventJson.read(manifestJson, DatasetManifest.class);
    }
}
