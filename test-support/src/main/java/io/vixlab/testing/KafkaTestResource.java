package io.vixlab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vixlab.contracts.Topics;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for {@code @QuarkusTest}s, with vixlab's topics created: Testcontainers'
 * Kafka where a Docker engine answers, the project's local KRaft broker otherwise. One broker serves
 * every test class of a test JVM; tests isolate themselves by their own consumer groups and keys.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static String bootstrapServers;

    @Override
    public synchronized Map<String, String> start() {
        if (bootstrapServers == null) {
            bootstrapServers = DockerProbe.dockerAvailable() ? startContainer() : startLocalBroker();
            TopicProvisioner.ensure(bootstrapServers, Topics.SPECS.stream()
                    .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted()))
                    .toList());
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    /** The running broker's address, for tests that produce or consume directly. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("the Kafka test resource has not started");
        }
        return bootstrapServers;
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM: its shutdown hook stops it cleanly.
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.3.1");
        LocalKafkaBroker.BROKER_SETTINGS.forEach((name, value) ->
                container.withEnv("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getBootstrapServers();
    }

    private static String startLocalBroker() {
        try {
            var dir = Files.createTempDirectory("vixlab-test-kafka");
            return LocalKafkaBroker.start(LocalKafkaBroker.options(dir)).bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
