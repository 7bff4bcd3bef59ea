package io.vixlab.report.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The common layout of a chart: a fixed-size SVG with a title on top and a plot area marked by a
 * {@code rect class="plot-area"}, axes on its left and bottom edges, an optional legend on the
 * right. Colours are inline attributes so that an exported page renders without a stylesheet.
 */
final class ChartFrame {

    static final double WIDTH = 720;
    static final double HEIGHT = 420;
    static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private static final double TOP = 40;
    private static final double BOTTOM_MARGIN = 50;
    private static final double RIGHT_MARGIN = 20;
    private static final double LEGEND_WIDTH = 170;
    private static final double LEGEND_ROW = 18;

    final double left;
    final double top = TOP;
    final double right;
    final double bottom = HEIGHT - BOTTOM_MARGIN;
    private final SvgWriter svg;

    ChartFrame(SvgWriter svg, String title, double leftMargin, boolean legend) {
        this.svg = svg;
        this.left = leftMargin;
        this.right = WIDTH - RIGHT_MARGIN - (legend ? LEGEND_WIDTH : 0);
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", num(WIDTH), "height", num(HEIGHT),
                        "viewBox", "0 0 " + num(WIDTH) + " " + num(HEIGHT), "role", "img", "aria-label", title,
                        "font-family", "sans-serif", "font-size", "12")
                .text("text", title, "class", "title", "x", num(WIDTH / 2), "y", "22", "text-anchor", "middle",
                        "font-size", "15", "font-weight", "bold")
                .empty("rect", "class", "plot-area", "x", num(left), "y", num(top), "width", num(right - left),
                        "height", num(bottom - top), "fill", "#ffffff", "stroke", "#cccccc");
    }

    /** Numeric axis along the bottom edge with a vertical grid line per tick. */
    void xAxis(LinearScale scale, DoubleFunction<String> tickLabel, String title) {
        svg.open("g", "class", "x-axis");
        for (double tick : scale.ticks()) {
            String x = num(scale.map(tick));
            svg.empty("line", "class", "grid", "x1", x, "x2", x, "y1", num(top), "y2", num(bottom), "stroke", "#eeeeee")
                    .text("text", tickLabel.apply(tick), "class", "tick", "x", x, "y", num(bottom + 16),
                            "text-anchor", "middle");
        }
        svg.text("text", title, "class", "axis-title", "x", num((left + right) / 2), "y", num(bottom + 38),
                "text-anchor", "middle").close("g");
    }

    /** Numeric axis along the left edge with a horizontal grid line per tick. */
    void yAxis(LinearScale scale, String title) {
        svg.open("g", "class", "y-axis");
        for (double tick : scale.ticks()) {
            String y = num(scale.map(tick));
            svg.empty("line", "class", "grid", "x1", num(left), "x2", num(right), "y1", y, "y2", y, "stroke", "#eeeeee")
                    .text("text", NumberLabels.format(tick), "class", "tick", "x", num(left - 6), "y", y,
                            "text-anchor", "end", "dominant-baseline", "middle");
        }
        svg.text("text", title, "class", "axis-title", "transform",
                "translate(14 " + num((top + bottom) / 2) + ") rotate(-90)", "text-anchor", "middle").close("g");
    }

    /** One legend entry per name, in the colour of its index, as many as fit beside the plot. */
    void legend(List<String> names) {
        int rows = (int) ((bottom - top) / LEGEND_ROW);
        int shown = names.size() <= rows ? names.size() : rows - 1;
        svg.open("g", "class", "legend");
        for (int i = 0; i < shown; i++) {
            double y = top + i * LEGEND_ROW;
            svg.empty("rect", "x", num(right + 12), "y", num(y), "width", "12", "height", "12", "fill", color(i))
                    .text("text", names.get(i), "x", num(right + 30), "y", num(y + 10));
        }
        if (shown < names.size()) {
            svg.text("text", "and " + (names.size() - shown) + " more", "x", num(right + 30),
                    "y", num(top + shown * LEGEND_ROW + 10));
        }
        svg.close("g");
    }

    String close() {
        return svg.close("svg").toString();
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    static String num(double value) {
        return SvgWriter.coordinate(value);
    }
}
