package io.vixlab.report.stats;

import static io.vixlab.report.stats.TestDays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.stats.ForecastHealth.Flag;
import io.vixlab.report.stats.ForecastHealth.Kind;
import io.vixlab.report.stats.ForecastHealth.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ForecastHealthTest {

    /** 100 days of actuals 16, 17, …, 25, 16, 17, …: every level ten times. */
    private static final double[] SAWTOOTH = new double[100];
    /** 500 days of a persistent, VIX-like level (AR(1) around 20). */
    private static final double[] VIX_LIKE = new double[501];

    static {
        for (int t = 0; t < SAWTOOTH.length; t++) {
            SAWTOOTH[t] = 16 + t % 10;
        }
        Random random = new Random(11);
        VIX_LIKE[0] = 20;
        for (int t = 1; t < VIX_LIKE.length; t++) {
            VIX_LIKE[t] = 20 + 0.97 * (VIX_LIKE[t - 1] - 20) + 1.2 * random.nextGaussian();
        }
    }

    private static Forecast sawtooth(IntToDoubleFunction predicted) {
        List<Prediction> days = new ArrayList<>();
        for (int t = 0; t < SAWTOOTH.length; t++) {
            days.add(day(t, predicted.applyAsDouble(t), SAWTOOTH[t], 0));
        }
        return new Forecast("model", days);
    }

    /** Day t forecasts VIX_LIKE[t + 1] from the previous close VIX_LIKE[t]. */
    private static Forecast vixLike(IntToDoubleFunction predicted) {
        List<Prediction> days = new ArrayList<>();
        for (int t = 0; t + 1 < VIX_LIKE.length; t++) {
            days.add(day(t, predicted.applyAsDouble(t), VIX_LIKE[t + 1], VIX_LIKE[t]));
        }
        return new Forecast("model", days);
    }

    /*
     * Predictions max(actual, 18): days with actual 16, 17, 18 (30 of 100) sit at the floor 18,
     * and the actual is below it on the days of 16 and 17 (20).
     */
    @Test
    void flagsAFloor() {
        Report report = ForecastHealth.check(sawtooth(t -> Math.max(SAWTOOTH[t], 18)));

        assertThat(report.flags()).containsExactly(new Flag(Kind.FLOOR,
                "30 of 100 days within 0.1 of the floor 18.00 while the actual is below it on 20 days", 0.3, 0.05));
        assertThat(report.healthy()).isFalse();
    }

    @Test
    void flagsACeiling() {
        Report report = ForecastHealth.check(sawtooth(t -> Math.min(SAWTOOTH[t], 23)));

        assertThat(report.flags()).containsExactly(new Flag(Kind.CEILING,
                "30 of 100 days within 0.1 of the ceiling 23.00 while the actual is above it on 20 days", 0.3, 0.05));
    }

    /* Days 40 to 69 predict 20.00 or 20.03 while the actual runs through 16 … 25 three times. */
    @Test
    void flagsANearConstantStretch() {
        Report report = ForecastHealth.check(sawtooth(t -> t >= 40 && t < 70 ? 20 + 0.03 * (t % 2) : SAWTOOTH[t]));

        assertThat(report.flags()).containsExactly(new Flag(Kind.NEAR_CONSTANT,
                "the predictions stay between 20.00 and 20.03 for 30 consecutive days (2024-02-11 to 2024-03-11)"
                        + " while the actual ranges from 16.00 to 25.00", 30, 20));
    }

    @Test
    void flagsASpreadFarNarrowerThanTheActuals() {
        Report report = ForecastHealth.check(vixLike(t -> 20 + 0.3 * (VIX_LIKE[t] - 20)));

        assertThat(report.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(Kind.NARROW_SPREAD);
            assertThat(flag.observed()).isCloseTo(0.3, within(0.02));
            assertThat(flag.reason()).isEqualTo(
                    "the predictions' standard deviation is 1.04 against the actual's 3.48: ratio 0.30, below 0.50");
        });
    }

    @Test
    void passesANoisyForecastThatFollowsTheIndex() {
        Random noise = new Random(3);

        Report report = ForecastHealth.check(vixLike(t -> VIX_LIKE[t] + 0.3 * noise.nextGaussian()));

        assertThat(report.healthy()).isTrue();
        assertThat(report.days()).isEqualTo(500);
    }

    @Test
    void aFlatLineShowsEverySign() {
        Report report = ForecastHealth.check(vixLike(t -> 20));

        assertThat(report.flags()).extracting(Flag::kind)
                .containsExactly(Kind.NEAR_CONSTANT, Kind.FLOOR, Kind.CEILING, Kind.NARROW_SPREAD);
    }

    @Test
    void rejectsAForecastWithoutPredictions() {
        assertThatThrownBy(() -> ForecastHealth.check(new Forecast("empty", List.of())))
                .hasMessage("forecast empty has no predictions to check");
    }
}
