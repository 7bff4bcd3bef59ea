package io.vixlab.features.feature;

import static io.vixlab.features.feature.SeriesAssert.assertSeries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.features.Bars;
import io.vixlab.features.market.MarketHistory;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The default window lengths on a VIX that alternates 10, 20, 10, 20, ... (day 0 = 10), where the
 * arithmetic stays short: log returns alternate {@code -a} / {@code +a} with {@code a = ln 2}, every
 * even-length average is 15.
 */
class DefaultWindowFeaturesTest {

    private static final int DAYS = 22;
    private static final double A = Math.log(2);

    private final MarketHistory history = MarketHistory.of(Bars.closes(
            IntStream.range(0, DAYS).mapToDouble(d -> d % 2 == 0 ? 10 : 20).toArray(),
            IntStream.range(0, DAYS).mapToDouble(d -> 100).toArray()));

    private double[] compute(String name) {
        return FeatureCatalog.parse(name).compute(history);
    }

    @Test
    void movingAveragesStartOnTheirWindowsLastDay() {
        // SMA 5 on day 4 = (10+20+10+20+10)/5 = 14, day 5 = (20+10+20+10+20)/5 = 16.
        assertValuesFrom(compute("vix_sma_5"), 4, 14, 16, 14);
        // SMA 10 and 20 always average as many 10s as 20s.
        assertValuesFrom(compute("vix_sma_10"), 9, 15, 15);
        assertValuesFrom(compute("vix_sma_20"), 19, 15, 15);
    }

    @Test
    void distancesFromTheAverages() {
        // 10/14 - 1 = -2/7, 20/16 - 1 = 1/4
        assertValuesFrom(compute("vix_close_to_sma_5"), 4, -2.0 / 7, 0.25);
        // day 9 closes at 20: 20/15 - 1 = 1/3, day 10 at 10: -1/3
        assertValuesFrom(compute("vix_close_to_sma_10"), 9, 1.0 / 3, -1.0 / 3);
        assertValuesFrom(compute("vix_close_to_sma_20"), 19, 1.0 / 3, -1.0 / 3);
    }

    @Test
    void volatilitiesNeedOneMoreDayThanTheirWindow() {
        // Day 5: returns +a, -a, +a, -a, +a; mean a/5; squares sum 5a^2 - 5(a/5)^2 = 24a^2/5;
        // / (5-1) = 6a^2/5; std = a sqrt(1.2). Day 6 mirrors it.
        assertValuesFrom(compute("vix_volatility_5"), 5, A * Math.sqrt(1.2), A * Math.sqrt(1.2));
        // Day 20: ten +a and ten -a; mean 0; 20a^2 / 19.
        assertValuesFrom(compute("vix_volatility_20"), 20, A * Math.sqrt(20.0 / 19), A * Math.sqrt(20.0 / 19));
    }

    @Test
    void rsi14() {
        // Day 14: changes 1..14 are seven +10 and seven -10: AG = AL = 70/14 = 5, RSI 50.
        // Day 15 (+10): AG = (5*13 + 10)/14 = 75/14, AL = 65/14; RS = 15/13; RSI = 100 - 100*13/28.
        // Day 16 (-10): AG = (75/14*13)/14 = 975/196, AL = (65/14*13 + 10)/14 = 985/196; RSI = 100 - 100*985/1960.
        assertValuesFrom(compute("vix_rsi_14"), 14, 50, 100 - 100 * 13.0 / 28, 100 - 100 * 985.0 / 1960);
    }

    @Test
    void rsiIsHundredWithoutLossesAndFiftyWithoutChanges() {
        MarketHistory rising = MarketHistory.of(Bars.closes(IntStream.range(0, 16).mapToDouble(d -> 10 + d).toArray(),
                IntStream.range(0, 16).mapToDouble(d -> 100).toArray()));
        double[] vvixRsi = FeatureCatalog.parse("vvix_rsi_14").compute(rising);
        double[] vixRsi = FeatureCatalog.parse("vix_rsi_14").compute(rising);

        assertValuesFrom(vixRsi, 14, 100, 100);
        assertValuesFrom(vvixRsi, 14, 50, 50);
    }

    /** Undefined before {@code firstDefinedDay}, then the given values from it on. */
    private static void assertValuesFrom(double[] actual, int firstDefinedDay, double... expected) {
        double[] head = Arrays.copyOf(actual, firstDefinedDay + expected.length);
        double[] wanted = new double[head.length];
        Arrays.fill(wanted, 0, firstDefinedDay, Double.NaN);
        System.arraycopy(expected, 0, wanted, firstDefinedDay, expected.length);
        assertSeries(head, wanted);
        assertThat(Arrays.stream(actual).skip(firstDefinedDay).allMatch(Double::isFinite))
                .as("defined from day %d on", firstDefinedDay).isTrue();
    }
}
