package io.vixlab.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A single-partition topic of the test broker read by offset: the end offset before a request and the records
 * after it show exactly what the request published, and an unchanged end offset shows it published nothing.
 * The service awaits the broker's acknowledgements before it answers, so the offsets are final by then.
 */
public final class TopicLog {

    // One consumer for the test JVM: creating one per call costs more than the reads themselves.
    private static KafkaConsumer<String, String> consumer;

    private TopicLog() {
    }

    /** The offset the next record of the topic will get. */
    public static synchronized long end(String topic) {
        TopicPartition partition = onlyPartition(topic);
        return consumer().endOffsets(List.of(partition)).get(partition);
    }

    /** Every record from {@code offset} to the current end. */
    public static synchronized List<ConsumerRecord<String, String>> since(String topic, long offset) {
        TopicPartition partition = onlyPartition(topic);
        long end = end(topic);
        KafkaConsumer<String, String> reader = consumer();
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reader.position(partition) < end && System.nanoTime() < deadline) {
            reader.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        reader.unsubscribe();
        return records;
    }

    private static TopicPartition onlyPartition(String topic) {
        int partitions = consumer().partitionsFor(topic).size();
        if (partitions != 1) {
            throw new IllegalStateException(topic + " has " + partitions + " partitions; TopicLog reads one");
        }
        return new TopicPartition(topic, 0);
    }

    private static KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Properties properties = new Properties();
            properties.putAll(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"));
            consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        }
        return consumer;
    }
}
