package io.vixlab.features.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Compares a feature column with expected values, where {@code NaN} means "undefined on that day". */
final class SeriesAssert {

    private static final double TOLERANCE = 1e-12;

    private SeriesAssert() {
    }

    static void assertSeries(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int d = 0; d < expected.length; d++) {
            if (Double.isNaN(expected[d])) {
                assertThat(actual[d]).as("day %d is undefined", d).isNaN();
            } else {
                assertThat(actual[d]).as("day %d", d).isCloseTo(expected[d], within(TOLERANCE));
            }
        }
    }
}
