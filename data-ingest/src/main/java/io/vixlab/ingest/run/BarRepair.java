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
import java.util.function.Function;

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
        return repair(runId, "delete", symbol, from, to, store, startedAt -> store.deleteRange(symbol, from, to, startedAt),
                "no stored bars of " + symbol + " from " + from + " to " + to);
    }

    /** @throws NothingToRepairException when no day of the symbol in the range has an earlier version */
    public IngestOutcome restore(String runId, String symbol, LocalDate from, LocalDate to, RepairableBarStore store) {
        return repair(runId, "restore", symbol, from, to, store, startedAt -> store.restoreRange(symbol, from, to, startedAt),
                "no earlier versions of " + symbol + " bars from " + from + " to " + to);
    }

    /** @param change deletes (then the bars become tombstones) or restores (then they are published), given the run's start */
    private IngestOutcome repair(String runId, String kind, String symbol, LocalDate from, LocalDate to, BarStore store,
            Function<Instant, List<MarketBar>> change, String nothingToRepair) {
        Instant startedAt = clock.instant();
        List<MarketBar> changed = change.apply(startedAt);
        if (changed.isEmpty()) {
            throw new NothingToRepairException(nothingToRepair);
        }
        MarketUpdate update = update(runId, kind + ":" + symbol + ":" + from + ".." + to, symbol, changed, startedAt, store);
        boolean deletes = kind.equals("delete");
        return new IngestOutcome(update, deletes ? List.of() : changed,
                deletes ? changed.stream().map(MarketBar::key).toList() : List.of(), List.of());
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
