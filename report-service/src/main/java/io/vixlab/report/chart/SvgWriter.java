package io.vixlab.report.chart;

import java.util.Locale;

/** Writes SVG markup; every attribute value and text is escaped, so labels may hold any text. */
final class SvgWriter {

    private final StringBuilder out = new StringBuilder();

    SvgWriter open(String element, String... attributes) {
        start(element, attributes).append('>');
        return this;
    }

    SvgWriter empty(String element, String... attributes) {
        start(element, attributes).append("/>");
        return this;
    }

    SvgWriter text(String element, String text, String... attributes) {
        start(element, attributes).append('>').append(escape(text));
        return close(element);
    }

    SvgWriter close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** @param attributes names and values, alternating */
    private StringBuilder start(String element, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs");
        }
        out.append('<').append(element);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        return out;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // Characters XML 1.0 forbids (most control characters) are dropped, not escaped.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A coordinate: two decimals are finer than a pixel. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
