package io.vixlab.features.service;

import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.persistence.BarStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Turns data-changed updates into rebuilds, debounced: each update (re)starts a quiet period, and
 * only when it passes without another update does a rebuild start, so a burst makes one rebuild.
 *
 * <p>Bars and updates travel on separate topics, so an update may arrive before the bars it
 * announces. Before building, the scheduler compares the update's checksum (data-ingest's
 * {@link io.vixlab.contracts.market.BarChecksum} over everything it stores of the update's symbols)
 * with the same checksum over this service's copy, and while they differ checks again after each
 * quiet period. It builds from the bars it has, and says so in the log, as soon as this service has read
 * {@code market.bars} up to where the topic ended at the update's first attempt, after its arrival
 * ({@link BarsReadPosition}): no bar of the update is still to come, so a copy that still differs never will match (a bar was dead-lettered, the
 * producer's store was replaced). Past {@link FeatureConfig#barsWait()} it builds anyway, for when the read
 * position cannot be told: datasets must not stop.
 */
@ApplicationScoped
public class RebuildScheduler {

    private static final Logger LOG = Logger.getLogger(RebuildScheduler.class);

    private final DatasetService datasets;
    private final BarStore bars;
    private final BarsReadPosition position;
    private final long debounceNanos;
    private final long barsWaitNanos;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "dataset-rebuild"));

    /** The newest update not yet built; null when none waits. Guarded by this. */
    private MarketUpdate pending;
    private long pendingSince;
    /**
     * The end offsets of market.bars, read at the pending update's first attempt (after its arrival, which is all
     * that matters: its bars lie before them); empty until then or when they could not be read.
     */
    private Optional<Map<TopicPartition, Long>> barsEnd = Optional.empty();
    private ScheduledFuture<?> next;

    public RebuildScheduler(DatasetService datasets, BarStore bars, BarsReadPosition position, FeatureConfig config) {
        this.datasets = datasets;
        this.bars = bars;
        this.position = position;
        this.debounceNanos = config.rebuildDebounce().toNanos();
        this.barsWaitNanos = config.barsWait().toNanos();
    }

    /** Schedules a rebuild for an update that changed data, replacing any rebuild still waiting. */
    public synchronized void updateArrived(MarketUpdate update) {
        pending = update;
        pendingSince = System.nanoTime();
        barsEnd = Optional.empty();
        scheduleAttempt();
    }

    private synchronized void scheduleAttempt() {
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::attempt, debounceNanos, TimeUnit.NANOSECONDS);
    }

    private void attempt() {
        MarketUpdate update;
        long waited;
        Optional<Map<TopicPartition, Long>> end;
        synchronized (this) {
            update = pending;
            waited = System.nanoTime() - pendingSince;
            end = barsEnd;
        }
        if (update == null) {
            return;
        }
        boolean barsArrived = barsArrived(update);
        if (!barsArrived && end.isEmpty()) {
            end = position.endOffsetsNow();
        }
        boolean noneToCome = !barsArrived && end.map(position::reached).orElse(false);
        synchronized (this) {
            if (pending != update) {
                return; // a newer update arrived meanwhile and has its own attempt scheduled
            }
            barsEnd = end;
            if (!barsArrived && !noneToCome && waited < barsWaitNanos) {
                scheduleAttempt();
                return;
            }
            pending = null;
        }
        if (noneToCome) {
            LOG.warnf("the stored bars differ from update %s although every bar published before it has been read"
                    + " (some were dead-lettered, or data-ingest's store holds bars never published); building from"
                    + " the stored bars", update.runId());
        } else if (!barsArrived) {
            LOG.warnf("bars of update %s have not all arrived after %d s; building from the stored bars",
                    update.runId(), TimeUnit.NANOSECONDS.toSeconds(waited));
        }
        try {
            datasets.rebuild();
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild after update %s failed", update.runId());
        }
    }

    private boolean barsArrived(MarketUpdate update) {
        List<String> symbols = update.symbols().stream().map(SymbolRange::symbol).toList();
        try {
            return update.checksum() == null || update.checksum().equals(bars.checksum(symbols));
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot compare the stored bars with update %s", update.runId());
            return false; // checked again after the next quiet period
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
