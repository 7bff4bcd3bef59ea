package io.vixlab.features.messaging.in;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How far this service has read {@code market.bars}. data-ingest has every bar of a run acknowledged before it
 * sends the run's update, so once the records before the topic's end offsets at the update's arrival are all
 * handled (stored, deleted or dead-lettered), no bar of that update is still to come: a copy that then still
 * differs from the update's checksum will never match it, and waiting longer is pointless.
 */
@ApplicationScoped
public class BarsReadPosition {

    static final String CHANNEL = "market-bars";
    private static final Logger LOG = Logger.getLogger(BarsReadPosition.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClientService clients;
    /** Per partition, the offset after the last record handled since start. */
    private final Map<TopicPartition, Long> handled = new ConcurrentHashMap<>();

    public BarsReadPosition(KafkaClientService clients) {
        this.clients = clients;
    }

    /** Records that the record at {@code offset} is handled, whatever its outcome. */
    void handled(String topic, int partition, long offset) {
        handled.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    /** The end offsets of the partitions this service reads now; empty when they cannot be told (none assigned yet). */
    public Optional<Map<TopicPartition, Long>> endOffsetsNow() {
        try {
            Map<TopicPartition, Long> ends = clients.<String, String>getConsumer(CHANNEL)
                    .runOnPollingThread((Function<Consumer<String, String>, Map<TopicPartition, Long>>)
                            consumer -> consumer.endOffsets(consumer.assignment()))
                    .await().atMost(KAFKA_TIMEOUT);
            return ends.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(ends));
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the end offsets of market.bars: %s", e.toString());
            return Optional.empty();
        }
    }

    /** Whether every record before {@code ends} is handled, by this run of the service or (committed) an earlier one. */
    public boolean reached(Map<TopicPartition, Long> ends) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = clients.<String, String>getConsumer(CHANNEL)
                    .runOnPollingThread((Function<Consumer<String, String>, Map<TopicPartition, OffsetAndMetadata>>)
                            consumer -> consumer.committed(ends.keySet()))
                    .await().atMost(KAFKA_TIMEOUT);
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                long position = Math.max(handled.getOrDefault(end.getKey(), 0L), done == null ? 0 : done.offset());
                return position >= end.getValue();
            });
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the committed offsets of market.bars: %s", e.toString());
            return false;
        }
    }
}
