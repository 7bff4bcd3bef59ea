package io.vixlab.features.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.CboeCsv;
import io.vixlab.features.DatasetTopics;
import io.vixlab.features.MarketFeed;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled CBOE snapshot through the service over the real broker, timed: bars onto
 * {@code market.bars}, into the store, then one rebuild that builds and publishes the dataset and
 * waits for the broker's acknowledgements, then the dataset read back and verified. Not part of the
 * default suite (its VIX and VVIX would replace the synthetic series the other tests share); run it with
 * {@code mvn -B -pl feature-service test -Dtest=SnapshotPublicationFigures}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SnapshotPublicationFigures {

    private static final Path SNAPSHOT = Path.of("../data-ingest/src/main/resources/snapshot");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Inject
    BarStore barStore;

    @Test
    void buildAndPublishTheSnapshotDataset() throws Exception {
        List<MarketBar> bars = CboeCsv.read(SNAPSHOT);
        long start = System.nanoTime();
        MarketFeed.publish(bars, List.of());
        long sent = System.nanoTime();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> barStore.ofSymbols(DatasetService.SYMBOLS).size() == bars.size());
        long stored = System.nanoTime();
        DatasetManifest manifest = given().when().post("/api/datasets/rebuild").then().statusCode(201)
                .extract().as(DatasetManifest.class);
        long published = System.nanoTime();
        AssembledDataset read = DatasetTopics.read(manifest.datasetId(), TIMEOUT);
        long readBack = System.nanoTime();
        given().when().post("/api/datasets/rebuild").then().statusCode(200);
        long rebuiltUnchanged = System.nanoTime();

        assertThat(read.manifest().checksum()).isEqualTo(manifest.checksum());
        assertThat(manifest.windowCount()).isEqualTo(5_035);
        assertThat(manifest.trainCount()).isEqualTo(4_028);
        assertThat(manifest.testCount()).isEqualTo(1_007);
        assertThat(manifest.featureNames()).hasSize(15);
        assertThat(manifest.firstDate()).isEqualTo(LocalDate.of(2006, 3, 15));
        assertThat(manifest.splitDate()).isEqualTo(LocalDate.of(2022, 7, 18));
        assertThat(manifest.lastDate()).isEqualTo(LocalDate.of(2026, 7, 22));
        assertThat(manifest.chunkCount()).isEqualTo(13);

        System.out.printf("snapshot: %,d bars; dataset %s: %,d windows x %d days x %d features (train %,d, test %,d),"
                        + " first day %s, split %s, last target %s, %d chunks%n",
                bars.size(), manifest.datasetId(), manifest.windowCount(), manifest.sequenceLength(),
                manifest.featureNames().size(), manifest.trainCount(), manifest.testCount(), manifest.firstDate(),
                manifest.splitDate(), manifest.lastDate(), manifest.chunkCount());
        System.out.printf("  bars sent %.1f s, all stored after %.1f s; rebuild (build + publish + acks) %.0f ms;"
                        + " read back and verified %.0f ms; rebuild of unchanged bars %.0f ms%n",
                seconds(start, sent), seconds(start, stored), millis(stored, published), millis(published, readBack),
                millis(readBack, rebuiltUnchanged));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
