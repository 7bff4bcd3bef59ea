package io.vixlab.ingest.run;

import io.vixlab.contracts.market.BarChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.source.BarSource;
import io.vixlab.ingest.source.InlineSource;
import io.vixlab.ingest.source.LocalFileSource;
import io.vixlab.ingest.source.SizeLimit;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.ingest.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled CBOE snapshot through a whole run, and what re-running and changing it does. */
class SnapshotIngestTest {

    private static final Instant FIRST_RUN = Instant.parse("2026-07-23T22:00:00Z");
    private static final Instant SECOND_RUN = Instant.parse("2026-07-24T22:00:00Z");

    private InMemoryBarStore store;

    @BeforeEach
    void ingestSnapshot() {
        store = new InMemoryBarStore();
        IngestOutcome outcome = runAt(FIRST_RUN, new SnapshotSource());
        assertThat(outcome.succeeded()).as(outcome.update().error()).isTrue();
    }

    @Test
    void storesEveryValidRowOfTheSnapshot() {
        assertThat(store.findBySymbol("VIX")).hasSize(9234);
        assertThat(store.findBySymbol("VVIX")).hasSize(5063);
        assertThat(store.findBySymbol("VVIX")).extracting(MarketBar::date)
                .doesNotContain(LocalDate.of(2006, 3, 15), LocalDate.of(2006, 3, 16), LocalDate.of(2006, 3, 17));
        assertThat(store.findBySymbol("VVIX")).allSatisfy(bar -> assertThat(bar.open()).isNull());
        assertThat(store.all()).allSatisfy(bar -> {
            assertThat(bar.source()).isEqualTo("snapshot");
            assertThat(bar.ingestedAt()).isEqualTo(FIRST_RUN);
        });
    }

    @Test
    void reportsRangesCountsAndChecksum() {
        InMemoryBarStore fresh = new InMemoryBarStore();
        IngestOutcome outcome = IngestRun.withDefaults(Clock.fixed(FIRST_RUN, ZoneOffset.UTC))
                .execute("run-1", List.of(new SnapshotSource()), fresh);

        assertThat(outcome.update().symbols()).containsExactly(
                new SymbolRange("VIX", LocalDate.of(1990, 1, 2), LocalDate.of(2026, 7, 22), 9234, 9234, 0),
                new SymbolRange("VVIX", LocalDate.of(2006, 3, 6), LocalDate.of(2026, 7, 22), 5066, 5063, 3));
        assertThat(outcome.update().source()).isEqualTo("snapshot");
        assertThat(outcome.update().runId()).isEqualTo("run-1");
        assertThat(outcome.update().checksum()).isEqualTo(BarChecksum.of(fresh.all())).hasSize(64);
        assertThat(outcome.changedBars()).hasSize(9234 + 5063);
    }

    @Test
    void warnsOfLegacyVixOpensAndExcludedVvixPoints() {
        InMemoryBarStore fresh = new InMemoryBarStore();
        List<IngestWarning> warnings = IngestRun.withDefaults(Clock.fixed(FIRST_RUN, ZoneOffset.UTC))
                .execute("run-1", List.of(new SnapshotSource()), fresh).warnings();

        assertThat(warnings).filteredOn(w -> w.location().file().equals("snapshot/VIX_History.csv"))
                .hasSize(47)
                .allSatisfy(w -> assertThat(w.message()).contains("opens before 2007-01-01 are not checked"));
        assertThat(warnings).filteredOn(w -> w.location().file().equals("snapshot/VVIX_History.csv"))
                .extracting(w -> w.location().row())
                .containsExactly(3, 4, 5);
        assertThat(warnings).map(IngestWarning::toString).contains(
                "snapshot/VIX_History.csv, row 3745, field LOW: low 13.68 is above open 2.58;"
                        + " kept, opens before 2007-01-01 are not checked",
                "snapshot/VVIX_History.csv, row 3, field VVIX: 2006-03-15 close 15.71 is implausible:"
                        + " ln(close / 61.64, the median of 10 neighbours) = -1.367, beyond ±0.7; excluded");
    }

