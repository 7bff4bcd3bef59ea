package io.vixlab.features.feature;

import io.vixlab.features.market.Symbol;
import io.vixlab.features.market.SymbolSeries;
import java.util.Arrays;

/**
 * {@code <symbol>_rsi_<n>}: Wilder's relative strength index with Wilder's smoothing (the RSI of
 * TA-Lib and most charting tools, not the simple-average variant). With daily changes
 * {@code D_t = C_t - C_{t-1}}, gains {@code G_t = max(D_t, 0)} and losses {@code L_t = max(-D_t, 0)}:
 * <ul>
 *   <li>on day {@code n}: {@code AG_n = mean(G_1..G_n)}, {@code AL_n = mean(L_1..L_n)};</li>
 *   <li>after it: {@code AG_t = (AG_{t-1} (n-1) + G_t) / n}, likewise {@code AL_t};</li>
 *   <li>{@code RSI_t = 100 - 100 / (1 + AG_t / AL_t)}; 100 when {@code AL_t = 0 < AG_t}, 50 when both are 0.</li>
 * </ul>
 * Undefined on the first {@code n} days. The smoothing starts at the symbol's first bar, so values
 * depend (ever more weakly) on all earlier history; VIX's history before VVIX began absorbs that.
 */
public final class WilderRsi extends SymbolFeature {

    private final int period;

    public WilderRsi(Symbol symbol, int period) {
        super(symbol);
        this.period = requirePositive(period, "an RSI");
    }

    @Override
    public String name() {
        return symbol.prefix() + "_rsi_" + period;
    }

    @Override
    double[] values(SymbolSeries series) {
        double[] close = series.close();
        double[] result = new double[close.length];
        Arrays.fill(result, Double.NaN);
        double averageGain = 0;
        double averageLoss = 0;
        for (int t = 1; t < close.length; t++) {
            double change = close[t] - close[t - 1];
            double gain = Math.max(change, 0);
            double loss = Math.max(-change, 0);
            if (t <= period) {
                // Seed averages: plain means of the first n changes, summed here and divided on day n.
                averageGain += gain;
                averageLoss += loss;
                if (t == period) {
                    averageGain /= period;
                    averageLoss /= period;
                }
            } else {
                averageGain = (averageGain * (period - 1) + gain) / period;
                averageLoss = (averageLoss * (period - 1) + loss) / period;
            }
            if (t >= period) {
                result[t] = rsi(averageGain, averageLoss);
            }
        }
        return result;
    }

    private static double rsi(double averageGain, double averageLoss) {
        if (averageLoss == 0) {
            return averageGain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + averageGain / averageLoss);
    }
}
