package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values from SciPy ({@code special.ndtr}, {@code log_ndtr}, {@code stats.truncnorm}) and mpmath. */
class TruncatedNormalTest {

    @Test
    void normalDistributionFunctionMatchesScipy() {
        assertThat(TruncatedNormal.ndtr(1.0)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(TruncatedNormal.ndtr(0.3)).isCloseTo(0.6179114221889526, within(1e-15));
        assertThat(TruncatedNormal.ndtr(-3.0)).isCloseTo(0.0013498980316300933, within(1e-18));
    }

    @Test
    void logDistributionFunctionKeepsPrecisionInBothTails() {
        assertThat(TruncatedNormal.logNdtr(-30.0)).isCloseTo(-454.32124395634327, within(1e-10));
        assertThat(TruncatedNormal.logNdtr(-5.0)).isCloseTo(-15.064998393988727, within(1e-12));
        assertThat(TruncatedNormal.logNdtr(-0.5)).isCloseTo(-1.1759117615936188, within(1e-14));
        assertThat(TruncatedNormal.logNdtr(10.0)).isCloseTo(-7.61985302416047e-24, within(1e-36));
    }

    @Test
    void logGaussMassOfIntervalsInEveryPosition() {
        assertThat(TruncatedNormal.logGaussMass(-1, 1)).isCloseTo(-0.38171514630212605, within(1e-14));
        assertThat(TruncatedNormal.logGaussMass(-0.5, 40)).isCloseTo(-0.3689464152886564, within(1e-14));
        // Both far in a tail, where the plain difference of distribution functions is 0.
        assertThat(TruncatedNormal.logGaussMass(30, 31)).isCloseTo(-454.32124395634327, within(1e-9));
        assertThat(TruncatedNormal.logGaussMass(-40, -35)).isCloseTo(-616.9751012619225, within(1e-9));
    }

    @Test
    void quantilesMatchScipyTruncnorm() {
        assertThat(TruncatedNormal.ppf(0.3, -1, 2)).isCloseTo(-0.2424038178892269, within(1e-12));
        assertThat(TruncatedNormal.ppf(0.7, 3, 5)).isCloseTo(3.349238484785686, within(1e-12));
        assertThat(TruncatedNormal.ppf(0.5, -40, -35)).isCloseTo(-35.01978249630718, within(1e-9));
        assertThat(TruncatedNormal.ppf(0.25, 30, 31)).isCloseTo(30.009577257491088, within(1e-9));
        assertThat(TruncatedNormal.ppf(0, -1, 2)).isEqualTo(-1);
        assertThat(TruncatedNormal.ppf(1, -1, 2)).isEqualTo(2);
    }

    @Test
    void densityMatchesScipyInsideAndIsZeroOutside() {
        assertThat(TruncatedNormal.logPdf(0.5, -1, 2)).isCloseTo(-0.84377223888021, within(1e-13));
        assertThat(TruncatedNormal.logPdf(2.5, -1, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(TruncatedNormal.logPdf(-1.5, -1, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
