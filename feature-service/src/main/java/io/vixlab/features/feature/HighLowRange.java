package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_range}: the day's high-low range relative to the close, {@code (H_t - L_t) / C_t}.
 * Undefined where high or low is absent (VVIX has closes only).
 */
public final class HighLowRange extends SymbolFeature {

    public HighLowRange(Symbol symbol) {
        super(symbol);
    }

    @Override
    public String name() {
        return symbol.prefix() + "_range";
    }

    @Override
    double[] values(SymbolSeries series) {
        double[] result = new double[series.size()];
        for (int t = 0; t < result.length; t++) {
            result[t] = (series.high()[t] - series.low()[t]) / series.close()[t];
        }
        return result;
    }
}
