package io.vixlab.features.feature;

import io.vixlab.features.market.MarketHistory;
import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * A feature of one symbol alone, computed on that symbol's own trading days (so returns and
 * rolling windows never skip a day the symbol traded) and then read on the common days.
 */
abstract class SymbolFeature implements Feature {

    protected final Symbol symbol;

    SymbolFeature(Symbol symbol) {
        this.symbol = symbol;
    }

    @Override
    public final double[] compute(MarketHistory history) {
        return history.onCommonDays(symbol, values(history.series(symbol)));
    }

    /** The value on each day of the symbol's own series, {@code NaN} where undefined. */
    abstract double[] values(SymbolSeries series);

    static int requirePositive(int window, String what) {
        if (window < 1) {
            throw new IllegalArgumentException(what + " needs a window of at least 1 day, got " + window);
        }
        return window;
    }

    @Override
    public String toString() {
        return name();
    }
}
