package io.vixlab.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart, one bar per label in the order added (as the seed's seaborn bar plots
 * of a metric per architecture). Bars start at zero, so negative values (an R² below zero) point
 * left. Each bar is a {@code rect class="bar"} with a {@code data-label} and {@code data-value}.
 */
public final class BarChart {

    private static final double LABEL_WIDTH = 180;
    private static final double BAR_FILL = 0.7;
    private static final double VALUE_GAP = 4;
    private static final double VALUE_ROOM = 60;

    private final String title;
    private final String valueTitle;
    private final List<String> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    public BarChart(String title, String valueTitle) {
        this.title = title;
        this.valueTitle = valueTitle;
    }

    public BarChart bar(String label, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("bar " + label + " has no finite value: " + value);
        }
        labels.add(label);
        values.add(value);
        return this;
    }

    public String render() {
        SvgWriter svg = new SvgWriter();
        ChartFrame frame = new ChartFrame(svg, title, LABEL_WIDTH, false);
        double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double max = Math.max(0, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        LinearScale x = new LinearScale(min, max, frame.left, frame.right);
        frame.xAxis(x, NumberLabels::format, valueTitle);

        double band = (frame.bottom - frame.top) / Math.max(1, labels.size());
        double zero = x.map(0);
        svg.open("g", "class", "bars");
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i);
            double end = x.map(value);
            double y = frame.top + i * band + band * (1 - BAR_FILL) / 2;
            double centre = frame.top + (i + 0.5) * band;
            // The value goes past the bar's end if there is room before the plot's edge, else inside it.
            double room = value < 0 ? end - frame.left : frame.right - end;
            boolean outside = room >= VALUE_ROOM;
            int direction = (value < 0) == outside ? -1 : 1;
            svg.empty("rect", "class", "bar", "data-label", labels.get(i), "data-value", Double.toString(value),
                            "x", ChartFrame.num(Math.min(zero, end)), "y", ChartFrame.num(y),
                            "width", ChartFrame.num(Math.abs(end - zero)), "height", ChartFrame.num(band * BAR_FILL),
                            "fill", ChartFrame.color(i))
                    .text("text", labels.get(i), "class", "category", "x", ChartFrame.num(frame.left - 6),
                            "y", ChartFrame.num(centre), "text-anchor", "end", "dominant-baseline", "middle")
                    .text("text", NumberLabels.format(value), "class", "value",
                            "x", ChartFrame.num(end + direction * VALUE_GAP), "y", ChartFrame.num(centre),
                            "text-anchor", direction < 0 ? "end" : "start", "dominant-baseline", "middle",
                            "fill", outside ? "#000000" : "#ffffff");
        }
        svg.close("g");
        return frame.close();
    }
}
