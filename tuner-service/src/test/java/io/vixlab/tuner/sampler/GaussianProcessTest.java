package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.tuner.sampler.GaussianProcess.KernelParams;
import io.vixlab.tuner.sampler.GaussianProcess.Posterior;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    /**
     * A two-point design in two dimensions, the second categorical: x1 = (0, a), x2 = (1, b),
     * y = (1, -1); inverse squared lengthscales (4, 0.5), kernel scale s = 2, noise n = 0.1;
     * query q = (0.25, a). With m(r2) = exp(-sqrt(5 r2)) (5/3 r2 + sqrt(5 r2) + 1):
     * <pre>
     *   K + nI = [[a, b], [b, a]],  a = s + n = 2.1,  b = s m(4 * 1 + 0.5 * 1) = 0.23066963366616508823
     *   k = (s m(4 * 0.0625), s m(4 * 0.5625 + 0.5)) = (1.6572982848362506262, 0.45572791931559719180)
     *   (K + nI)^-1 = [[a, -b], [-b, a]] / (a^2 - b^2)
     *   mean = (k1 (a y1 - b y2) + k2 (a y2 - b y1)) / (a^2 - b^2)        = 0.64278117295938188284
     *   variance = s - (a (k1^2 + k2^2) - 2 b k1 k2) / (a^2 - b^2)         = 0.65597317972539152036
     * </pre>
     * (the numbers evaluated with mpmath at 50 digits).
     */
    @Test
    void posteriorOfATwoPointDesignEqualsTheClosedForm() {
        GaussianProcess process = GaussianProcess.of(new double[][] {{0, 0}, {1, 1}}, new double[] {1, -1},
                new boolean[] {false, true}, new KernelParams(new double[] {4, 0.5}, 2, 0.1));

        Posterior posterior = process.posterior(new double[] {0.25, 0});

        assertThat(posterior.mean()).isCloseTo(0.64278117295938188284, within(1e-14));
        assertThat(posterior.variance()).isCloseTo(0.65597317972539152036, within(1e-14));
    }

    @Test
    void maternKernelHasItsClosedForm() {
        assertThat(MaternKernel.matern52(0)).isEqualTo(1.0);
        // r2 = 1: exp(-sqrt 5) (5/3 + sqrt 5 + 1).
        assertThat(MaternKernel.matern52(1))
                .isCloseTo(Math.exp(-Math.sqrt(5)) * (5.0 / 3 + Math.sqrt(5) + 1), within(1e-16));
    }

    @Test
    void fitObjectiveGradientMatchesFiniteDifferences() {
        double[][] x = {{0.1, 0}, {0.5, 1}, {0.7, 2}, {0.9, 0}, {0.3, 1}, {0.35, 0}};
        double[] y = {0.3, -1.2, 0.8, 0.1, 0.0, 0.4};
        MarginalLikelihood likelihood =
                new MarginalLikelihood(x, y, new boolean[] {false, true});
        double[] raw = {0.7, -0.4, 0.2, -3};

        double[] gradient = likelihood.gradient(raw);

        for (int k = 0; k < raw.length; k++) {
            double h = 1e-6;
            double[] up = raw.clone();
            double[] down = raw.clone();
            up[k] += h;
            down[k] -= h;
            double centralDifference = (likelihood.loss(up) - likelihood.loss(down)) / (2 * h);
            assertThat(gradient[k]).as("parameter %d", k).isCloseTo(centralDifference, within(1e-6));
        }
    }

    @Test
    void fitFindsTheRelevantDimensionAndPredictsTheFunction() {
        // y depends on the first coordinate only: its lengthscale must come out far shorter.
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }
        GaussianProcess process = GaussianProcess.fit(x, y, new boolean[] {false, false}, 400);

        double[] lengthscales = process.params().inverseSquaredLengthscales();
        assertThat(lengthscales[0]).isGreaterThan(20 * lengthscales[1]);
        assertThat(process.posterior(new double[] {0.3, 0.7}).mean()).isCloseTo(Math.sin(1.8), within(0.05));
    }

    @Test
    void fitIsTheSameForTheSameData() {
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.7, 0.3}, {0.9, 0.6}, {0.3, 0.4}};
        double[] y = {0.3, -1.2, 0.8, 0.1, 0.0};

        KernelParams first = GaussianProcess.fit(x, y, new boolean[] {false, false}, 400).params();
        KernelParams second = GaussianProcess.fit(x, y, new boolean[] {false, false}, 400).params();

        assertThat(second.inverseSquaredLengthscales()).containsExactly(first.inverseSquaredLengthscales());
        assertThat(second.kernelScale()).isEqualTo(first.kernelScale());
        assertThat(second.noiseVariance()).isEqualTo(first.noiseVariance());
    }
}
