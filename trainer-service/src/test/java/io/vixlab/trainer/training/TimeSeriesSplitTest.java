package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.trainer.training.TimeSeriesSplit.Fold;
import org.junit.jupiter.api.Test;

/** Indices as scikit-learn's TimeSeriesSplit(n_splits=3) gives them, worked out by hand. */
class TimeSeriesSplitTest {

    @Test
    void tenSamples() {
        // test_size = 10 // 4 = 2: train [0..3] test [4, 5]; train [0..5] test [6, 7]; train [0..7] test [8, 9]
        assertThat(TimeSeriesSplit.split(10, 3)).containsExactly(
                new Fold(0, 4, 4, 6), new Fold(1, 6, 6, 8), new Fold(2, 8, 8, 10));
    }

    @Test
    void thirteenSamplesPutTheRemainderIntoTheFirstTrainingBlock() {
        // test_size = 13 // 4 = 3, first test start = 13 - 3 * 3 = 4
        assertThat(TimeSeriesSplit.split(13, 3)).containsExactly(
                new Fold(0, 4, 4, 7), new Fold(1, 7, 7, 10), new Fold(2, 10, 10, 13));
    }

    @Test
    void fiveSplitsOfTwentyThree() {
        // test_size = 23 // 6 = 3, starts 8, 11, 14, 17, 20
        assertThat(TimeSeriesSplit.split(23, 5)).extracting(Fold::testStart).containsExactly(8, 11, 14, 17, 20);
        assertThat(TimeSeriesSplit.split(23, 5)).allSatisfy(f -> assertThat(f.testSize()).isEqualTo(3));
    }

    @Test
    void tooFewSamplesAreRejectedAsScikitLearnDoes() {
        assertThatThrownBy(() -> TimeSeriesSplit.split(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimeSeriesSplit.split(4, 3)).extracting(Fold::trainEnd).containsExactly(1, 2, 3);
    }
}
