package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Keras's default initialisers. */
class InitializerTest {

    @Test
    void glorotUniformStaysWithinKerasLimitUsingKerasFans() {
        long[] conv = {3, 16, 32}; // Conv1D kernel: fan_in = 3 * 16, fan_out = 3 * 32
        assertThat(Initializer.fans(conv)).containsExactly(48, 96);
        double limit = Math.sqrt(6.0 / (48 + 96));
        double[] v = Initializer.glorotUniform().sample(conv, new SplittableRandom(1));
        assertThat(v).hasSize(3 * 16 * 32);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        assertThat(max).isLessThanOrEqualTo(limit);
        assertThat(max).as("uses the whole range").isGreaterThan(0.9 * limit);
        assertThat(Initializer.fans(new long[] {5, 7})).containsExactly(5, 7);
    }

    @Test
    void orthogonalRecurrentKernelHasOrthonormalRows() {
        int units = 8;
        double[] v = Initializer.orthogonal().sample(new long[] {units, 4L * units}, new SplittableRandom(2));
        for (int a = 0; a < units; a++) {
            for (int b = 0; b < units; b++) {
                double dot = 0;
                for (int c = 0; c < 4 * units; c++) {
                    dot += v[a * 4 * units + c] * v[b * 4 * units + c];
                }
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, within(1e-9));
            }
        }
    }

    @Test
    void lstmBiasIsOneOnTheForgetGateOnly() {
        double[] b = Initializer.lstmBias(3).sample(new long[] {12}, new SplittableRandom(3));
        assertThat(b).containsExactly(0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void sameSeedSameValues() {
        long[] shape = {4, 6};
        assertThat(Initializer.glorotUniform().sample(shape, new SplittableRandom(9)))
                .containsExactly(Initializer.glorotUniform().sample(shape, new SplittableRandom(9)));
        assertThat(Initializer.glorotUniform().sample(shape, new SplittableRandom(9)))
                .isNotEqualTo(Initializer.glorotUniform().sample(shape, new SplittableRandom(10)));
    }
}
