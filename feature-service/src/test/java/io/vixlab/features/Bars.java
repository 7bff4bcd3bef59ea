package io.vixlab.features;

import io.vixlab.contracts.market.MarketBar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Market bars for tests: hand-written short series and seeded random walks on consecutive days. */
public final class Bars {

    public static final LocalDate DAY_0 = LocalDate.of(2024, 1, 1);
    private static final Instant INGESTED = Instant.parse("2026-11-25T00:00:00Z");

    private Bars() {
    }

    public static LocalDate day(int i) {
        return DAY_0.plusDays(i);
    }

    public static MarketBar vix(int day, double open, double high, double low, double close) {
        return MarketBar.of("VIX", day(day), open, high, low, close, "test", INGESTED);
    }

    public static MarketBar vvix(int day, double close) {
        return MarketBar.of("VVIX", day(day), null, null, null, close, "test", INGESTED);
    }

    /** VIX with high = close + 1 and low = close - 1 (open = close), VVIX closes, both on days 0, 1, ... */
    public static List<MarketBar> closes(double[] vixClose, double[] vvixClose) {
        List<MarketBar> bars = new ArrayList<>();
        for (int d = 0; d < vixClose.length; d++) {
            bars.add(vix(d, vixClose[d], vixClose[d] + 1, vixClose[d] - 1, vixClose[d]));
        }
        for (int d = 0; d < vvixClose.length; d++) {
            bars.add(vvix(d, vvixClose[d]));
        }
        return bars;
    }

    /** A mean-reverting VIX-like random walk of {@code days} days with a VVIX alongside. */
    public static List<MarketBar> randomWalk(int days, long seed) {
        Random random = new Random(seed);
        List<MarketBar> bars = new ArrayList<>();
        double vix = 18;
        double vvix = 90;
        for (int d = 0; d < days; d++) {
            double open = vix;
            vix = Math.max(9, vix + 0.1 * (18 - vix) + random.nextGaussian());
            vvix = Math.max(60, vvix + 0.1 * (90 - vvix) + 3 * random.nextGaussian());
            double high = Math.max(open, vix) + Math.abs(random.nextGaussian()) * 0.5;
            double low = Math.min(open, vix) - Math.abs(random.nextGaussian()) * 0.5;
            bars.add(vix(d, open, high, low, vix));
            bars.add(vvix(d, vvix));
        }
        return bars;
    }
}
