package io.vixlab.features.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.dataset.AssembledDataset;
import io.vixlab.contracts.dataset.DatasetAssembler;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.dataset.WindowCodec;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.Bars;
import io.vixlab.features.market.MarketHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetIdentityTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");
    private static final List<MarketBar> BARS = Bars.randomWalk(250, 3);
    private static final DatasetConfig CONFIG = DatasetConfig.defaults();

    private static DatasetVersion build(List<MarketBar> bars, DatasetConfig config) {
        return new DatasetBuilder(config).build(MarketHistory.of(bars), CREATED);
    }

    @Test
    void sameBarsAndConfigurationGiveTheSameIdWhateverTheOrderOrTime() {
        List<MarketBar> shuffled = new ArrayList<>(BARS);
        Collections.shuffle(shuffled, new Random(1));
        DatasetVersion first = build(BARS, CONFIG);

        DatasetVersion again = new DatasetBuilder(CONFIG).build(MarketHistory.of(shuffled), CREATED.plusSeconds(3600));

        assertThat(first.id()).matches("ds-[0-9a-f]{16}");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.manifest().checksum()).isEqualTo(first.manifest().checksum()).matches("[0-9a-f]{64}");
        assertThat(again.manifest().checksum()).isEqualTo(WindowCodec.checksum(first.windows()));
    }

    @Test
    void anyChangeOfConfigurationOrDataGivesAnotherId() {
        String id = build(BARS, CONFIG).id();
        List<MarketBar> oneCloseChanged = new ArrayList<>(BARS);
        MarketBar bar = oneCloseChanged.get(300); // a VIX or VVIX bar in the middle
        oneCloseChanged.set(300, MarketBar.of(bar.symbol(), bar.date(), bar.open(), bar.high(), bar.low(),
                bar.close() + 0.01, bar.source(), bar.ingestedAt()));
        // Doubling every price leaves most standardised features as they were but not the scaler.
        List<MarketBar> doubled = BARS.stream().map(b -> MarketBar.of(b.symbol(), b.date(), twice(b.open()),
                twice(b.high()), twice(b.low()), 2 * b.close(), b.source(), b.ingestedAt())).toList();

        List<String> ids = List.of(id,
                build(BARS, CONFIG.withSequenceLength(20)).id(),
                build(BARS, CONFIG.withHorizon(2)).id(),
                build(BARS, CONFIG.withScaler(ScalerParams.Kind.MIN_MAX)).id(),
                build(BARS, CONFIG.withFeatures(CONFIG.featureNames().subList(0, 14))).id(),
                build(oneCloseChanged, CONFIG).id(),
                build(doubled, CONFIG).id());

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void publishedChunksReadBackThroughTheAssemblerWithAMatchingChecksum() {
        DatasetVersion version = build(BARS, CONFIG);
        List<Object> delivery = new ArrayList<>(version.chunks());
        delivery.add(version.manifest());
        delivery.add(version.chunks().get(0)); // redelivered
        Collections.shuffle(delivery, new Random(9));
        DatasetAssembler assembler = new DatasetAssembler(version.id());

        for (Object message : delivery) {
            if (message instanceof WindowChunk chunk) {
                assembler.accept(chunk);
            } else {
                assembler.accept((DatasetManifest) message);
            }
        }
        AssembledDataset dataset = assembler.assemble();

        assertThat(dataset.windows().features()).isDeepEqualTo(version.windows().features());
        assertThat(dataset.windows().targets()).containsExactly(version.windows().targets());
        assertThat(dataset.windows().previousCloses()).containsExactly(version.windows().previousCloses());
        assertThat(dataset.windows().targetDates()).containsExactly(version.windows().targetDates());
        assertThat(dataset.trainCount()).isEqualTo(version.manifest().trainCount());
    }

    private static Double twice(Double value) {
        return value == null ? null : 2 * value;
    }
}
