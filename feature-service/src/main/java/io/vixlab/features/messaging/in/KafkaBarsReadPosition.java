package io.vixlab.features.messaging.in;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vixlab.features.service.BarsReadPosition;
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

/** {@link BarsReadPosition} from this service's consumer of {@code market.bars}, which reports each record handled. */
@ApplicationScoped
public class KafkaBarsReadPosition implements BarsReadPosition {

    static final String CHANNEL = "market-bars";
    private static final Logger LOG = Logger.getLogger(KafkaBarsReadPosition.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClientService clients;
    /** Per partition, the offset after the last record handled since start. */
    private final Map<TopicPartition, Long> handled = new ConcurrentHashMap<>();

    public KafkaBarsReadPosition(KafkaClientService clients) {
        this.clients = clients;
    }

    /** Records that the record at {@code offset} is handled, whatever its outcome. */
    void handled(String topic, int partition, long offset) {
        handled.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    @Override
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

    @Override
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
