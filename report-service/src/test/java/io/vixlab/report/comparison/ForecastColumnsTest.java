package io.vixlab.report.comparison;

import static io.vixlab.report.fixture.StudyFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.report.ConfidenceSetMember.Kind;
import io.vixlab.contracts.report.ForecastSeries;
import io.vixlab.contracts.report.ForecastTable;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.report.stats.Forecast;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastColumnsTest {

    private static final Forecast EVERY_DAY = new Forecast("Basic_CNN_LSTM", List.of(
            new Prediction(day(2), 12.5, 13.0, 12.0), new Prediction(day(1), 11.5, 12.0, 11.0)));
    private static final Forecast ONE_DAY = new Forecast("Random walk", List.of(new Prediction(day(2), 12.0, 13.0, 12.0)));

    @Test
    void daysOnceInDateOrderEachSeriesAColumnAndASeriesSkippingDaysNamesItsOwn() {
        ForecastTable table = ForecastColumns.of(List.of(new ConfidenceSets.Candidate(EVERY_DAY, Kind.ARCHITECTURE),
                new ConfidenceSets.Candidate(ONE_DAY, Kind.BASELINE)));

        assertThat(table).isEqualTo(new ForecastTable(List.of(day(1), day(2)), List.of(12.0, 13.0), List.of(11.0, 12.0),
                List.of(new ForecastSeries("Basic_CNN_LSTM", Kind.ARCHITECTURE, null, List.of(11.5, 12.5)),
                        new ForecastSeries("Random walk", Kind.BASELINE, List.of(day(2)), List.of(12.0)))));
    }

    @Test
    void aModelsFloatScaledClosesAreTheBaselinesQuotedClosesWhichTheTableKeeps() {
        // as a real study's: the model's closes come back from the dataset's float32 scaling
        Forecast model = new Forecast("Basic_CNN_LSTM", List.of(
                new Prediction(day(2), 25.0, 25.299999785775835, 24.22999990687519)));
        Forecast randomWalk = new Forecast("Random walk", List.of(new Prediction(day(2), 24.23, 25.3, 24.23)));

        ForecastTable table = ForecastColumns.of(List.of(new ConfidenceSets.Candidate(model, Kind.ARCHITECTURE),
                new ConfidenceSets.Candidate(randomWalk, Kind.BASELINE)));

        assertThat(table.actual()).containsExactly(25.3);
        assertThat(table.previousClose()).containsExactly(24.23);
        assertThat(table.series()).extracting(ForecastSeries::predicted)
                .containsExactly(List.of(25.0), List.of(24.23));
    }

    @Test
    void forecastsDisagreeingOnADaysCloseAreRefused() {
        Forecast otherActual = new Forecast("HAR", List.of(new Prediction(day(2), 12.0, 13.5, 12.0)));

        assertThatThrownBy(() -> ForecastColumns.of(List.of(new ConfidenceSets.Candidate(EVERY_DAY, Kind.ARCHITECTURE),
                new ConfidenceSets.Candidate(otherActual, Kind.BASELINE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forecast Basic_CNN_LSTM has the close on " + day(2) + " as 13.0 after 12.0, another"
                        + " forecast as 13.5 after 12.0");
    }
}
