package io.vixlab.features.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.features.DatasetTopics;
import io.vixlab.features.MarketFeed;
import io.vixlab.features.SyntheticMarket;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.dataset.DatasetVersion;
import io.vixlab.features.feature.FeatureCatalog;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bars and updates in over the real broker, windows and manifest out, read back with the trainers'
 * reader: once per content, again when a close changes, never before the announced bars are stored.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DatasetPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    FeatureConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void publishesEachDatasetVersionOnceAndANewOneWhenACloseChanges() {
        Instant ingested = Instant.now();
        List<MarketBar> bars = SyntheticMarket.bars(ingested);
        DatasetVersion expected = SyntheticMarket.expected(config, bars);
        MarketUpdate update = MarketFeed.update("run-pipeline-1", bars, bars);

        // 1. Bars in, dataset out.
        double rebuildsBefore = rebuilds();
        MarketFeed.publish(bars, List.of(update));
        await().atMost(TIMEOUT).until(() -> rebuilds() > rebuildsBefore);
        AssembledDataset read = DatasetTopics.read(expected.id(), TIMEOUT);

        DatasetManifest manifest = read.manifest();
        assertThat(manifest.checksum()).isEqualTo(expected.manifest().checksum());
        assertThat(manifest.featureNames()).isEqualTo(FeatureCatalog.DEFAULT_FEATURES);
        assertThat(manifest.windowCount()).isEqualTo(expected.windows().size()).isGreaterThan(200);
        assertThat(manifest.trainCount()).isEqualTo((int) (manifest.windowCount() * 0.8));
        assertThat(manifest.scaler()).isEqualTo(expected.manifest().scaler());
        assertThat(read.windows().sequenceLength()).isEqualTo(30);
        assertThat(read.windows().featureCount()).isEqualTo(15);
        assertThat(read.windows().features()).isDeepEqualTo(expected.windows().features());
        assertThat(read.windows().targets()).isEqualTo(expected.windows().targets());
        assertThat(read.windows().targetDates()).isEqualTo(expected.windows().targetDates());
        assertThat(read.windows().targetDates()[manifest.windowCount() - 1]).isEqualTo(bars.get(bars.size() - 1).date());

        // 2. The same update redelivered, three times in a burst: one rebuild, same id, nothing published (a
        // rebuild publishes before it is counted, so the topic's end then tells).
        long manifestsEnd = TopicLog.end(Topics.FEATURE_DATASETS);
        double unchangedBefore = rebuilds("unchanged");
        double rebuildsBeforeRedelivery = rebuilds();
        MarketFeed.publish(List.of(), List.of(update, update, update));
        await().atMost(TIMEOUT).until(() -> rebuilds() > rebuildsBeforeRedelivery);
        // No second rebuild: the count holds for five quiet periods.
        await().during(config.rebuildDebounce().multipliedBy(5)).atMost(TIMEOUT)
                .until(() -> rebuilds() == rebuildsBeforeRedelivery + 1);
        assertThat(rebuilds("unchanged")).isEqualTo(unchangedBefore + 1);
        assertThat(TopicLog.end(Topics.FEATURE_DATASETS)).isEqualTo(manifestsEnd);

        // 3. One changed close, its bar sent before its update as data-ingest does: one rebuild, a new id. (An update
        // whose bars never come is built once market.bars is read to its end: BarsWaitTest.)
        int changedDay = 200;
        MarketBar original = bars.get(2 * changedDay);
        assertThat(original.symbol()).isEqualTo("VIX");
        MarketBar changed = SyntheticMarket.stamped(original, original.close() + 0.5, ingested.plusSeconds(1));
        List<MarketBar> changedBars = new ArrayList<>(bars);
        changedBars.set(2 * changedDay, changed);
        DatasetVersion expectedAfterChange = SyntheticMarket.expected(config, changedBars);
        assertThat(expectedAfterChange.id()).isNotEqualTo(expected.id());

        double rebuildsBeforeChange = rebuilds();
        MarketFeed.publish(List.of(changed), List.of(MarketFeed.update("run-pipeline-2", changedBars, List.of(changed))));

        AssembledDataset readAfterChange = DatasetTopics.read(expectedAfterChange.id(), TIMEOUT);
        assertThat(readAfterChange.manifest().checksum()).isEqualTo(expectedAfterChange.manifest().checksum());
        assertThat(readAfterChange.windows().features()).isDeepEqualTo(expectedAfterChange.windows().features());
        await().atMost(TIMEOUT).until(() -> rebuilds() > rebuildsBeforeChange);
        assertThat(rebuilds()).isEqualTo(rebuildsBeforeChange + 1);
        assertThat(rebuilds("unchanged")).isEqualTo(unchangedBefore + 1);
    }

    private double rebuilds() {
        return RebuildCounts.total(registry);
    }

    private double rebuilds(String outcome) {
        return RebuildCounts.of(registry, outcome);
    }
}
