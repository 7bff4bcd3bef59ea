package io.vixlab.ingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.IngestWarning;
import io.vixlab.ingest.RowLocation;
import io.vixlab.ingest.run.IngestOutcome;
import io.vixlab.testing.Databases;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;

/** Bars and runs survive a round trip through the database unchanged (H2 here), and an upsert is all or nothing. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class IngestPersistenceTest {

    private static final Instant FIRST = Instant.parse("2026-07-22T22:00:00.123Z");
    private static final Instant SECOND = Instant.parse("2026-07-23T22:00:00.456Z");
    private static final LocalDate DAY_1 = LocalDate.of(2026, 7, 21);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 7, 22);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void upsertInsertsNewBarsAndReplacesChangedOnesInPlace() {
        MarketBar ohlc = MarketBar.of("PVIX", DAY_1, 17.48, 17.99, 16.86, 17.05, "snapshot", FIRST);
        MarketBar closeOnly = MarketBar.of("PVVIX", DAY_1, null, null, null, 96.34, "snapshot", FIRST);
        inTransaction(() -> new PanacheBarStore("run-1").upsertAll(List.of(ohlc, closeOnly)));

        assertThat(inTransaction(() -> new PanacheBarStore("any").findBySymbol("PVIX"))).containsExactly(ohlc);
        assertThat(inTransaction(() -> new PanacheBarStore("any").findBySymbol("PVVIX"))).containsExactly(closeOnly);

        MarketBar changed = MarketBar.of("PVIX", DAY_1, 17.48, 17.99, 16.86, 17.15, "cboe", SECOND);
        MarketBar next = MarketBar.of("PVIX", DAY_2, 17.10, 17.50, 16.90, 17.00, "cboe", SECOND);
        inTransaction(() -> new PanacheBarStore("run-2").upsertAll(List.of(changed, next)));

        assertThat(inTransaction(() -> new PanacheBarStore("any").findBySymbol("PVIX")).stream()
                .sorted(Comparator.comparing(MarketBar::date)).toList()).containsExactly(changed, next);
        assertThat(inTransaction(() -> BarEntity.<BarEntity>list("symbol", "PVIX")))
                .extracting(bar -> bar.runId).containsOnly("run-2");
        assertThat(inTransaction(() -> BarEntity.count("symbol in ?1", List.of("PVIX", "PVVIX")))).isEqualTo(3);
    }

    @Test
    void aSecondRowForTheSameSymbolAndDayIsRefused() {
        inTransaction(() -> new PanacheBarStore("run-1").upsertAll(
                List.of(MarketBar.of("UVIX", DAY_1, null, null, null, 20.0, "snapshot", FIRST))));

        assertThatThrownBy(() -> inTransaction(() -> {
            BarEntity duplicate = new BarEntity();
            duplicate.symbol = "UVIX";
            duplicate.date = DAY_1;
            duplicate.close = 21.0;
            duplicate.source = "snapshot";
            duplicate.ingestedAt = FIRST;
            duplicate.runId = "run-2";
            duplicate.persist();
            BarEntity.flush();
        })).satisfies(e -> assertThat(Throwables.getRootCause(e).getMessage().toLowerCase(Locale.ROOT))
                .contains("bar_symbol_date"));
        assertThat(inTransaction(() -> BarEntity.count("symbol", "UVIX"))).isEqualTo(1);
    }

    @Test
    void anUpsertThatFailsPartWayStoresNothing() {
        MarketBar fine = MarketBar.of("AVIX", DAY_1, null, null, null, 20.0, "snapshot", FIRST);
        MarketBar tooLongSymbol = MarketBar.of("A".repeat(40), DAY_1, null, null, null, 20.0, "snapshot", FIRST);

        assertThatThrownBy(() -> inTransaction(() -> {
            new PanacheBarStore("run-1").upsertAll(List.of(fine, tooLongSymbol));
            BarEntity.flush();
        })).isInstanceOf(RuntimeException.class);
        assertThat(inTransaction(() -> BarEntity.count("symbol", "AVIX"))).isZero();
    }

    @Test
    void aRunReadsBackWithItsCountsWarningsAndUpdate() {
        MarketUpdate update = new MarketUpdate(MarketUpdate.SCHEMA_VERSION, "run-persisted", MarketUpdate.Status.SUCCEEDED,
                "snapshot", List.of(new SymbolRange("VIX", LocalDate.of(1990, 1, 2), DAY_2, 9234, 9234, 0),
                new SymbolRange("VVIX", LocalDate.of(2006, 3, 6), DAY_2, 5066, 5063, 3)),
                "c0ffee".repeat(10) + "abcd", null, FIRST, SECOND);
        List<IngestWarning> warnings = List.of(
                new IngestWarning(new RowLocation("snapshot/VVIX_History.csv", 3, "VVIX"), "implausible; excluded"),
                new IngestWarning(new RowLocation("snapshot/VIX_History.csv", 3745, "LOW"), "kept"));
        inTransaction(() -> IngestRunEntity.of(new IngestOutcome(update, List.of(), warnings)).persist());

        inTransaction(() -> {
            IngestRunEntity run = IngestRunEntity.findById("run-persisted");
            assertThat(run.toUpdate()).isEqualTo(update);
            assertThat(run.publication).isEqualTo(IngestRunEntity.Publication.NONE);
            assertThat(run.warnings).containsExactly(
                    "snapshot/VVIX_History.csv, row 3, field VVIX: implausible; excluded",
                    "snapshot/VIX_History.csv, row 3745, field LOW: kept");
        });
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }

    private static void inTransaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
