package io.vixlab.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.source.InlineSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of malformed input fails the run with a message naming file, row and field, and stores nothing. */
class MalformedInputTest {

    private static final Instant STORED_AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T22:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vixlab.ingest.run.MalformedFiles#cases")
    void failsTheRunAndLeavesTheStoreUntouched(String kind, String symbol, String content, String expectedError) {
        InMemoryBarStore store = storeHoldingEarlierBars();
        List<MarketBar> before = store.all();

        IngestOutcome outcome = IngestRun.withDefaults(CLOCK).execute("run-1",
                List.of(InlineSource.of(symbol, MalformedFiles.fileName(symbol), content)), store);

        assertThat(outcome.succeeded()).as(kind).isFalse();
        assertThat(outcome.update().status()).isEqualTo(MarketUpdate.Status.FAILED);
        assertThat(outcome.update().error()).isEqualTo(expectedError);
        assertThat(outcome.update().symbols()).isEmpty();
        assertThat(outcome.update().checksum()).isNull();
        assertThat(outcome.changedBars()).isEmpty();
        assertThat(store.all()).isEqualTo(before);
        assertThat(store.upsertCalls()).isEqualTo(1); // only the seeding
    }

    @Test
    void theUnbrokenFileUpdatesTheSameStore() {
        InMemoryBarStore store = storeHoldingEarlierBars();

        IngestOutcome outcome = IngestRun.withDefaults(CLOCK).execute("run-1",
                List.of(InlineSource.of("VIX", "vix.csv", MalformedFiles.vixWithRow3("01/03/2024,13.38,14.22,13.36,14.04"))), store);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.changedBars()).extracting(MarketBar::date)
                .containsExactly(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
    }

    /** Bars from an earlier run that differ from the files above, so a run that stored anything would show. */
    private static InMemoryBarStore storeHoldingEarlierBars() {
        InMemoryBarStore store = new InMemoryBarStore();
        store.upsertAll(List.of(
                MarketBar.of("VIX", LocalDate.of(2024, 1, 2), 13.0, 14.0, 12.5, 13.5, "snapshot", STORED_AT),
                MarketBar.of("VVIX", LocalDate.of(2006, 3, 6), null, null, null, 70.0, "snapshot", STORED_AT)));
        return store;
    }
}
