package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.tuning.ForecastTarget;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log-change target by hand: what the network learns, and that an output of 0 is the random walk. */
class TargetEncodingTest {

    /** Next closes are scaled with center 20 and scale 5, as the dataset's target scaler does. */
    private static final ScalerParams SCALER = new ScalerParams(ScalerParams.Kind.STANDARD, List.of(), List.of(), 20.0,
            5.0);

    private static Windows windows(double... nextCloses) {
        float[] y = new float[nextCloses.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) SCALER.toScaled(nextCloses[i]);
        }
        return new Windows(new float[y.length * 2], y, 2, 1);
    }

    @Test
    void logChangesAreLearnedInUnitsOfTheirTrainingDeviation() {
        // closes 20 -> 22 -> 20.9 -> 23: log changes ln 1.1, ln 0.95, ln(23/20.9)
        Windows train = windows(22, 20.9, 23);
        double[] previous = {20, 22, 20.9};
        TargetEncoding encoding = TargetEncoding.fit(ForecastTarget.LOG_CHANGE, train, previous, SCALER);

        double a = Math.log(1.1);
        double b = Math.log(0.95);
        double c = Math.log(23 / 20.9);
        double mean = (a + b + c) / 3;
        double deviation = Math.sqrt(((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 3);
        // the closes pass through float scaling, so the changes hold to float precision
        assertThat(encoding.logChangeScale()).isCloseTo(deviation, within(1e-6));
        Windows encoded = encoding.encode(train, previous);
        assertThat(encoded.y()[0]).isCloseTo((float) (a / deviation), within(1e-4f));
        assertThat(encoded.y()[1]).isCloseTo((float) (b / deviation), within(1e-4f));
        assertThat(encoded.y()[2]).isCloseTo((float) (c / deviation), within(1e-4f));
        assertThat(encoded.x()).isSameAs(train.x());

        // the encoded target, forecast back, is the next close
        double[] forecasts = encoding.toPoints(encoded.y(), previous);
        assertThat(forecasts).containsExactly(new double[] {22, 20.9, 23}, within(1e-4));
    }

    @Test
    void anOutputOfZeroForecastsTheLastCloseAndScoresExactlyAsTheRandomWalk() {
        TargetEncoding encoding = TargetEncoding.fit(ForecastTarget.LOG_CHANGE, windows(22, 20.9, 23),
                new double[] {20, 22, 20.9}, SCALER);
        // test days: last closes 20, 22, 21; next closes 22, 21, 24: the random walk errs by 2, 1 and 3
        double[] previous = {20, 22, 21};
        Windows test = windows(22, 21, 24);
        double[] forecasts = encoding.toPoints(new float[3], previous);
        assertThat(forecasts).containsExactly(previous);

        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        Metrics points = Evaluation.of(forecasts, test.y(), previous, dates, SCALER).points();
        assertThat(points.mse()).isCloseTo((4 + 1 + 9) / 3.0, within(1e-5));
        assertThat(points.mae()).isCloseTo(2.0, within(1e-5));
        // no change forecast, every day changed: no direction is ever right
        assertThat(points.directionalAccuracy()).isZero();
        // and it is the random walk's score to the last bit
        Metrics randomWalk = Evaluation.metrics(previous, Evaluation.of(previous, test.y(), previous, dates, SCALER)
                .predictions().stream().mapToDouble(p -> p.actual()).toArray(), previous);
        assertThat(points).isEqualTo(randomWalk);
    }

    @Test
    void theLevelTargetIsTheDatasetsScaledClose() {
        Windows train = windows(22, 20.9, 23);
        TargetEncoding level = TargetEncoding.fit(ForecastTarget.LEVEL, train, new double[] {20, 22, 20.9}, SCALER);
        assertThat(level.encode(train, new double[] {20, 22, 20.9})).isSameAs(train);
        assertThat(level.toPoints(new float[] {0.4f, -1f}, new double[] {1, 1}))
                .containsExactly(new double[] {22, 15}, within(1e-6));
    }

    @Test
    void closesThatCannotHaveALogChangeOrHaveNoSpreadAreRefusedByName() {
        assertThatThrownBy(() -> TargetEncoding.fit(ForecastTarget.LOG_CHANGE, windows(22, 0),
                new double[] {20, 22}, SCALER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive closes")
                .hasMessageContaining("window 1");
        assertThatThrownBy(() -> TargetEncoding.fit(ForecastTarget.LOG_CHANGE, windows(22, 22),
                new double[] {20, 20}, SCALER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no spread");
    }
}
