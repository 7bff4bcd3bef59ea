package io.vixlab.ingest.run;

import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.IngestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Operators' repairs of stored bars, each a run like an ingest: deleting a symbol's bars over a date range, or
 * restoring the versions a run replaced or deleted. Its outcome publishes the deleted bars as tombstones and the
 * restored ones as bars, then an update whose checksum covers the symbol's store after the change, so consumers
 * rebuild from exactly that.
 */
public final class BarRepair {

    /** Nothing to delete or restore in the range: the request changes nothing and is not recorded. */
    public static class NothingToRepairException extends IngestException {

        public NothingToRepairException(String message) {
            super(message);
        }
    }

    private final Clock clock;

    public BarRepair(Clock clock) {
        this.clock = clock;
    }

    /** @throws NothingToRepairException when no bar of the symbol lies in the range */
    public IngestOutcome delete(String runId, String symbol, LocalDate from, LocalDate to, RepairableBarStore store) {
        Instant startedAt = clock.instant();
        List<MarketBar> deleted = store.deleteRange(symbol, from, to, startedAt);
        if (deleted.isEmpty()) {
            throw new NothingToRepairException("no stored bars of " + symbol + " from " + from + " to " + to);
        }
        MarketUpdate update = update(runId, "delete:" + symbol + ":" + from + ".." + to, symbol, deleted, startedAt, store);
        return new IngestOutcome(update, List.of(), deleted.stream().map(MarketBar::key).toList(), List.of());
    }

    /** @throws NothingToRepairException when no day of the symbol in the range has an earlier version */
    public IngestOutcome restore(String runId, String symbol, LocalDate from, LocalDate to, RepairableBarStore store) {
        Instant startedAt = clock.instant();
        List<MarketBar> restored = store.restoreRange(symbol, from, to, startedAt);
        if (restored.isEmpty()) {
            throw new NothingToRepairException("no earlier versions of " + symbol + " bars from " + from + " to " + to);
        }
        MarketUpdate update = update(runId, "restore:" + symbol + ":" + from + ".." + to, symbol, restored, startedAt, store);
        return new IngestOutcome(update, restored, List.of(), List.of());
    }

    private MarketUpdate update(String runId, String source, String symbol, List<MarketBar> changed, Instant startedAt,
            BarStore store) {
        LocalDate first = changed.stream().map(MarketBar::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = changed.stream().map(MarketBar::date).max(Comparator.naturalOrder()).orElseThrow();
        SymbolRange range = new SymbolRange(symbol, first, last, changed.size(), changed.size(), 0);
        return new MarketUpdate(MarketUpdate.SCHEMA_VERSION, runId, MarketUpdate.Status.SUCCEEDED, source, List.of(range),
                BarChecksum.of(store.findBySymbol(symbol)), null, startedAt, clock.instant());
    }
}
