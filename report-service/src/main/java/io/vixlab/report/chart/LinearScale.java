package io.vixlab.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval. The data interval is widened to whole multiples of a
 * "nice" tick step (1, 2 or 5 times a power of ten) so that the axis starts and ends on a tick.
 */
final class LinearScale {

    private static final int TARGET_TICKS = 5;

    private final double domainMin;
    private final double domainMax;
    private final double step;
    private final double rangeStart;
    private final double rangeEnd;

    /** @param rangeStart pixel of {@code min}; may be larger than {@code rangeEnd} (SVG's y axis) */
    LinearScale(double min, double max, double rangeStart, double rangeEnd) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("no finite data interval: [" + min + ", " + max + "]");
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        this.step = niceStep((max - min) / TARGET_TICKS);
        this.domainMin = Math.floor(min / step) * step;
        this.domainMax = Math.ceil(max / step) * step;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
    }

    double map(double value) {
        return rangeStart + (value - domainMin) / (domainMax - domainMin) * (rangeEnd - rangeStart);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(domainMin / step);
        long last = Math.round(domainMax / step);
        for (long i = first; i <= last; i++) {
            // A multiple of the step, not an accumulated sum, so that zero is exactly 0.
            ticks.add(i * step);
        }
        return ticks;
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
