package io.vixlab.report.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as people read them in a table: a few significant digits, scientific where tiny or huge. */
final class Numbers {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private Numbers() {
    }

    /**
     * Four significant digits without trailing zeros, plain between 1e-4 and 1e7 (0.001234, 64,
     * 12.35), else scientific (1.235e-07).
     */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e7) {
            return scientific(value, 3);
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A parameter's value: numbers to four significant digits, anything else as it is. */
    static String parameter(Object value) {
        return value instanceof Number number && !(value instanceof Integer || value instanceof Long)
                ? format(number.doubleValue()) : String.valueOf(value);
    }

    /** A p-value: three significant digits, in scientific notation below 0.001 (4.07e-49). */
    static String pValue(double p) {
        if (p == 0 || !Double.isFinite(p)) {
            return Double.isFinite(p) ? "0" : Double.toString(p);
        }
        if (p < 1e-3) {
            return scientific(p, 2);
        }
        return new BigDecimal(p).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** Mantissa with {@code decimals} decimals, trailing zeros kept off, exponent without padding. */
    private static String scientific(double value, int decimals) {
        String[] parts = String.format(Locale.ROOT, "%." + decimals + "e", value).split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        int exponent = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exponent < 0 ? "-" : "") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
}
