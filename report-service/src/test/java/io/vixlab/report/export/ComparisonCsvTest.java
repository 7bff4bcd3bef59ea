package io.vixlab.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonCsvTest {

    private static final Metrics METRICS = new Metrics(2.25, 1.5, 1.0, 0.75, 0.5);

    private static StudyReport report(List<ArchitectureRow> rows, List<BaselineRow> baselines) {
        return new StudyReport(StudyReport.SCHEMA_VERSION, "s", "COMPLETED", "d", null, null, 0, rows, baselines,
                List.of(), null, Instant.EPOCH);
    }

    @Test
    void writesArchitecturesThenBaselinesWithAHeader() {
        String csv = ComparisonCsv.write(report(
                List.of(new ArchitectureRow("Basic_CNN_LSTM", METRICS, 1200, Map.of("lstm_units_1", 64, "dropout_rate", 0.25),
                        0.012, 10, 3, 1, 65_000L, "file:/m")),
                List.of(new BaselineRow("Random walk", "Next close = last close.", METRICS))));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "kind,name,mse,rmse,mae,r2,directional_accuracy,parameter_count,trials_complete,trials_pruned,"
                        + "trials_failed,best_value,training_millis,best_params",
                "architecture,Basic_CNN_LSTM,2.25,1.5,1.0,0.75,0.5,1200,10,3,1,0.012,65000,dropout_rate=0.25;lstm_units_1=64",
                "baseline,Random walk,2.25,1.5,1.0,0.75,0.5,,,,,,,",
                "");
    }

    @Test
    void quotesFieldsWithCommasAndQuotes() {
        String csv = ComparisonCsv.write(report(List.of(), List.of(new BaselineRow("HAR, \"levels\"", "d", METRICS))));

        assertThat(csv).contains("baseline,\"HAR, \"\"levels\"\"\",2.25");
    }

    @Test
    void missingValuesAreEmptyFields() {
        String csv = ComparisonCsv.write(report(
                List.of(new ArchitectureRow("Deep_CNN_LSTM", METRICS, null, null, null, 0, 0, 0, 0L, null)),
                List.of()));

        assertThat(csv).contains("architecture,Deep_CNN_LSTM,2.25,1.5,1.0,0.75,0.5,,0,0,0,,0,\r\n");
    }
}
