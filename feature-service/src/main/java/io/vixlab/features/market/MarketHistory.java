package io.vixlab.features.market;

import io.vixlab.contracts.market.MarketBar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * VIX and VVIX aligned on their common trading days, the days a dataset's rows are made of.
 *
 * <p>Each symbol's full series is kept as well: single-symbol features are computed on the
 * symbol's own trading days and then read on the common days, so a VIX return is always a
 * one-trading-day return even where VVIX misses a day (CBOE's VVIX history lacks ~90 VIX days,
 * most in 2006), and VIX's history before VVIX began serves as warm-up for its rolling features.
 */
public final class MarketHistory {

    private final Map<Symbol, SymbolSeries> series;
    private final LocalDate[] days;
    private final Map<Symbol, int[]> positions;

    private MarketHistory(Map<Symbol, SymbolSeries> series, LocalDate[] days, Map<Symbol, int[]> positions) {
        this.series = series;
        this.days = days;
        this.positions = positions;
    }

    /**
     * Aligns the VIX and VVIX bars among {@code bars}; bars of other symbols are ignored.
     *
     * @throws IllegalArgumentException when a symbol has no bars, two bars of a symbol share a date,
     *                                  or the symbols have no day in common
     */
    public static MarketHistory of(Collection<MarketBar> bars) {
        Map<Symbol, List<MarketBar>> bySymbol = bars.stream()
                .filter(bar -> Symbol.ofCode(bar.symbol()).isPresent())
                .collect(Collectors.groupingBy(bar -> Symbol.ofCode(bar.symbol()).orElseThrow(),
                        () -> new EnumMap<>(Symbol.class), Collectors.toList()));
        Map<Symbol, SymbolSeries> series = new EnumMap<>(Symbol.class);
        for (Symbol symbol : Symbol.values()) {
            List<MarketBar> symbolBars = bySymbol.get(symbol);
            if (symbolBars == null) {
                throw new IllegalArgumentException("no " + symbol + " bars");
            }
            series.put(symbol, SymbolSeries.of(symbol, symbolBars));
        }
        return align(series);
    }

    /** Walks both date-sorted series at once, keeping the days present in both. */
    private static MarketHistory align(Map<Symbol, SymbolSeries> series) {
        LocalDate[] vix = series.get(Symbol.VIX).dates();
        LocalDate[] vvix = series.get(Symbol.VVIX).dates();
        List<LocalDate> days = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < vix.length && j < vvix.length) {
            int order = vix[i].compareTo(vvix[j]);
            if (order == 0) {
                days.add(vix[i]);
                pairs.add(new int[] {i, j});
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("VIX and VVIX have no trading day in common");
        }
        Map<Symbol, int[]> positions = new EnumMap<>(Symbol.class);
        positions.put(Symbol.VIX, pairs.stream().mapToInt(p -> p[0]).toArray());
        positions.put(Symbol.VVIX, pairs.stream().mapToInt(p -> p[1]).toArray());
        return new MarketHistory(series, days.toArray(LocalDate[]::new), positions);
    }

    /** The common trading days, ascending. */
    public LocalDate[] days() {
        return days.clone();
    }

    public int dayCount() {
        return days.length;
    }

    public SymbolSeries series(Symbol symbol) {
        return series.get(symbol);
    }

    /** Reads values given per day of {@code symbol}'s own series on the common days. */
    public double[] onCommonDays(Symbol symbol, double[] valuesOnSymbolDays) {
        int[] at = positions.get(symbol);
        double[] result = new double[at.length];
        for (int d = 0; d < at.length; d++) {
            result[d] = valuesOnSymbolDays[at[d]];
        }
        return result;
    }

    /** The symbol's close on each common day. */
    public double[] closes(Symbol symbol) {
        return onCommonDays(symbol, series.get(symbol).close());
    }
}
