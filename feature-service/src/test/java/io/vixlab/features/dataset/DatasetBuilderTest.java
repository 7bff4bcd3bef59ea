package io.vixlab.features.dataset;

import static io.vixlab.features.Bars.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.Bars;
import io.vixlab.features.feature.FeatureCatalog;
import io.vixlab.features.market.MarketHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

    /**
     * VIX closes 10, 11, ..., 19 on days 0..9 (VVIX flat); features vix_close and vix_sma_3 (defined
     * from day 2); windows of 2 days, horizon 1. Window ends run over days 3..8 (two defined rows up to
     * the end, a day after it for the target): 6 windows, int(6 * 0.8) = 4 for training.
     */
    private static final DatasetConfig SMALL = new DatasetConfig(List.of("vix_close", "vix_sma_3"), 2, 1,
            ScalerParams.Kind.STANDARD, 0.8);

    private static MarketHistory ramp(int days) {
        return MarketHistory.of(Bars.closes(IntStream.range(0, days).mapToDouble(d -> 10 + d).toArray(),
                IntStream.range(0, days).mapToDouble(d -> 100).toArray()));
    }

    @Test
    void windowsTargetsDatesAndSplitLineUp() {
        DatasetVersion version = new DatasetBuilder(SMALL).build(ramp(10), CREATED);
        DatasetManifest manifest = version.manifest();

        assertThat(manifest.windowCount()).isEqualTo(6);
        assertThat(manifest.trainCount()).isEqualTo(4);
        assertThat(manifest.testCount()).isEqualTo(2);
        // Window w covers days w+2 and w+3 and targets day w+4.
        assertThat(version.windows().targetDates()).containsExactly(day(4), day(5), day(6), day(7), day(8), day(9));
        assertThat(manifest.firstDate()).isEqualTo(day(2));
        assertThat(manifest.lastDate()).isEqualTo(day(9));
        assertThat(manifest.splitDate()).isEqualTo(day(8));
        assertThat(manifest.featureNames()).containsExactly("vix_close", "vix_sma_3");
        assertThat(manifest.sequenceLength()).isEqualTo(2);
        assertThat(manifest.horizon()).isEqualTo(1);
        assertThat(manifest.chunkCount()).isEqualTo(version.chunks().size()).isEqualTo(1);
        assertThat(manifest.createdAt()).isEqualTo(CREATED);
        assertThat(EventSchemas.violations(manifest)).isEmpty();
        assertThat(version.chunks()).allSatisfy(chunk -> assertThat(EventSchemas.violations(chunk)).isEmpty());
    }

    @Test
    void standardScalerIsFittedOnTheRowsAndTargetsOfTrainingWindowsOnly() {
        DatasetVersion version = new DatasetBuilder(SMALL).build(ramp(10), CREATED);
        ScalerParams scaler = version.manifest().scaler();
        DatasetWindows windows = version.windows();

        // Training windows cover days 2..6, each once: closes 12..16 -> mean 14, population variance
        // (4+1+0+1+4)/5 = 2; SMA 3 there is 11..15 -> mean 13, variance 2.
        // Training targets are the closes of days 4..7 = 14..17 -> mean 15.5, variance (2.25+0.25+0.25+2.25)/4 = 1.25.
        assertThat(scaler.kind()).isEqualTo(ScalerParams.Kind.STANDARD);
        assertThat(scaler.featureCenter()).containsExactly(14.0, 13.0);
        assertThat(scaler.featureScale()).containsExactly(Math.sqrt(2), Math.sqrt(2));
        assertThat(scaler.targetCenter()).isEqualTo(15.5);
        assertThat(scaler.targetScale()).isEqualTo(Math.sqrt(1.25));
        // Window 0, days 2 and 3: close 12, 13 and SMA 11, 12; target = close on day 4 = 14; previous close 13.
        float r2 = (float) Math.sqrt(2);
        assertThat(windows.features()[0][0]).containsExactly(new float[] {-2 / r2, -2 / r2}, within(1e-6f));
        assertThat(windows.features()[0][1]).containsExactly(new float[] {-1 / r2, -1 / r2}, within(1e-6f));
        assertThat(windows.targets()[0]).isCloseTo((float) ((14 - 15.5) / Math.sqrt(1.25)), within(1e-6f));
        assertThat(windows.previousCloses()[0]).isCloseTo((float) ((13 - 15.5) / Math.sqrt(1.25)), within(1e-6f));
        // The last test window (days 7, 8 -> day 9) is scaled with the same training statistics.
        assertThat(windows.features()[5][1]).containsExactly(new float[] {(18 - 14) / r2, (17 - 13) / r2}, within(1e-6f));
        assertThat(scaler.toPoints(windows.targets()[5])).isCloseTo(19, within(1e-5));
        assertThat(scaler.toPoints(windows.previousCloses()[5])).isCloseTo(18, within(1e-5));
    }

    @Test
    void aHistoryWhoseValuesOverflowIsRefusedInsteadOfPublishingNonFiniteWindows() {
        double[] vix = IntStream.range(0, 10).mapToDouble(d -> 10 + d).toArray();
        vix[8] = 1e300; // a test-part close: the training scaler is finite, the scaled window is not
        MarketHistory history = MarketHistory.of(Bars.closes(vix, IntStream.range(0, 10).mapToDouble(d -> 90).toArray()));

        assertThatThrownBy(() -> new DatasetBuilder(SMALL).build(history, CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not finite");
    }

    @Test
    void minMaxScalerUsesTrainingMinimumAndRange() {
        ScalerParams scaler = new DatasetBuilder(SMALL.withScaler(ScalerParams.Kind.MIN_MAX)).build(ramp(10), CREATED)
                .manifest().scaler();

        // Closes 12..16 and SMA 11..15 on training rows; targets 14..17.
        assertThat(scaler.featureCenter()).containsExactly(12.0, 11.0);
        assertThat(scaler.featureScale()).containsExactly(4.0, 4.0);
        assertThat(scaler.targetCenter()).isEqualTo(14.0);
        assertThat(scaler.targetScale()).isEqualTo(3.0);
    }

    @Test
    void longerHorizonTargetsLaterDaysAndNeverPassesTheData() {
        DatasetVersion version = new DatasetBuilder(SMALL.withHorizon(3)).build(ramp(10), CREATED);

        // Ends 3..6 (end + 3 <= day 9): targets on days 6..9 close at 16..19, previous closes (days 3..6) at 13..16.
        assertThat(version.windows().targetDates()).containsExactly(day(6), day(7), day(8), day(9));
        ScalerParams scaler = version.manifest().scaler();
        for (int w = 0; w < 4; w++) {
            assertThat(scaler.toPoints(version.windows().previousCloses()[w])).isCloseTo(13 + w, within(1e-5));
            assertThat(scaler.toPoints(version.windows().targets()[w])).isCloseTo(16 + w, within(1e-5));
        }
    }

    @Test
    void warmUpRowsOfTheDefaultFeaturesAreDroppedNotFilled() {
        // The longest warm-up is vix_volatility_20 (20 returns, so 21 closes): rows 0..19 are dropped.
        int days = 300;
        DatasetVersion version = new DatasetBuilder(DatasetConfig.defaults()).build(
                MarketHistory.of(Bars.randomWalk(days, 7)), CREATED);

        DatasetManifest manifest = version.manifest();
        assertThat(manifest.firstDate()).isEqualTo(day(20));
        // First window covers days 20..49 and targets day 50; the last targets day 299.
        assertThat(manifest.windowCount()).isEqualTo(days - 50);
        assertThat(version.windows().targetDates()[0]).isEqualTo(day(50));
        assertThat(manifest.lastDate()).isEqualTo(day(299));
        assertThat(manifest.featureNames()).isEqualTo(FeatureCatalog.DEFAULT_FEATURES);
        assertThat(manifest.trainCount()).isEqualTo(200);
        assertThat(version.windows().featureCount()).isEqualTo(15);
        for (float[][] window : version.windows().features()) {
            for (float[] row : window) {
                for (float value : row) {
                    assertThat(Float.isFinite(value)).isTrue();
                }
            }
        }
    }

    @Test
    void aRowWithAnUndefinedFeatureBreaksTheWindowsAcrossIt() {
        // Day 5 lacks its high, so vix_range is undefined there: windows of 3 days end on days 2..4
        // and 8..10 only (day 11 would need a target on day 12).
        List<MarketBar> bars = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            bars.add(d == 5 ? MarketBar.of("VIX", day(d), 15.0, null, 14.0, 15, "test", CREATED)
                    : Bars.vix(d, 15, 16, 14, 15 + d % 3));
            bars.add(Bars.vvix(d, 100));
        }
        DatasetConfig config = new DatasetConfig(List.of("vix_close", "vix_range"), 3, 1, ScalerParams.Kind.STANDARD, 0.5);

        DatasetVersion version = new DatasetBuilder(config).build(MarketHistory.of(bars), CREATED);

        assertThat(version.windows().targetDates()).containsExactly(day(3), day(4), day(5), day(9), day(10), day(11));
    }

    @Test
    void tooLittleDataForBothPartsIsRejected() {
        // Ends 3 and 4 only: int(2 * 0.4) = 0 training windows.
        DatasetConfig config = new DatasetConfig(List.of("vix_close", "vix_sma_3"), 2, 1, ScalerParams.Kind.STANDARD, 0.4);

        assertThatThrownBy(() -> new DatasetBuilder(config).build(ramp(6), CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 windows")
                .hasMessageContaining("cannot be split");
    }

    @Test
    void splitFollowsTheSeedsIntegerTruncation() {
        // 7 windows (ends 3..9 over 11 days): int(7 * 0.8) = int(5.6) = 5.
        DatasetManifest manifest = new DatasetBuilder(SMALL).build(ramp(11), CREATED).manifest();

        assertThat(manifest.windowCount()).isEqualTo(7);
        assertThat(manifest.trainCount()).isEqualTo(5);
        assertThat(manifest.splitDate()).isEqualTo(day(9));
    }
}
