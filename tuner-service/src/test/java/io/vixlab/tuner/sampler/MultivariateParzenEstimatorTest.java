package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultivariateParzenEstimatorTest {

    private static final List<ParamSpec> UNIT_SQUARE =
            List.of(new FloatParam("x", 0, 1, false), new FloatParam("y", 0, 1, false));

    /** Equal weights, prior weight 1, no magic clip (so the neighbour widths show), endpoints off. */
    private static final ParzenEstimatorParameters PARAMETERS =
            new ParzenEstimatorParameters(1.0, false, false, TpeSampler::defaultWeights);

    /**
     * Observations (0.2, 0.3) and (0.8, 0.6) on [0, 1]^2. Widths per dimension by the neighbour
     * rule, the prior's centre 0.5 among the neighbours and the outermost observations looking
     * inwards: x: 0.2 -> 0.5 - 0.2 = 0.3, 0.8 -> 0.8 - 0.5 = 0.3; y: 0.3 -> 0.5 - 0.3 = 0.2,
     * 0.6 -> 0.6 - 0.5 = 0.1; the prior kernel N(0.5, 1) in both. Weights 1/3 each. So
     * <pre>
     *   p(x, y) = 1/3 [T(x; 0.2, 0.3) T(y; 0.3, 0.2) + T(x; 0.8, 0.3) T(y; 0.6, 0.1) + T(x; 0.5, 1) T(y; 0.5, 1)]
     * </pre>
     * with T the normal density truncated to [0, 1]; log p evaluated with mpmath.
     */
    @Test
    void jointDensityEqualsTheHandComputedMixture() {
        MultivariateParzenEstimator estimator = MultivariateParzenEstimator.build(
                UNIT_SQUARE, new double[][] {{0.2, 0.3}, {0.8, 0.6}}, PARAMETERS);

        assertThat(estimator.logPdf(new double[][] {{0.4, 0.5}, {0.25, 0.3}, {0.25, 0.6}})).containsExactly(
                new double[] {0.4522742848248967758, 0.47340659326368434882, 0.18223275424997826128},
                within(1e-12));
    }

    @Test
    void drawsKeepTheObservedPairsTogether() {
        // Two tight clusters at (0.1, 0.1) and (0.9, 0.9): joint draws land near one of them, rarely
        // at a mixed corner; a product of marginals would put half of its draws there.
        double[][] observations = new double[40][];
        for (int i = 0; i < 40; i++) {
            double centre = i % 2 == 0 ? 0.1 : 0.9;
            observations[i] = new double[] {centre + 0.001 * i, centre - 0.001 * i};
        }
        MultivariateParzenEstimator estimator = MultivariateParzenEstimator.build(UNIT_SQUARE, observations,
                new ParzenEstimatorParameters(1.0, true, false, TpeSampler::defaultWeights));

        double[][] draws = estimator.sample(new SplittableRandom(1), 1_000);

        long mixed = Arrays.stream(draws).filter(d -> Math.abs(d[0] - d[1]) > 0.5).count();
        assertThat(mixed).isLessThan(50);
    }
}
