package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;

/**
 * {@code <symbol>_log_return}: {@code ln(C_t / C_{t-1})}, the previous close being the symbol's own
 * previous trading day. Undefined on the symbol's first day.
 */
public final class LogReturn extends SymbolFeature {

    public LogReturn(Symbol symbol) {
        super(symbol);
    }

    @Override
    public String name() {
        return symbol.prefix() + "_log_return";
    }

    @Override
    double[] values(SymbolSeries series) {
        double[] close = series.close();
        double[] result = new double[close.length];
        if (close.length > 0) {
            result[0] = Double.NaN;
        }
        for (int t = 1; t < close.length; t++) {
            // StrictMath: bit-identical on every JVM, so the same data always gives the same dataset id.
            result[t] = StrictMath.log(close[t] / close[t - 1]);
        }
        return result;
    }
}
