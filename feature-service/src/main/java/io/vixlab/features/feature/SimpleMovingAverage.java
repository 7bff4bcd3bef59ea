package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_sma_<n>}: simple moving average of the close over the last {@code n} trading
 * days including today, {@code (C_{t-n+1} + ... + C_t) / n}. Undefined on the first {@code n-1} days.
 */
public final class SimpleMovingAverage extends SymbolFeature {

    private final int window;

    public SimpleMovingAverage(Symbol symbol, int window) {
        super(symbol);
        this.window = requirePositive(window, "a moving average");
    }

    @Override
    public String name() {
        return symbol.prefix() + "_sma_" + window;
    }

    @Override
    double[] values(SymbolSeries series) {
        return Rolling.mean(series.close(), window);
    }
}
