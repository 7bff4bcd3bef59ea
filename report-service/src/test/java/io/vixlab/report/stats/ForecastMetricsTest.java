package io.vixlab.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.Prediction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    private static Prediction day(int i, double previousClose, double actual, double predicted) {
        return new Prediction(DAY.plusDays(i), predicted, actual, previousClose);
    }

    /*
     * By hand: errors (actual - predicted) 0.5, -0.5, -1, 1, -1.
     * MSE = (0.25 + 0.25 + 1 + 1 + 1) / 5 = 0.7, RMSE = sqrt(0.7), MAE = 4 / 5 = 0.8.
     * Actual mean 20.8, SS_tot = 0.04 + 1.44 + 0.04 + 0.64 + 0.64 = 2.8, R² = 1 - 3.5 / 2.8 = -0.25.
     * Directions (forecast vs actual change): +/+ hit, +/+ hit, 0/- miss, -/- hit, +/0 miss: 3 / 5.
     */
    @Test
    void fivePointSeriesMatchesHandComputation() {
        Metrics metrics = ForecastMetrics.of(List.of(
                day(0, 20, 21, 20.5),
                day(1, 21, 22, 22.5),
                day(2, 22, 21, 22),
                day(3, 21, 20, 19),
                day(4, 20, 20, 21)));

        assertThat(metrics.mse()).isCloseTo(0.7, within(1e-12));
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(0.7), within(1e-12));
        assertThat(metrics.mae()).isCloseTo(0.8, within(1e-12));
        assertThat(metrics.r2()).isCloseTo(-0.25, within(1e-12));
        assertThat(metrics.directionalAccuracy()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void forecastOfNoChangeHitsOnlyADayWithoutChange() {
        Metrics metrics = ForecastMetrics.of(List.of(
                day(0, 20, 20, 20),
                day(1, 20, 21, 20)));

        assertThat(metrics.directionalAccuracy()).isEqualTo(0.5);
    }

    @Test
    void perfectForecastHasZeroErrorAndUnitR2() {
        Metrics metrics = ForecastMetrics.of(List.of(day(0, 20, 21, 21), day(1, 21, 19, 19)));

        assertThat(metrics).isEqualTo(new Metrics(0, 0, 0, 1, 1));
    }

    @Test
    void r2OfActualValuesThatDoNotVaryIsScikitLearnsForceFinite() {
        // sklearn.metrics.r2_score([21, 21], [20, 22]) == 0.0 and r2_score([21, 21], [21, 21]) == 1.0
        assertThat(ForecastMetrics.of(List.of(day(0, 20, 21, 20), day(1, 21, 21, 22))).r2()).isEqualTo(0.0);
        assertThat(ForecastMetrics.of(List.of(day(0, 20, 21, 21), day(1, 21, 21, 21))).r2()).isEqualTo(1.0);
    }

    @Test
    void emptySeriesIsRejected() {
        assertThatThrownBy(() -> ForecastMetrics.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
