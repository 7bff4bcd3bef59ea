package io.vixlab.contracts.market;

import io.vixlab.contracts.Event;
import java.time.Instant;
import java.util.List;

/**
 * One completed ingest run on {@code market.updates}, key = run id. A failed run carries the error
 * and no symbols: nothing was stored or published.
 *
 * @param checksum SHA-256 over the stored bars of the run's symbols, so consumers can tell whether
 *                 their copy matches
 */
public record MarketUpdate(
        int schemaVersion,
        String runId,
        Status status,
        String source,
        List<SymbolRange> symbols,
        String checksum,
        String error,
        Instant startedAt,
        Instant completedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { SUCCEEDED, FAILED }

    /** Whether any bar was new or changed in this run. */
    public boolean changedData() {
        return status == Status.SUCCEEDED && symbols.stream().anyMatch(s -> s.changed() > 0);
    }
}
