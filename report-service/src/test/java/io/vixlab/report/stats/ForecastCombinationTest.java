package io.vixlab.report.stats;

import static io.vixlab.report.stats.TestDays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastCombinationTest {

    /*
     * By hand, on days 1 to 3 (the days all three cover):
     * day 1: (20 + 21 + 23) / 3 = 64 / 3; day 2: (22 + 21 + 20) / 3 = 21; day 3: (24 + 27 + 21) / 3 = 24.
     */
    @Test
    void averagesThePredictionsOnTheDaysAllForecastsCover() {
        Forecast a = new Forecast("A", List.of(day(1, 20, 20.5, 19), day(2, 22, 21.5, 20.5), day(3, 24, 23, 21.5)));
        Forecast b = new Forecast("B", List.of(
                day(1, 21, 20.5, 19), day(2, 21, 21.5, 20.5), day(3, 27, 23, 21.5), day(4, 30, 24, 23)));
        Forecast c = new Forecast("C", List.of(
                day(0, 19, 19, 18), day(3, 21, 23, 21.5), day(2, 20, 21.5, 20.5), day(1, 23, 20.5, 19)));

        Forecast combined = ForecastCombination.equalWeight(List.of(a, b, c));

        assertThat(combined.name()).isEqualTo("Equal-weight combination");
        assertThat(combined.predictions()).containsExactly(
                day(1, 64.0 / 3, 20.5, 19), day(2, 21, 21.5, 20.5), day(3, 24, 23, 21.5));
    }

    @Test
    void actualsThatDifferOnlyByRoundingAreTheSameClose() {
        Forecast model = new Forecast("model", List.of(day(0, 20, 20.000004, 19)));
        Forecast baseline = new Forecast("baseline", List.of(day(0, 19, 20, 19)));

        assertThat(ForecastCombination.equalWeight(List.of(model, baseline)).predictions())
                .containsExactly(day(0, 19.5, 20.000004, 19));
    }

    @Test
    void rejectsForecastsOfDifferentClosesAndASingleForecast() {
        Forecast a = new Forecast("A", List.of(day(0, 20, 20, 19)));
        Forecast b = new Forecast("B", List.of(day(0, 20, 21, 19)));

        assertThatThrownBy(() -> ForecastCombination.equalWeight(List.of(a, b)))
                .hasMessage("forecasts A and B disagree on the actual close of 2024-01-02: 20.0 and 21.0");
        assertThatThrownBy(() -> ForecastCombination.equalWeight(List.of(a)))
                .hasMessage("a combination needs at least two forecasts, got 1");
    }
}
