package io.vixlab.trainer.messaging.in;

import io.smallrye.common.annotation.Blocking;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.trainer.service.DatasetCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Window chunks and manifests from {@code features.windows} and {@code features.datasets}, read by
 * every pod from the beginning into its {@link DatasetCache}, which also learns how far each
 * partition is read (a malformed record counts as read: it is dead-lettered). Blocking: a chunk is
 * up to 1 MB of JSON to validate.
 */
@ApplicationScoped
public class DatasetsConsumer {

    private final DatasetCache datasets;

    public DatasetsConsumer(DatasetCache datasets) {
        this.datasets = datasets;
    }

    @Incoming("feature-windows")
    @Blocking
    public void window(ConsumerRecord<String, String> record) {
        try {
            datasets.accept(EventSchemas.parse(record.value(), WindowChunk.class));
        } finally {
            read(record);
        }
    }

    @Incoming("feature-datasets")
    @Blocking
    public void manifest(ConsumerRecord<String, String> record) {
        try {
            datasets.accept(EventSchemas.parse(record.value(), DatasetManifest.class));
        } finally {
            read(record);
        }
    }

    private void read(ConsumerRecord<String, String> record) {
        datasets.read(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }
}
