package io.vixlab.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.ConfidenceSetMember.Kind;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.ForecastTable;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.tuning.ForecastTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonCsvTest {

    private static final Metrics METRICS = new Metrics(2.25, 1.5, 1.0, 0.75, 0.5);
    private static final HealthFlag FLOOR = new HealthFlag(HealthFlag.Kind.FLOOR, "at the floor", 0.3, 0.05);
    private static final HealthFlag NARROW = new HealthFlag(HealthFlag.Kind.NARROW_SPREAD, "narrow", 0.3, 0.5);

    private static StudyReport report(List<ArchitectureRow> rows, CombinationRow combination, List<BaselineRow> baselines,
            List<ConfidenceSet> sets) {
        return new StudyReport(StudyReport.SCHEMA_VERSION, "s", "COMPLETED", "d", null, null, 0, null, rows, combination,
                baselines, null, List.of(), sets, null, null, ForecastTarget.LEVEL.specName(), null, List.of(),
                new ForecastTable(List.of(), List.of(), List.of(), List.of()), Instant.EPOCH);
    }

    private static ConfidenceSet set(LossFunction loss, ConfidenceSetMember... members) {
        return new ConfidenceSet(loss, ConfidenceSet.Statistic.T_MAX, 20, 3, 5000, 2011, List.of(members));
    }

    @Test
    void writesArchitecturesTheCombinationThenBaselinesWithHealthAndConfidenceSets() {
        String csv = ComparisonCsv.write(report(
                List.of(new ArchitectureRow("Basic_CNN_LSTM", METRICS, 1200, Map.of("lstm_units_1", 64, "dropout_rate", 0.25),
                        0.012, 10, 3, 1, 65_000L, "file:/m", List.of(FLOOR, NARROW))),
                new CombinationRow("Equal-weight combination", "mean", List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM"),
                        METRICS, List.of()),
                List.of(new BaselineRow("Random walk", "Next close = last close.", METRICS, List.of())),
                List.of(set(LossFunction.SQUARED,
                                new ConfidenceSetMember("Basic_CNN_LSTM", Kind.ARCHITECTURE, 2.25, 1, 3, true, true),
                                new ConfidenceSetMember("Equal-weight combination", Kind.COMBINATION, 2.3, 0.2, 2, true,
                                        false),
                                new ConfidenceSetMember("Random walk", Kind.BASELINE, 3.1, 0.04, 1, false, false)),
                        set(LossFunction.ABSOLUTE,
                                new ConfidenceSetMember("Basic_CNN_LSTM", Kind.ARCHITECTURE, 1.0, 0.5, 2, true, true),
                                new ConfidenceSetMember("Equal-weight combination", Kind.COMBINATION, 1.1, 0.5, 2, true,
                                        true),
                                new ConfidenceSetMember("Random walk", Kind.BASELINE, 0.9, 1, 3, true, true)))));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "kind,name,mse,rmse,mae,r2,directional_accuracy,parameter_count,trials_complete,trials_pruned,"
                        + "trials_failed,best_value,training_millis,best_params,health_flags,mcs_p_squared,"
                        + "in_mcs90_squared,in_mcs75_squared,mcs_p_absolute,in_mcs90_absolute,in_mcs75_absolute",
                "architecture,Basic_CNN_LSTM,2.25,1.5,1.0,0.75,0.5,1200,10,3,1,0.012,65000,dropout_rate=0.25;lstm_units_1=64,"
                        + "FLOOR;NARROW_SPREAD,1.0,true,true,0.5,true,true",
                "combination,Equal-weight combination,2.25,1.5,1.0,0.75,0.5,,,,,,,,,0.2,true,false,0.5,true,true",
                "baseline,Random walk,2.25,1.5,1.0,0.75,0.5,,,,,,,,,0.04,false,false,1.0,true,true",
                "");
    }

    @Test
    void quotesFieldsWithCommasAndQuotes() {
        String csv = ComparisonCsv.write(report(List.of(), null, List.of(new BaselineRow("HAR, \"levels\"", "d", METRICS, List.of())),
                null));

        assertThat(csv).contains("baseline,\"HAR, \"\"levels\"\"\",2.25");
    }

    @Test
    void missingValuesAreEmptyFields() {
        String csv = ComparisonCsv.write(report(
                List.of(new ArchitectureRow("Deep_CNN_LSTM", METRICS, null, null, null, 0, 0, 0, 0L, null, null)),
                null, List.of(), null));

        assertThat(csv).contains("architecture,Deep_CNN_LSTM,2.25,1.5,1.0,0.75,0.5,,0,0,0,,0,,,,,,,,\r\n");
    }
}
