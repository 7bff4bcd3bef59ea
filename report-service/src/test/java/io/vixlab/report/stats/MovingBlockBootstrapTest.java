package io.vixlab.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovingBlockBootstrapTest {

    @Test
    void defaultBlockLengthIsTheRoundedCubeRootOfTheDays() {
        assertThat(MovingBlockBootstrap.defaultBlockLength(1000)).isEqualTo(10);
        assertThat(MovingBlockBootstrap.defaultBlockLength(1007)).isEqualTo(10);
        assertThat(MovingBlockBootstrap.defaultBlockLength(125)).isEqualTo(5);
        assertThat(MovingBlockBootstrap.defaultBlockLength(2)).isEqualTo(1);
        assertThat(MovingBlockBootstrap.defaultBlockLength(1)).isEqualTo(1);
    }

    @Test
    void resamplesAreBlocksOfConsecutiveDaysStartingAnywhereABlockFits() {
        int[][] resamples = MovingBlockBootstrap.withBlockLength(10, 5).draw(25, 200);

        assertThat(resamples).hasNumberOfRows(200);
        for (int[] resample : resamples) {
            assertThat(resample).hasSize(25);
            for (int t = 0; t < 25; t++) {
                if (t % 10 == 0) {
                    assertThat(resample[t]).isBetween(0, 15); // a block of 10 starts at 0 … 25 - 10
                } else {
                    assertThat(resample[t]).isEqualTo(resample[t - 1] + 1);
                }
            }
        }
        // every possible start is drawn at some point in 600 draws of 16 starts
        assertThat(Arrays.stream(resamples).mapToInt(resample -> resample[0]).distinct().count())
                .isEqualTo(16);
    }

    @Test
    void theSameSeedDrawsTheSameResamplesAndAnotherSeedOthers() {
        int[][] first = MovingBlockBootstrap.withDefaultBlockLength(2011).draw(1000, 50);

        assertThat(MovingBlockBootstrap.withDefaultBlockLength(2011).draw(1000, 50)).isDeepEqualTo(first);
        assertThat(Arrays.deepEquals(MovingBlockBootstrap.withDefaultBlockLength(2012).draw(1000, 50), first))
                .isFalse();
    }

    @Test
    void aBlockLongerThanTheSeriesIsCutToIt() {
        MovingBlockBootstrap bootstrap = MovingBlockBootstrap.withBlockLength(10, 5);

        assertThat(bootstrap.blockLength(4)).isEqualTo(4);
        assertThat(bootstrap.draw(4, 3)).isDeepEqualTo(new int[][] {{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}});
    }

    @Test
    void rejectsAnEmptyBlockOrSeries() {
        assertThatThrownBy(() -> MovingBlockBootstrap.withBlockLength(0, 5))
                .hasMessage("block length must be at least 1, was 0");
        assertThatThrownBy(() -> MovingBlockBootstrap.withBlockLength(3, 5).draw(0, 10))
                .hasMessage("a bootstrap needs at least one day and one replication, got 0 and 10");
    }
}
