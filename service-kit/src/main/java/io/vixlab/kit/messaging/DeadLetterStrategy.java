package io.vixlab.kit.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import io.vixlab.contracts.Topics;
import io.vixlab.queue.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The failure strategy of every consumed channel ({@code failure-strategy=}{@value #NAME}): a message
 * its handler refuses goes to the dead-letter topic through {@link DeadLetters}, as the trainers' run
 * queue does, and the channel goes on with the next. Unlike SmallRye's own dead-letter-queue
 * strategy, a message too large to dead-letter whole is cut to fit instead of stopping the channel,
 * the reason is capped, and a broker that is away is waited out instead of failing the channel.
 *
 * <p>The dead letter is sent on a thread of the channel's own, in order; the record is acknowledged
 * (its offset may be committed) once the broker has the dead letter.
 */
public class DeadLetterStrategy implements KafkaFailureHandler {

    public static final String NAME = "vixlab-dead-letters";

    private final DeadLetters deadLetters;
    private final ExecutorService sender;
    private volatile boolean terminated;

    DeadLetterStrategy(DeadLetters deadLetters, String channel) {
        this.deadLetters = deadLetters;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, channel + "-dead-letters");
            thread.setDaemon(true);
            return thread;
        });
    }

    @ApplicationScoped
    @Identifier(NAME)
    public static class Factory implements KafkaFailureHandler.Factory {

        @Override
        public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
            String topic = config.getDeadLetterQueueTopic().orElse(Topics.DEAD_LETTERS);
            return new DeadLetterStrategy(new DeadLetters(connection(consumer.configuration()), config.getChannel(), topic),
                    config.getChannel());
        }

        /** The consumer's connection settings (brokers, security), which the dead letters use too. */
        private static Properties connection(Map<String, ?> consumerConfig) {
            Properties props = new Properties();
            consumerConfig.forEach((key, value) -> {
                if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                        || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                    props.put(key, value);
                }
            });
            return props;
        }
    }

    /**
     * vixlab's channels read keys and values as text (service-kit's deserializers), so the record is
     * a {@code ConsumerRecord<String, String>}.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        ConsumerRecord<String, String> poison = (ConsumerRecord<String, String>) record
                .getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
        return Uni.createFrom().item(() -> deadLetters.send(poison, reasonOf(reason), () -> terminated))
                .runSubscriptionOn(sender)
                // Not sent because the channel stops: not acknowledged, so read again after a restart.
                .chain(sent -> sent ? Uni.createFrom().completionStage(record.ack()) : Uni.createFrom().voidItem())
                .emitOn(record::runOnMessageContext);
    }

    private static String reasonOf(Throwable reason) {
        return reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
    }

    @Override
    public void terminate() {
        terminated = true;
        sender.shutdown();
        deadLetters.close();
    }
}
