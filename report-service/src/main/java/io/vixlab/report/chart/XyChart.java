package io.vixlab.report.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;

/**
 * A chart of series over a numeric x axis: lines and step lines ({@code polyline class="line"}), points
 * ({@code circle class="point"}) and marks along the bottom edge for events without a y value
 * ({@code line class="mark"}, e.g. pruned trials). Each series is a {@code g class="series"} with a
 * {@code data-name} and has its own colour and legend entry. Non-finite y values are skipped.
 */
public final class XyChart {

    private enum Kind { LINE, STEPS, POINTS, MARKS }

    private record Series(String name, Kind kind, double[] xs, double[] ys) {
    }

    private static final double AXIS_WIDTH = 70;
    private static final double POINT_RADIUS = 3.5;
    private static final double MARK_HEIGHT = 10;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();
    private DoubleFunction<String> xTickLabel = NumberLabels::format;

    public XyChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** Reads x values as epoch days and labels the ticks as ISO dates. */
    public XyChart datesOnX() {
        xTickLabel = x -> LocalDate.ofEpochDay(Math.round(x)).toString();
        return this;
    }

    public XyChart line(String name, double[] xs, double[] ys) {
        return add(new Series(name, Kind.LINE, xs, ys));
    }

    /** A line that holds each value until the next x, as a best-so-far curve. */
    public XyChart steps(String name, double[] xs, double[] ys) {
        return add(new Series(name, Kind.STEPS, xs, ys));
    }

    public XyChart points(String name, double[] xs, double[] ys) {
        return add(new Series(name, Kind.POINTS, xs, ys));
    }

    /** Events at {@code xs} that have no y value, marked on the bottom edge. */
    public XyChart marks(String name, double[] xs) {
        return add(new Series(name, Kind.MARKS, xs, new double[xs.length]));
    }

    private XyChart add(Series s) {
        if (s.xs().length != s.ys().length) {
            throw new IllegalArgumentException("series " + s.name() + " has " + s.xs().length + " x and "
                    + s.ys().length + " y values");
        }
        series.add(s);
        return this;
    }

    public String render() {
        SvgWriter svg = new SvgWriter();
        ChartFrame frame = new ChartFrame(svg, title, AXIS_WIDTH, true);
        LinearScale x = scale(series.stream().flatMapToDouble(s -> DoubleStream.of(s.xs())), frame.left, frame.right);
        LinearScale y = scale(series.stream().filter(s -> s.kind() != Kind.MARKS)
                .flatMapToDouble(s -> DoubleStream.of(s.ys())), frame.bottom, frame.top);
        frame.xAxis(x, xTickLabel, xTitle);
        frame.yAxis(y, yTitle);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = ChartFrame.color(i);
            svg.open("g", "class", "series", "data-name", s.name());
            switch (s.kind()) {
                case LINE, STEPS -> svg.empty("polyline", "class", "line", "points", polylinePoints(s, x, y), "fill", "none",
                        "stroke", color, "stroke-width", "1.5");
                case POINTS -> {
                    for (int j = 0; j < s.xs().length; j++) {
                        if (Double.isFinite(s.ys()[j])) {
                            svg.empty("circle", "class", "point", "cx", ChartFrame.num(x.map(s.xs()[j])),
                                    "cy", ChartFrame.num(y.map(s.ys()[j])), "r", ChartFrame.num(POINT_RADIUS),
                                    "fill", color);
                        }
                    }
                }
                case MARKS -> {
                    for (double value : s.xs()) {
                        String px = ChartFrame.num(x.map(value));
                        svg.empty("line", "class", "mark", "x1", px, "x2", px, "y1", ChartFrame.num(frame.bottom),
                                "y2", ChartFrame.num(frame.bottom - MARK_HEIGHT), "stroke", color, "stroke-width", "2");
                    }
                }
            }
            svg.close("g");
        }
        frame.legend(series.stream().map(Series::name).toList());
        return frame.close();
    }

    private static String polylinePoints(Series s, LinearScale x, LinearScale y) {
        StringBuilder points = new StringBuilder();
        double previousY = Double.NaN;
        for (int j = 0; j < s.xs().length; j++) {
            double value = s.ys()[j];
            if (Double.isFinite(value)) {
                if (s.kind() == Kind.STEPS && Double.isFinite(previousY) && previousY != value) {
                    appendPoint(points, x.map(s.xs()[j]), y.map(previousY));
                }
                appendPoint(points, x.map(s.xs()[j]), y.map(value));
                previousY = value;
            }
        }
        return points.toString();
    }

    private static void appendPoint(StringBuilder points, double px, double py) {
        if (points.length() > 0) {
            points.append(' ');
        }
        points.append(ChartFrame.num(px)).append(',').append(ChartFrame.num(py));
    }

    /** A scale over the finite values; an empty chart gets the unit interval. */
    private static LinearScale scale(DoubleStream values, double rangeStart, double rangeEnd) {
        double[] finite = values.filter(Double::isFinite).toArray();
        double min = DoubleStream.of(finite).min().orElse(0);
        double max = DoubleStream.of(finite).max().orElse(1);
        return new LinearScale(min, max, rangeStart, rangeEnd);
    }
}
