package io.vixlab.ingest.messaging;

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
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Puts a run's bars on {@code market.bars} (key {@code SYMBOL:yyyy-mm-dd}) and its update on {@code market.updates} (key run id). */
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
     * Sends every bar, waits until the broker has acknowledged all of them, then sends the update and waits
     * for it: a consumer that sees the update can rely on the bars being there.
     *
     * @throws PublishException when an event is refused or not acknowledged within {@code timeout}
     */
    public void publish(List<MarketBar> changed, MarketUpdate update, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ofRun = " of run " + update.runId();
        sendAndAwait(() -> CompletableFuture.allOf(changed.stream()
                .map(bar -> KafkaEvents.send(bars, bar.key(), bar).toCompletableFuture())
                .toArray(CompletableFuture[]::new)), deadline, changed.size() + " bars" + ofRun);
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
