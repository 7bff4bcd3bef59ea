package io.vixlab.contracts.market;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventId;
import io.vixlab.contracts.Sha256Hex;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * One completed ingest run on {@code market.updates}, key = run id. A failed run carries the error
 * and no symbols: nothing was stored or published.
 *
 * @param checksum SHA-256 over the stored bars of the run's symbols, so consumers can tell whether
 *                 their copy matches
 */
@JsonClassDescription("One completed ingest run on market.updates, key = run id. A FAILED run carries the error and"
        + " no symbols.")
public record MarketUpdate(
        int schemaVersion,
        @NotNull @EventId String runId,
        @NotNull Status status,
        @NotNull @Size(min = 1) String source,
        @NotNull List<SymbolRange> symbols,
        @Sha256Hex String checksum,
        @Size(min = 1) String error,
        @NotNull Instant startedAt,
        @NotNull Instant completedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public enum Status { SUCCEEDED, FAILED }

    /** Whether any bar was new or changed in this run. */
    public boolean changedData() {
        return status == Status.SUCCEEDED && symbols.stream().anyMatch(s -> s.changed() > 0);
    }
}
