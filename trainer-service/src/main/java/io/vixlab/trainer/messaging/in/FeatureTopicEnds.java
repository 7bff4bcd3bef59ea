package io.vixlab.trainer.messaging.in;

import io.vixlab.contracts.Topics;
import io.vixlab.trainer.service.PublishedOffsets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The features topics' present ends, asked of the broker by a consumer that reads nothing. */
@ApplicationScoped
public class FeatureTopicEnds implements PublishedOffsets {

    private static final List<String> TOPICS = List.of(Topics.FEATURE_DATASETS, Topics.FEATURE_WINDOWS);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> offsets;

    public FeatureTopicEnds(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trainer-feature-ends");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.offsets = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** A partition whose records are all gone (or that never had any) needs no reading. */
    @Override
    public synchronized Optional<Map<TopicPartition, Long>> ends() {
        try {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> offsets.partitionsFor(topic, ASK_TIMEOUT)
                    .stream().map(p -> new TopicPartition(topic, p.partition()))).toList();
            Map<TopicPartition, Long> beginnings = offsets.beginningOffsets(partitions, ASK_TIMEOUT);
            Map<TopicPartition, Long> withRecords = new HashMap<>();
            offsets.endOffsets(partitions, ASK_TIMEOUT).forEach((partition, end) -> {
                if (end > beginnings.get(partition)) {
                    withRecords.put(partition, end);
                }
            });
            return Optional.of(withRecords);
        } catch (TimeoutException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    synchronized void close() {
        offsets.close();
    }
}
