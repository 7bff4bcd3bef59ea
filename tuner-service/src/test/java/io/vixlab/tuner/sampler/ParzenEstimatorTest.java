package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Densities checked against Optuna's own {@code _ParzenEstimator} (univariate, prior weight 1,
 * magic clip on, endpoints off, default weights) on the same observations. The expected numbers
 * were printed by Optuna 5.0's mixture code with its kernel widths computed by the 3.x rule, in
 * which the prior's centre counts as a neighbour (5.0 dropped that), since 3.x is what we follow.
 */
class ParzenEstimatorTest {

    private static final ParzenEstimatorParameters OPTUNA_DEFAULTS =
            new ParzenEstimatorParameters(1.0, true, false, TpeSampler::defaultWeights);

    @Test
    void floatDensityMatchesOptuna() {
        ParzenEstimator estimator = estimator(new FloatParam("x", 0, 1, false), 0.2, 0.3, 0.9);

        assertThat(estimator.logPdf(new double[] {0.0, 0.25, 0.5, 0.95})).containsExactly(
                new double[] {-0.22725090041539264, 0.3774402608271058, 0.03435413221716743,
                    -0.41482710018566105},
                within(1e-9));
    }

    @Test
    void floatDensityWithRampedWeightsMatchesOptuna() {
        double[] observations = new double[30];
        for (int i = 0; i < 30; i++) {
            double x = 0.05 + 0.9 * i / 29;
            observations[i] = x * x;
        }
        ParzenEstimator estimator = estimator(new FloatParam("x", 0, 1, false), observations);

        assertThat(estimator.logPdf(new double[] {0.01, 0.3, 0.77})).containsExactly(
                new double[] {0.7022539015896758, 0.06458500409442292, -0.3945472663487184}, within(1e-9));
    }

    @Test
    void intDensityIsTheMassOfEachGridCellAsInOptuna() {
        IntParam filters = new IntParam("cnn_filters_1", 64, 256, 64);
        ParzenEstimator estimator = estimator(filters, 64, 64, 128, 256, 192);

        double[] logMass = estimator.logPdf(new double[] {64, 128, 192, 256});

        assertThat(logMass).containsExactly(new double[] {-1.1524208257218223, -1.3221189976126244,
            -1.4737779598081557, -1.6686545716163281}, within(1e-9));
        assertThat(Arrays.stream(logMass).map(Math::exp).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void logScaleDensityIsTakenInLogSpaceAsInOptuna() {
        ParzenEstimator estimator = estimator(new FloatParam("learning_rate", 1e-4, 1e-2, true), 1e-3, 2e-3, 5e-4);

        assertThat(estimator.logPdf(new double[] {1e-4, 1e-3, 3e-3, 1e-2})).containsExactly(
                new double[] {-2.527916095904703, -1.0896996714268465, -1.477122232736085, -2.5279160959047036},
                within(1e-9));
    }

    @Test
    void categoricalDensityIsWorkedByHand() {
        // Four kernels (observations a, a, c and the prior), each weighing 1/4. An observation's row
        // is 1/4 on every choice plus 1 on its own, normalized by 1.75: 5/7 on it, 1/7 elsewhere.
        // The prior's row is uniform. So p(a) = (5/7 + 5/7 + 1/7 + 1/3) / 4 = 10/21,
        // p(b) = (3/7 + 1/3) / 4 = 4/21 and p(c) = (1/7 + 1/7 + 5/7 + 1/3) / 4 = 1/3.
        ParzenEstimator estimator = estimator(new CategoricalParam("kind", List.of("a", "b", "c")), 0, 0, 2);

        double[] logP = estimator.logPdf(new double[] {0, 1, 2});

        assertThat(logP).containsExactly(
                new double[] {Math.log(10.0 / 21), Math.log(4.0 / 21), Math.log(1.0 / 3)}, within(1e-12));
    }

    @Test
    void withoutObservationsOnlyThePriorRemains() {
        ParzenEstimator estimator = estimator(new FloatParam("x", -2, 2, false));

        // The prior alone: N(0, 4) truncated to [-2, 2], so the density at 0 is phi(0)/4 / mass.
        double mass = TruncatedNormal.ndtr(0.5) - TruncatedNormal.ndtr(-0.5);
        double expected = Math.log(1 / Math.sqrt(2 * Math.PI) / 4 / mass);
        assertThat(estimator.logPdf(new double[] {0})[0]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void samplesStayInTheDomainAndFollowTheDensity() {
        IntParam units = new IntParam("lstm_units", 32, 128, 32);
        ParzenEstimator estimator = estimator(units, 32, 32, 32, 64);
        SplittableRandom rng = new SplittableRandom(7);

        double[] samples = estimator.sample(rng, 20_000);

        assertThat(samples).containsOnly(32.0, 64.0, 96.0, 128.0);
        double[] logMass = estimator.logPdf(new double[] {32, 64, 96, 128});
        for (int i = 0; i < 4; i++) {
            double value = 32.0 * (i + 1);
            double frequency = Arrays.stream(samples).filter(x -> x == value).count() / 20_000.0;
            assertThat(frequency).as("frequency of %s", value).isCloseTo(Math.exp(logMass[i]), within(0.015));
        }
    }

    private static ParzenEstimator estimator(ParamSpec spec, double... observations) {
        return ParzenEstimator.build(spec, observations, OPTUNA_DEFAULTS);
    }
}
