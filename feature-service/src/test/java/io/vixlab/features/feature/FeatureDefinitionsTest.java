package io.vixlab.features.feature;

import static io.vixlab.features.Bars.vix;
import static io.vixlab.features.Bars.vvix;
import static io.vixlab.features.feature.SeriesAssert.assertSeries;
import static java.lang.Double.NaN;

import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.market.MarketHistory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every feature form on a six-day series worked out by hand (3-day windows keep the arithmetic
 * short; {@link DefaultWindowFeaturesTest} covers the default window lengths).
 *
 * <pre>
 * day      0    1    2    3    4    5
 * VIX C   20   22   21   24   18   20
 * VIX H   21   23   22   25   24   21
 * VIX L   19   20   20   21   17   19
 * VVIX C  80  110  105   96   90  125
 * </pre>
 */
class FeatureDefinitionsTest {

    private static final double[] VIX_CLOSE = {20, 22, 21, 24, 18, 20};
    private static final double[] VIX_HIGH = {21, 23, 22, 25, 24, 21};
    private static final double[] VIX_LOW = {19, 20, 20, 21, 17, 19};
    private static final double[] VVIX_CLOSE = {80, 110, 105, 96, 90, 125};

    private final MarketHistory history = MarketHistory.of(bars(List.of()));

    private double[] compute(MarketHistory market, String name) {
        return FeatureCatalog.parse(name).compute(market);
    }

    @Test
    void vixClose() {
        assertSeries(compute(history, "vix_close"), 20, 22, 21, 24, 18, 20);
    }

    @Test
    void vixLogReturn() {
        // ln(22/20) = ln 1.1; ln(21/22); ln(24/21) = ln(8/7); ln(18/24) = ln 0.75; ln(20/18) = ln(10/9)
        assertSeries(compute(history, "vix_log_return"),
                NaN, 0.0953101798043249, -0.0465200156348928, 0.1335313926245226, -0.2876820724517809, 0.1053605156578263);
    }

    @Test
    void simpleMovingAverage() {
        // (20+22+21)/3 = 21; (22+21+24)/3 = 67/3; (21+24+18)/3 = 21; (24+18+20)/3 = 62/3
        assertSeries(compute(history, "vix_sma_3"), NaN, NaN, 21, 67.0 / 3, 21, 62.0 / 3);
    }

    @Test
    void closeToMovingAverage() {
        // 21/21 - 1 = 0; 24/(67/3) - 1 = 72/67 - 1 = 5/67; 18/21 - 1 = -1/7; 20/(62/3) - 1 = 60/62 - 1 = -1/31
        assertSeries(compute(history, "vix_close_to_sma_3"), NaN, NaN, 0, 5.0 / 67, -1.0 / 7, -1.0 / 31);
    }

    @Test
    void rollingVolatilityIsTheSampleStandardDeviationOfLogReturns() {
        // Returns r1..r5 as in vixLogReturn; a 3-return window first fills on day 3.
        // Day 3: r1, r2, r3 = 0.0953102, -0.0465200, 0.1335314; mean = 0.1823216/3 = 0.0607739;
        //   deviations 0.0345363, -0.1072939, 0.0727575; squares 0.0011928 + 0.0115120 + 0.0052937 = 0.0179984;
        //   / (3 - 1) = 0.0089992; sqrt = 0.0948641.
        // Day 4: r2, r3, r4 = -0.0465200, 0.1335314, -0.2876821; mean = -0.0668902;
        //   squares 0.0004149 + 0.0401688 + 0.0487490 = 0.0893328; / 2 = 0.0446664; sqrt = 0.2113443.
        // Day 5: r3, r4, r5 = 0.1335314, -0.2876821, 0.1053605; mean = -0.0162634;
        //   squares 0.0224385 + 0.0736681 + 0.0147924 = 0.1108990; / 2 = 0.0554495; sqrt = 0.2354771.
        assertSeries(compute(history, "vix_volatility_3"),
                NaN, NaN, NaN, 0.09486409143609276, 0.21134428090438004, 0.23547712469882556);
    }

