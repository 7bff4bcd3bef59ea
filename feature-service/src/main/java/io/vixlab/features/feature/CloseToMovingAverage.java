package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_close_to_sma_<n>}: the close's relative distance from its {@code n}-day simple
 * moving average, {@code C_t / SMA_n(t) - 1} (0.05 = 5% above the average). Undefined where the
 * average is.
 */
public final class CloseToMovingAverage extends SymbolFeature {

    private final int window;
    private final SimpleMovingAverage average;

    public CloseToMovingAverage(Symbol symbol, int window) {
        super(symbol);
        this.window = window;
        this.average = new SimpleMovingAverage(symbol, window);
    }

    @Override
    public String name() {
        return symbol.prefix() + "_close_to_sma_" + window;
    }

    @Override
    double[] values(SymbolSeries series) {
        double[] close = series.close();
        double[] sma = average.values(series);
        double[] result = new double[close.length];
        for (int t = 0; t < close.length; t++) {
            result[t] = close[t] / sma[t] - 1;
        }
        return result;
    }
}
