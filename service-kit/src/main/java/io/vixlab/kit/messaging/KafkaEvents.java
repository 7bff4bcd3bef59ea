package io.vixlab.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends events the way every vixlab topic expects them: keyed, and known to be on the broker. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** A message with a Kafka key, for partitioning by entity and for compaction. */
    public static <T> Message<T> keyed(String key, T event) {
        return Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /** Sends a keyed event; the stage completes when the broker has acknowledged it. */
    public static <T> CompletionStage<Void> send(Emitter<T> emitter, String key, T event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(keyed(key, event)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
