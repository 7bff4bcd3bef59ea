package io.vixlab.features.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.Bars;
import io.vixlab.features.market.MarketHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Changing every price after the last training target (the test period: days only test windows
 * and test targets see) must leave the training part and the scaler bit for bit as they were.
 */
class LeakageTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest(name = "horizon {0}")
    @ValueSource(ints = {1, 5})
    void testPeriodPricesReachNoTrainingWindowTargetOrScalerValue(int horizon) {
        List<MarketBar> bars = Bars.randomWalk(400, 42);
        DatasetBuilder builder = new DatasetBuilder(DatasetConfig.defaults().withHorizon(horizon));
        DatasetVersion original = builder.build(MarketHistory.of(bars), CREATED);
        int trainCount = original.manifest().trainCount();
        LocalDate lastTrainingTarget = original.windows().targetDates()[trainCount - 1];

        List<MarketBar> shocked = bars.stream()
                .map(bar -> bar.date().isAfter(lastTrainingTarget) ? shock(bar) : bar).toList();
        DatasetVersion changed = builder.build(MarketHistory.of(shocked), CREATED);

        assertThat(changed.manifest().trainCount()).isEqualTo(trainCount);
        assertThat(changed.manifest().scaler()).isEqualTo(original.manifest().scaler());
        assertThat(training(changed.windows(), trainCount)).isDeepEqualTo(training(original.windows(), trainCount));
        assertThat(Arrays.copyOf(changed.windows().targets(), trainCount))
                .containsExactly(Arrays.copyOf(original.windows().targets(), trainCount));
        assertThat(Arrays.copyOf(changed.windows().previousCloses(), trainCount))
                .containsExactly(Arrays.copyOf(original.windows().previousCloses(), trainCount));
        // The shock did reach the test part, so the comparison above is not vacuous.
        int n = original.manifest().windowCount();
        assertThat(IntStream.range(trainCount, n).filter(w -> changed.windows().targets()[w] != original.windows().targets()[w]))
                .hasSize(n - trainCount);
        assertThat(changed.id()).isNotEqualTo(original.id());
    }

    private static float[][][] training(DatasetWindows windows, int trainCount) {
        return Arrays.copyOf(windows.features(), trainCount);
    }

    /** A volatility spike: VIX up 60%, VVIX up 30%, range widened. */
    private static MarketBar shock(MarketBar bar) {
        return MarketBar.of(bar.symbol(), bar.date(), times(bar.open(), 1.6), times(bar.high(), 1.8),
                times(bar.low(), 1.5), bar.close() * (bar.symbol().equals("VIX") ? 1.6 : 1.3), bar.source(), bar.ingestedAt());
    }

    private static Double times(Double value, double factor) {
        return value == null ? null : value * factor;
    }
}
