package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.tuning.ForecastTarget;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test-part metrics worked out by hand. */
class EvaluationTest {

    @Test
    void metricsInPoints() {
        // errors 1, 1, 0; actual mean 32/3, SS_tot = 26/3; direction: miss (+1 vs 0), hit, hit
        Metrics m = Evaluation.metrics(new double[] {11, 14, 9}, new double[] {10, 13, 9}, new double[] {10, 12, 10});
        assertThat(m.mse()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(m.mae()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.r2()).isCloseTo(10.0 / 13, within(1e-12));
        assertThat(m.directionalAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void scaledForecastsAreTurnedIntoPointsWithTheTargetScaler() {
        ScalerParams scaler = new ScalerParams(ScalerParams.Kind.STANDARD, List.of(), List.of(), 20.0, 5.0);
        // points: predicted 11, 14, 9; actual 10, 13, 9
        float[] predicted = {(11 - 20) / 5f, (14 - 20) / 5f, (9 - 20) / 5f};
        float[] actual = {(10 - 20) / 5f, (13 - 20) / 5f, (9 - 20) / 5f};
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        double[] previous = {10, 12, 10};
        TargetEncoding level = new TargetEncoding(ForecastTarget.LEVEL, scaler, 1);
        Evaluation e = Evaluation.of(level.toPoints(predicted, previous), actual, previous, dates, scaler);
        assertThat(e.points().mse()).isCloseTo(2.0 / 3, within(1e-5));
        assertThat(e.scaled().mse()).isCloseTo(2.0 / 3 / 25, within(1e-6));
        assertThat(e.scaled().r2()).isCloseTo(e.points().r2(), within(1e-5));
        assertThat(e.scaled().directionalAccuracy()).isEqualTo(e.points().directionalAccuracy());
        assertThat(e.predictions()).hasSize(3);
        assertThat(e.predictions().get(1).date()).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(e.predictions().get(1).predicted()).isCloseTo(14, within(1e-5));
        assertThat(e.predictions().get(1).actual()).isCloseTo(13, within(1e-5));
        assertThat(e.predictions().get(1).previousClose()).isEqualTo(12);
    }
}
