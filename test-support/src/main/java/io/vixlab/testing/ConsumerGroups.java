package io.vixlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a service's consumer group has got on the test broker. A service commits a record's offset once
 * its handler is done with it, so a group past a record shows the record handled: whatever the handler
 * published is on the broker, and a test may then read a topic to its end instead of for a while.
 */
public final class ConsumerGroups {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ConsumerGroups() {
    }

    /** Waits until {@code group} has committed past {@code offset} on {@code partition}. */
    public static void awaitPast(String group, TopicPartition partition, long offset) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(committed(group).getOrDefault(partition, -1L))
                .as(group + " goes on past " + partition + "@" + offset).isGreaterThan(offset));
    }

    /** Waits until {@code group} has committed past the record sent at {@code sent}. */
    public static void awaitPast(String group, RecordMetadata sent) {
        awaitPast(group, new TopicPartition(sent.topic(), sent.partition()), sent.offset());
    }

    private static Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, committed) -> {
                if (committed != null) {
                    offsets.put(partition, committed.offset());
                }
            });
            return offsets;
        }
    }
}
