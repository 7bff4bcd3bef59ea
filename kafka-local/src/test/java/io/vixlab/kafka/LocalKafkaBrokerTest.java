package io.vixlab.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.MessageLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void brokerServesProducersAndConsumersAndStopsCleanly() throws Exception {
        long t0 = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(LocalKafkaBroker.options(dir));
        System.out.printf("local broker ready in %d ms at %s%n", (System.nanoTime() - t0) / 1_000_000,
                broker.bootstrapServers());
        try (broker) {
            TopicProvisioner.ensure(broker.bootstrapServers(), List.of(
                    new TopicProvisioner.Topic("bars", 1, true), new TopicProvisioner.Topic("trials", 4, false)));
            // Idempotent: a second call finds them and creates nothing.
            TopicProvisioner.ensure(broker.bootstrapServers(), List.of(new TopicProvisioner.Topic("trials", 4, false)));

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                TopicDescription trials = admin.describeTopics(List.of("trials")).allTopicNames().get().get("trials");
                assertThat(trials.partitions()).hasSize(4);
                var bars = new ConfigResource(ConfigResource.Type.TOPIC, "bars");
                var barsConfig = admin.describeConfigs(List.of(bars)).all().get().get(bars);
                assertThat(barsConfig.get("cleanup.policy").value()).isEqualTo("compact");
                // The largest message every producer may send (MessageLimits), the broker takes.
                assertThat(barsConfig.get("max.message.bytes").value())
                        .isEqualTo(String.valueOf(MessageLimits.MAX_MESSAGE_BYTES));
            }

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>("trials", "k" + i, "v" + i));
                }
            }
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "test");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<String> seen = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("trials"));
                long deadline = System.currentTimeMillis() + 30_000;
                while (seen.size() < 100 && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        seen.add(r.value());
                    }
                }
            }
            assertThat(seen).hasSize(100).contains("v0", "v99");
        }
        assertThat(broker.isRunning()).isFalse();
        assertThat(dir.resolve("broker.log")).exists();
        assertThat(dir.resolve("log/meta.properties")).exists();
    }
}
