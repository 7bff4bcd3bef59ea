package io.vixlab.queue;

import io.vixlab.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a poison run on {@code vixlab.dead-letters} as it was delivered, with the headers the
 * services' dead-letter strategy writes elsewhere in vixlab: reason, topic, partition, offset.
 */
final class DeadLetters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaProducer<String, String> producer;
    private final String name;

    DeadLetters(Properties clientProps, String name) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, name + "-dead-letters");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.name = name;
    }

    /**
     * Sends until the broker has it, however long it is away; false when the trainer stopped first
     * (the run then goes back to the queue, and is found poison again by whoever takes it).
     */
    boolean send(RunQueue.Delivery delivery, String reason, BooleanSupplier stopping) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTERS, delivery.key(),
                delivery.value());
        header(dead, "dead-letter-reason", reason);
        header(dead, "dead-letter-topic", delivery.topic());
        header(dead, "dead-letter-partition", String.valueOf(delivery.partition()));
        header(dead, "dead-letter-offset", String.valueOf(delivery.offset()));
        while (!stopping.getAsBoolean()) {
            try {
                producer.send(dead).get();
                LOG.warn("{}: run {} from {} dead-lettered: {}", name, delivery.key(), delivery.topic(), reason);
                return true;
            } catch (ExecutionException e) {
                LOG.warn("{}: dead-lettering run {} failed, trying again: {}", name, delivery.key(),
                        e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void header(ProducerRecord<String, String> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
