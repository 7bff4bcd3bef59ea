package io.vixlab.features.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.Bars;
import io.vixlab.features.DatasetTopics;
import io.vixlab.features.MarketFeed;
import io.vixlab.features.SyntheticMarket;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An update whose bars never arrive (a copy that can never match its checksum) does not stop datasets: once
 * {@code market.bars} is read up to where it ended when the update arrived, the stored bars are built, long
 * before the bars wait (set far out here) would give up.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(BarsWaitTest.LongBarsWait.class)
class BarsWaitTest {

    public static class LongBarsWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.features.bars-wait", "10m");
        }
    }

    @Inject
    BarStore barStore;

    @Inject
    FeatureConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void updateWhoseBarsNeverArriveIsBuiltFromTheStoredBarsOnceTheTopicIsReadToItsEnd() {
        List<MarketBar> bars = SyntheticMarket.bars(Instant.now());
        bars.forEach(barStore::upsert);
        MarketBar neverSent = Bars.vix(SyntheticMarket.DAYS, 20, 21, 19, 20.5);
        List<MarketBar> announced = new ArrayList<>(bars);
        announced.add(neverSent);
        double before = rebuilds();

        MarketFeed.publish(List.of(), List.of(MarketFeed.update("run-never-arrives", announced, List.of(neverSent))));
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilds() > before);

        String expectedId = SyntheticMarket.expected(config, bars).id();
        assertThat(DatasetTopics.read(expectedId, Duration.ofSeconds(60)).manifest().datasetId()).isEqualTo(expectedId);
        assertThat(rebuilds()).isEqualTo(before + 1);
    }

    private double rebuilds() {
        return RebuildCounts.total(registry);
    }
}