    @Test
    void highLowRange() {
        // (21-19)/20; (23-20)/22; (22-20)/21; (25-21)/24; (24-17)/18; (21-19)/20
        assertSeries(compute(history, "vix_range"), 0.1, 3.0 / 22, 2.0 / 21, 4.0 / 24, 7.0 / 18, 0.1);
    }

    @Test
    void vvixLevelAndLogReturn() {
        assertSeries(compute(history, "vvix_close"), 80, 110, 105, 96, 90, 125);
        // ln(110/80) = ln 1.375; ln(105/110); ln(96/105); ln(90/96) = ln 0.9375; ln(125/90)
        assertSeries(compute(history, "vvix_log_return"),
                NaN, 0.3184537311185346, -0.0465200156348928, -0.0896121586896872, -0.0645385211375712, 0.3285040669720361);
    }

    @Test
    void vixToVvixRatio() {
        // 20/80, 22/110, 21/105, 24/96, 18/90, 20/125
        assertSeries(compute(history, "vix_vvix_ratio"), 0.25, 0.2, 0.2, 0.25, 0.2, 0.16);
    }

    @Test
    void rsiUsesWildersSmoothing() {
        // Changes: +2, -1, +3, -6, +2 on days 1..5.
        // Day 3 (seed = plain means of 3 changes): AG = (2+0+3)/3 = 5/3, AL = (0+1+0)/3 = 1/3;
        //   RS = 5, RSI = 100 - 100/6 = 83.33.
        // Day 4 (change -6): AG = (5/3*2 + 0)/3 = 10/9, AL = (1/3*2 + 6)/3 = 20/9; RS = 1/2, RSI = 100 - 100/1.5 = 33.33.
        // Day 5 (change +2): AG = (10/9*2 + 2)/3 = 38/27, AL = (20/9*2 + 0)/3 = 40/27; RS = 0.95, RSI = 100 - 100/1.95.
        // (A simple-average RSI would give 100 - 100/(1 + 3/7) = 30 on day 4: gains 3, losses 7 over days 2..4.)
        assertSeries(compute(history, "vix_rsi_3"), NaN, NaN, NaN, 100 - 100.0 / 6, 100 - 100 / 1.5, 100 - 100 / 1.95);
    }

    @Test
    void singleSymbolFeaturesUseTheirOwnTradingDaysAcrossAVvixGap() {
        // VVIX misses day 2: the common days are 0, 1, 3, 4, 5.
        MarketHistory gapped = MarketHistory.of(bars(List.of(2)));

        // VIX's own day 2 still feeds its return, average and RSI on day 3: ln(24/21), (22+21+24)/3.
        assertSeries(compute(gapped, "vix_log_return"),
                NaN, 0.0953101798043249, 0.1335313926245226, -0.2876820724517809, 0.1053605156578263);
        assertSeries(compute(gapped, "vix_sma_3"), NaN, NaN, 67.0 / 3, 21, 62.0 / 3);
        // VVIX's previous trading day before day 3 is day 1: ln(96/110).
        assertSeries(compute(gapped, "vvix_log_return"),
                NaN, 0.3184537311185346, -0.1361321743245801, -0.0645385211375712, 0.3285040669720361);
        assertSeries(compute(gapped, "vix_vvix_ratio"), 0.25, 0.2, 0.25, 0.2, 0.16);
    }

    private static List<MarketBar> bars(List<Integer> vvixMissingDays) {
        List<MarketBar> bars = new ArrayList<>();
        for (int d = 0; d < VIX_CLOSE.length; d++) {
            bars.add(vix(d, VIX_CLOSE[d], VIX_HIGH[d], VIX_LOW[d], VIX_CLOSE[d]));
            if (!vvixMissingDays.contains(d)) {
                bars.add(vvix(d, VVIX_CLOSE[d]));
            }
        }
        return bars;
    }
}
