package io.vixlab.ingest.run;

import io.vixlab.contracts.market.MarketBar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A {@link BarStore} that keeps every replaced or deleted bar in a history, so operators can delete and restore bars. */
public interface RepairableBarStore extends BarStore {

    /** Deletes the symbol's bars dated {@code from} to {@code to} (inclusive), keeping them in the history. */
    List<MarketBar> deleteRange(String symbol, LocalDate from, LocalDate to, Instant deletedAt);

    /**
     * Puts back, for each day from {@code from} to {@code to} with a history, the version replaced or deleted
     * last; a bar stored now goes to the history in its place. Restored bars carry {@code restoredAt} as their
     * ingest time, so consumers that keep the newest version take them.
     */
    List<MarketBar> restoreRange(String symbol, LocalDate from, LocalDate to, Instant restoredAt);
}
