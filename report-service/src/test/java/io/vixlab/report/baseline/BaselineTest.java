package io.vixlab.report.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.baseline.BaselineInput.DailyClose;
import io.vixlab.report.stats.Forecast;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 2);

    static List<DailyClose> closes(double... values) {
        List<DailyClose> closes = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            closes.add(new DailyClose(DAY.plusDays(i), values[i]));
        }
        return closes;
    }

    private static double[] predicted(Forecast forecast) {
        return forecast.predictions().stream().mapToDouble(Prediction::predicted).toArray();
    }

    private static final BaselineInput SMALL = new BaselineInput(closes(1, 3, 2, 4, 5, 3), 4);

    @Test
    void randomWalkRepeatsTheLastClose() {
        Forecast forecast = new RandomWalkBaseline().forecast(SMALL);

        assertThat(forecast.predictions()).containsExactly(
                new Prediction(DAY.plusDays(4), 4, 5, 4),
                new Prediction(DAY.plusDays(5), 5, 3, 5));
    }

    @Test
    void trainingMeanUsesOnlyTheTrainingPart() {
        // (1 + 3 + 2 + 4) / 4; the test closes 5 and 3 do not enter.
        assertThat(predicted(new TrainingMeanBaseline().forecast(SMALL))).containsExactly(2.5, 2.5);
    }

    /*
     * By hand: training pairs (y_{t-1}, y_t) = (1, 3), (3, 2), (2, 4); x̄ = 2, ȳ = 3,
     * Sxy = (-1)(0) + (1)(-1) + (0)(1) = -1, Sxx = 2, φ = -0.5, c = 3 + 0.5 · 2 = 4.
     * Forecasts: 4 - 0.5 · 4 = 2 and 4 - 0.5 · 5 = 1.5.
     */
    @Test
    void ar1MatchesHandComputedLeastSquares() {
        LaggedRegressionBaseline ar1 = LaggedRegressionBaseline.ar1();

        assertThat(ar1.coefficients(SMALL)).containsExactly(new double[] {4, -0.5}, within(1e-12));
        assertThat(predicted(ar1.forecast(SMALL))).containsExactly(new double[] {2, 1.5}, within(1e-12));
    }

    @Test
    void ar1RecoversAnExactAutoregression() {
        double[] values = new double[12];
        values[0] = 30;
        for (int t = 1; t < values.length; t++) {
            values[t] = 2 + 0.9 * values[t - 1];
        }
        BaselineInput input = new BaselineInput(closes(values), 9);

        assertThat(LaggedRegressionBaseline.ar1().coefficients(input)).containsExactly(new double[] {2, 0.9}, within(1e-9));
        assertThat(predicted(LaggedRegressionBaseline.ar1().forecast(input)))
                .containsExactly(new double[] {values[9], values[10], values[11]}, within(1e-9));
    }

    // 43 closes of a simulated AR process (numpy seed 7), split at 40. Reference coefficients and
    // forecasts from numpy.linalg.lstsq on the design [1, y_{t-1}, mean(y_{t-5..t-1}),
    // mean(y_{t-22..t-1})] for t = 22..39, computed independently of this code.
    private static final double[] SIMULATED = {
        15.0, 14.75, 14.99, 14.33, 12.84, 12.23, 10.91, 11.36, 13.67, 12.88, 12.02, 12.95, 13.54, 13.67,
        12.22, 12.34, 13.53, 11.48, 11.07, 9.0, 9.0, 9.0, 9.3, 9.0, 10.06, 10.79, 10.89, 9.0, 9.0, 9.58,
        10.31, 9.0, 9.0, 9.0, 9.0, 11.24, 10.34, 10.74, 12.46, 11.72, 11.79, 12.19, 12.46};

    @Test
    void harMatchesIndependentLeastSquares() {
        BaselineInput input = new BaselineInput(closes(SIMULATED), 40);
        LaggedRegressionBaseline har = LaggedRegressionBaseline.har();

        assertThat(har.coefficients(input)).containsExactly(
                new double[] {11.80106265, 0.50233175, -0.20711351, -0.43112287}, within(1e-6));
        assertThat(predicted(har.forecast(input))).containsExactly(
                new double[] {11.066174092896123, 11.064445353432628, 11.126233237721774}, within(1e-9));
    }

    @Test
    void harNeedsMoreThanAMonthOfTrainingCloses() {
        BaselineInput input = new BaselineInput(closes(SIMULATED), 25);

        assertThatThrownBy(() -> LaggedRegressionBaseline.har().forecast(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HAR");
    }

    @Test
    void everyStandardBaselineForecastsEveryTestDay() {
        BaselineInput input = new BaselineInput(closes(SIMULATED), 40);

        assertThat(Baseline.standard()).extracting(Baseline::name)
                .containsExactly("Random walk", "Training mean", "AR(1)", "HAR");
        assertThat(Baseline.standard()).allSatisfy(baseline -> assertThat(baseline.forecast(input).predictions())
                .extracting(Prediction::date)
                .containsExactly(DAY.plusDays(40), DAY.plusDays(41), DAY.plusDays(42)));
    }
}
