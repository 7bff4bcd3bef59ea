package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_close}: the day's closing level, {@code C_t}. Defined on every day.
 */
public final class Close extends SymbolFeature {

    public Close(Symbol symbol) {
        super(symbol);
    }

    @Override
    public String name() {
        return symbol.prefix() + "_close";
    }

    @Override
    double[] values(SymbolSeries series) {
        return series.close().clone();
    }
}
