package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * log h(z), h(z) = phi(z) + z Phi(z), against references computed apart from the code: mpmath at 50
 * digits ({@code log(npdf(z) + z * ncdf(z))}), and far in the tail the asymptotic series
 * h(z) = phi(z) / z^2 (1 - 3/z^2 + 15/z^4 - 105/z^6 + 945/z^8 - ...), where h itself underflows.
 */
class LogExpectedImprovementTest {

    @ParameterizedTest(name = "z = {0}")
    @CsvSource({
        "0, -0.91893853320467274178",
        "1, 0.080026218849306940029",
        "-0.99, -2.4661143916690493822",
        "-1, -2.4851210257126413368",
        "3, 1.0987396653277077727",
        "-5, -16.744301162660990143",
        "-20, -206.91783850942509785",
        // Either side of where Optuna switches to its tail formula.
        "-24.99, -319.61071722137368471",
        "-25.01, -320.11230962614203637",
        "-30, -457.72465376059800405",
        "-40, -808.29856835661996024",
        "-100, -5010.1295788002497923",
        "-1000, -500014.73445209115845"})
    void standardLogEiMatchesTheHighPrecisionReference(double z, double reference) {
        assertThat(LogExpectedImprovement.standard(z)).isCloseTo(reference, Percentage.withPercentage(1e-11));
    }

    @Test
    void farTailFollowsTheAsymptoticSeriesInsteadOfUnderflowing() {
        for (double z : new double[] {-40, -60, -200}) {
            double inverseSquare = 1 / (z * z);
            double series = 1 - 3 * inverseSquare + 15 * Math.pow(inverseSquare, 2) - 105 * Math.pow(inverseSquare, 3)
                    + 945 * Math.pow(inverseSquare, 4);
            double reference = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(z * z) + Math.log(series);

            assertThat(LogExpectedImprovement.standard(z)).as("z = %s", z).isCloseTo(reference, within(1e-9));
        }
        // exp of it is 0 in doubles: the logarithm still ranks two points in the tail.
        assertThat(Math.exp(LogExpectedImprovement.standard(-40))).isZero();
        assertThat(LogExpectedImprovement.standard(-41)).isLessThan(LogExpectedImprovement.standard(-40));
    }

    @Test
    void expectedImprovementScalesWithTheStandardDeviation() {
        // best 1, mean 0, variance 4: sigma 2, z = (1 - 0) / 2.
        assertThat(LogExpectedImprovement.of(0, 4, 1))
                .isCloseTo(Math.log(2) + LogExpectedImprovement.standard(0.5), within(1e-15));
        // mean 0.5 above the best with sigma 0.5: z = -1, the reference above.
        assertThat(LogExpectedImprovement.of(1.5, 0.25, 1))
                .isCloseTo(Math.log(0.5) - 2.4851210257126413368, within(1e-14));
    }
}
