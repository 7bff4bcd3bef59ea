package io.vixlab.features.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.dataset.WindowChunk;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One encoded chunk of a dataset's windows, as published on {@code features.windows}: kept so the
 * windows can be served and republished without rebuilding from bars that may have changed since.
 */
@Entity
@Table(name = "dataset_chunk", uniqueConstraints = @UniqueConstraint(name = "dataset_chunk_index",
        columnNames = {"dataset_id", "chunk_index"}))
public class DatasetChunkEntity extends PanacheEntity {

    @Column(name = "dataset_id", nullable = false, length = 64)
    public String datasetId;

    @Column(name = "chunk_index", nullable = false)
    public int chunkIndex;

    /** Up to {@link io.vixlab.contracts.dataset.WindowCodec#MAX_MESSAGE_BYTES} of JSON. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "chunk_json", nullable = false)
    public String chunkJson;

    static DatasetChunkEntity of(WindowChunk chunk) {
        DatasetChunkEntity record = new DatasetChunkEntity();
        record.datasetId = chunk.datasetId();
        record.chunkIndex = chunk.chunkIndex();
        record.chunkJson = EventJson.write(chunk);
        return record;
    }

    public WindowChunk chunk() {
        return EventJson.read(chunkJson, WindowChunk.class);
    }
}
