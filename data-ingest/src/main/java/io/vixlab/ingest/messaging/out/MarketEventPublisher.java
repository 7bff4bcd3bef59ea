package io.vixlab.ingest.messaging.out;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.kit.messaging.KafkaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Puts a run's bars on {@code market.bars} (key {@code SYMBOL:yyyy-mm-dd}; a deleted bar as a tombstone, the key
 * without value, which compaction keeps until consumers have seen it) and its update on {@code market.updates}
 * (key run id).
 */
@ApplicationScoped
public class MarketEventPublisher {

    // A first ingest sends the whole history (~14k bars) at once; the buffer holds what the connector has not taken yet.
    @Inject
    @Channel("market-bars")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<MarketBar> bars;

    @Inject
    @Channel("market-updates")
    Emitter<MarketUpdate> updates;

    /**
     * Sends every bar and tombstone, waits until the broker has acknowledged all of them, then sends the update
     * and waits for it: a consumer that sees the update can rely on the bars being there.
     *
     * @param deletedKeys the keys of deleted bars, sent as tombstones
     * @throws PublishException when an event is refused or not acknowledged within {@code timeout}
     */
    public void publish(List<MarketBar> changed, List<String> deletedKeys, MarketUpdate update, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ofRun = " of run " + update.runId();
        Stream<CompletableFuture<Void>> tombstones = deletedKeys.stream()
                .map(key -> KafkaEvents.send(bars, key, (MarketBar) null).toCompletableFuture());
        Stream<CompletableFuture<Void>> sent = changed.stream()
                .map(bar -> KafkaEvents.send(bars, bar.key(), bar).toCompletableFuture());
        String what = deletedKeys.isEmpty() ? changed.size() + " bars" : changed.size() + " bars and " + deletedKeys.size() + " tombstones";
        sendAndAwait(() -> CompletableFuture.allOf(Stream.concat(sent, tombstones).toArray(CompletableFuture[]::new)),
                deadline, what + ofRun);
        sendAndAwait(() -> KafkaEvents.send(updates, update.runId(), update).toCompletableFuture(), deadline, "the update" + ofRun);
    }

    /** Sends and waits; a send refused at once (e.g. a closed channel) counts like a refused acknowledgement. */
    private static void sendAndAwait(Supplier<CompletableFuture<?>> send, long deadline, String what) {
        try {
            send.get().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            throw new PublishException(what + " not published: " + e, e);
        } catch (ExecutionException e) {
            throw new PublishException(what + " not published: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(what + " not acknowledged by the broker in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(what + ": interrupted while waiting for the broker", e);
        }
    }
}
