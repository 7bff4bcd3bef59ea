package io.vixlab.features.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.Bars;
import io.vixlab.features.dataset.DatasetBuilder;
import io.vixlab.features.dataset.DatasetConfig;
import io.vixlab.features.dataset.DatasetVersion;
import io.vixlab.features.market.MarketHistory;
import io.vixlab.testing.Databases;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bars and dataset versions survive the database (H2 here) exactly. The bars use a symbol of their
 * own so that the VIX and VVIX copy other tests rely on stays as they left it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PersistenceTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @Inject
    BarStore bars;

    @Inject
    DatasetStore datasets;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void redeliveredOrOlderBarsChangeNothingAndANewerOneReplacesThePrices() {
        String symbol = "VIX3M";
        MarketBar bar = MarketBar.of(symbol, LocalDate.of(2024, 3, 1), 15.1, 16.2, 14.9, 15.5, "snapshot", T0);
        MarketBar closeOnly = MarketBar.of(symbol, LocalDate.of(2024, 3, 4), null, null, null, 15.25, "snapshot", T0);
        MarketBar newer = MarketBar.of(symbol, bar.date(), 15.1, 16.2, 14.9, 15.75, "cboe", T0.plusSeconds(3600));
        MarketBar older = MarketBar.of(symbol, bar.date(), 15.1, 16.2, 14.9, 15.2, "cboe", T0.minusSeconds(3600));

        assertThat(bars.upsert(bar)).isTrue();
        assertThat(bars.upsert(closeOnly)).isTrue();
        assertThat(bars.upsert(bar)).as("redelivered").isFalse();
        assertThat(bars.upsert(MarketBar.of(symbol, bar.date(), 15.1, 16.2, 14.9, 15.5, "cboe", T0.plusSeconds(60))))
                .as("same prices from another run").isFalse();
        assertThat(bars.ofSymbols(List.of(symbol))).containsExactly(bar, closeOnly);

        assertThat(bars.upsert(newer)).isTrue();
        assertThat(bars.upsert(older)).as("older than the stored bar").isFalse();
        assertThat(bars.ofSymbols(List.of(symbol))).containsExactly(newer, closeOnly);
        assertThat(bars.checksum(List.of(symbol))).isEqualTo(BarChecksum.of(List.of(closeOnly, newer)));
        assertThat(Databases.productName(dataSource)).isEqualTo(expectedDatabase());
    }

    @Test
    void datasetVersionReadsBackWithItsManifestAndChunksAndIsListedOncePublished() {
        DatasetVersion version = new DatasetBuilder(DatasetConfig.defaults().withSequenceLength(5))
                .build(MarketHistory.of(Bars.randomWalk(80, 11)), T0);
        String id = version.id();
        try {
            datasets.save(version);
            assertThat(datasets.find(id)).contains(new DatasetStore.StoredDataset(version.manifest(), false));
            assertThat(datasets.chunks(id)).isEqualTo(version.chunks());
            assertThat(datasets.published()).doesNotContain(version.manifest());

            datasets.markPublished(id);
            assertThat(datasets.find(id)).contains(new DatasetStore.StoredDataset(version.manifest(), true));
            assertThat(datasets.published()).contains(version.manifest());
        } finally {
            // Never on the broker: other tests must not find it among the published datasets.
            QuarkusTransaction.requiringNew().run(() -> {
                DatasetChunkEntity.delete("datasetId", id);
                DatasetEntity.deleteById(id);
            });
        }
    }

    /** The database this test class expects to run on. */
    String expectedDatabase() {
        return "H2";
    }
}