    @Test
    void reingestingTheSameDataChangesAndPublishesNothing() {
        List<MarketBar> before = store.all();
        String firstChecksum = BarChecksum.of(before);

        IngestOutcome again = runAt(SECOND_RUN, new SnapshotSource());

        assertThat(again.succeeded()).isTrue();
        assertThat(again.changedBars()).isEmpty();
        assertThat(again.update().symbols()).extracting(SymbolRange::changed).containsOnly(0);
        assertThat(again.update().changedData()).isFalse();
        assertThat(again.update().checksum()).isEqualTo(firstChecksum);
        assertThat(store.all()).isEqualTo(before);
        assertThat(store.upsertCalls()).isEqualTo(1);
    }

    @Test
    void changingOneDaysCloseChangesExactlyThatBar(@TempDir Path directory) throws IOException {
        List<SourceFile> snapshot = new SnapshotSource().fetch();
        String vix = snapshot.get(0).content();
        String vixWithNewClose = vix.replace("07/21/2026,17.480000,17.990000,16.860000,17.050000",
                "07/21/2026,17.480000,17.990000,16.860000,17.150000");
        assertThat(vixWithNewClose).isNotEqualTo(vix);
        Files.writeString(directory.resolve("VIX_History.csv"), vixWithNewClose);
        Files.writeString(directory.resolve("VVIX_History.csv"), snapshot.get(1).content());
        String firstChecksum = BarChecksum.of(store.all());

        IngestOutcome outcome = runAt(SECOND_RUN, new LocalFileSource(directory, directory, SizeLimit.DEFAULT));

        assertThat(outcome.changedBars()).singleElement().satisfies(bar -> {
            assertThat(bar.key()).isEqualTo("VIX:2026-07-21");
            assertThat(bar.close()).isEqualTo(17.15);
            assertThat(bar.open()).isEqualTo(17.48);
            assertThat(bar.source()).isEqualTo("file:.");
            assertThat(bar.ingestedAt()).isEqualTo(SECOND_RUN);
        });
        assertThat(outcome.update().symbols()).extracting(SymbolRange::symbol, SymbolRange::changed)
                .containsExactly(tuple("VIX", 1), tuple("VVIX", 0));
        assertThat(outcome.update().checksum()).isNotEqualTo(firstChecksum).isEqualTo(BarChecksum.of(store.all()));
        assertThat(store.all()).filteredOn(bar -> bar.ingestedAt().equals(SECOND_RUN)).hasSize(1);
    }

    @Test
    void aBadFileInOneSourceStoresNothingFromTheOthers() {
        InMemoryBarStore fresh = new InMemoryBarStore();
        BarSource brokenVvix = InlineSource.of("VVIX", "vvix.csv", "DATE,VVIX\n03/06/2006,-71.73\n");

        IngestOutcome outcome = IngestRun.withDefaults(Clock.fixed(FIRST_RUN, ZoneOffset.UTC))
                .execute("run-2", List.of(new InlineSource("vix-only", List.of(new SnapshotSource().fetch().get(0))), brokenVvix), fresh);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.update().error()).isEqualTo("vvix.csv, row 2, field VVIX: must be positive, was -71.73");
        assertThat(outcome.update().source()).isEqualTo("vix-only,inline");
        assertThat(fresh.all()).isEmpty();
    }

    @Test
    void aSymbolFromTwoFilesOfOneRunFailsIt() {
        IngestOutcome outcome = runAt(SECOND_RUN, new SnapshotSource(),
                InlineSource.of("VIX", "vix.csv", "DATE,CLOSE\n2026-07-23,16.1\n"));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.update().error())
                .isEqualTo("vix.csv: VIX is already read from snapshot/VIX_History.csv in this run");
        assertThat(store.upsertCalls()).isEqualTo(1);
    }

    private IngestOutcome runAt(Instant time, BarSource... sources) {
        return IngestRun.withDefaults(Clock.fixed(time, ZoneOffset.UTC)).execute("run-at-" + time, List.of(sources), store);
    }
}
