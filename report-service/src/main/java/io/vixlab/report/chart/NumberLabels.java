package io.vixlab.report.chart;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as people read them on a chart: four significant digits, no trailing zeros. */
public final class NumberLabels {

    private NumberLabels() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
