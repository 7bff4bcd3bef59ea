package io.vixlab.features.market;

import io.vixlab.contracts.market.MarketBar;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One symbol's daily bars on its own trading days, in date order. Absent open, high or low (VVIX
 * publishes closes only) are {@code NaN}, which makes every feature that needs them undefined.
 */
public record SymbolSeries(Symbol symbol, LocalDate[] dates, double[] open, double[] high, double[] low, double[] close) {

    /**
     * @throws IllegalArgumentException when two bars share a date: the caller's copy of the bars
     *                                  is keyed by symbol and date, so this is a bug, not data
     */
    public static SymbolSeries of(Symbol symbol, List<MarketBar> bars) {
        List<MarketBar> sorted = bars.stream().sorted(Comparator.comparing(MarketBar::date)).toList();
        int n = sorted.size();
        LocalDate[] dates = new LocalDate[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            MarketBar bar = sorted.get(i);
            if (i > 0 && bar.date().equals(dates[i - 1])) {
                throw new IllegalArgumentException("two " + symbol + " bars on " + bar.date());
            }
            dates[i] = bar.date();
            open[i] = orNaN(bar.open());
            high[i] = orNaN(bar.high());
            low[i] = orNaN(bar.low());
            close[i] = bar.close();
        }
        return new SymbolSeries(symbol, dates, open, high, low, close);
    }

    public int size() {
        return dates.length;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
