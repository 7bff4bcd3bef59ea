package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_volatility_<n>}: sample standard deviation (divisor {@code n-1}, pandas'
 * default) of the last {@code n} daily log returns, not annualised. Needs {@code n+1} closes, so it
 * is undefined on the first {@code n} days.
 */
public final class RollingVolatility extends SymbolFeature {

    private final int window;
    private final LogReturn logReturn;

    public RollingVolatility(Symbol symbol, int window) {
        super(symbol);
        if (window < 2) {
            throw new IllegalArgumentException("a sample standard deviation needs a window of at least 2 returns, got " + window);
        }
        this.window = window;
        this.logReturn = new LogReturn(symbol);
    }

    @Override
    public String name() {
        return symbol.prefix() + "_volatility_" + window;
    }

    @Override
    double[] values(SymbolSeries series) {
        return Rolling.sampleStd(logReturn.values(series), window);
    }
}
