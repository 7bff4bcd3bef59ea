package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import org.junit.jupiter.api.Test;

/** The benchmark's parameters stay inside the search spaces, and a short run reports sane figures. */
class TrainingBenchmarkTest {

    @Test
    void midRangeParametersArePointsOfEachSearchSpace() {
        for (Architecture a : Architecture.values()) {
            assertThat(a.searchSpace().violations(TrainingBenchmark.midParams(a))).as("%s", a).isEmpty();
        }
    }

    @Test
    void aShortRunReportsStepTimeThroughputAndParameterCount() {
        TrainingBenchmark.StepTiming t = TrainingBenchmark.measure(Architecture.BASIC_CNN_LSTM, 1, 3);
        // Keras count for 16 features, filters 64/32, LSTM 64/32, dense 16
        long expected = (3 * 16 * 64 + 64) + (3 * 64 * 32 + 32) + 4L * (64 * (32 + 64) + 64)
                + 4L * (32 * (64 + 32) + 32) + (32 * 16 + 16) + (16 + 1);
        assertThat(t.parameterCount()).isEqualTo(expected);
        assertThat(t.millisPerStep()).isPositive();
        assertThat(t.samplesPerSecond()).isCloseTo(32_000 / t.millisPerStep(), org.assertj.core.data.Percentage.withPercentage(1e-6));
    }
}
