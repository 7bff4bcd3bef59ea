package io.vixlab.features.feature;

import io.vixlab.features.market.MarketHistory;
import io.vixlab.features.market.Symbol;

/**
 * {@code <a>_<b>_ratio}: the ratio of two symbols' closes on the same common day,
 * {@code C^a_t / C^b_t}; {@code vix_vvix_ratio} relates the level of volatility to the volatility
 * of volatility. Defined on every common day.
 */
public final class Ratio implements Feature {

    private final Symbol numerator;
    private final Symbol denominator;

    public Ratio(Symbol numerator, Symbol denominator) {
        if (numerator == denominator) {
            throw new IllegalArgumentException("a ratio of " + numerator + " to itself is constant");
        }
        this.numerator = numerator;
        this.denominator = denominator;
    }

    @Override
    public String name() {
        return numerator.prefix() + "_" + denominator.prefix() + "_ratio";
    }

    @Override
    public double[] compute(MarketHistory history) {
        double[] top = history.closes(numerator);
        double[] bottom = history.closes(denominator);
        double[] result = new double[top.length];
        for (int d = 0; d < result.length; d++) {
            result[d] = top[d] / bottom[d];
        }
        return result;
    }

    @Override
    public String toString() {
        return name();
    }
}
