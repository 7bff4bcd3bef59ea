package io.vixlab.contracts;

import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.contracts.report.ArchitectureOutcome;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineCoefficient;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.EpochLosses;
import io.vixlab.contracts.report.FittingSample;
import io.vixlab.contracts.report.ForecastSeries;
import io.vixlab.contracts.report.ForecastTable;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.report.TrialOutcome;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.contracts.tuning.ForecastTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A realistic example of every event, every optional field filled. */
final class EventExamples {

    static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    static final String HASH = "a".repeat(64);

    private EventExamples() {
    }

    static Map<String, Object> basicParams() {
        Map<String, Object> p = new TreeMap<>();
        p.put("cnn_filters_1", 64);
        p.put("cnn_filters_2", 32);
        p.put("lstm_units_1", 64);
        p.put("lstm_units_2", 32);
        p.put("dense_units", 16);
        p.put("dropout_rate", 0.25);
        p.put("learning_rate", 0.001);
        return p;
    }

    static List<Event> all() {
        Metrics metrics = new Metrics(2.25, 1.5, 1.1, 0.91, 0.53);
        return List.of(
                MarketBar.of("VIX", LocalDate.of(2024, 3, 1), 13.9, 14.2, 13.4, 13.11, "snapshot", NOW),
                new MarketUpdate(1, "run-1", MarketUpdate.Status.SUCCEEDED,
                        "snapshot", List.of(new SymbolRange("VIX", LocalDate.of(1990, 1, 2), LocalDate.of(2026, 11, 24),
                                9300, 9300, 0)), HASH, "none", NOW, NOW),
                new DatasetManifest(1, "ds-" + HASH.substring(0, 12), List.of("vix_close", "vix_log_return"), 30, 1, 100,
                        80, 20, LocalDate.of(2024, 1, 2), LocalDate.of(2020, 1, 2), LocalDate.of(2024, 6, 28),
                        new ScalerParams(ScalerParams.Kind.STANDARD, List.of(19.5, 0.0), List.of(7.8, 0.07), 19.5, 7.8),
                        HASH, 1, NOW),
                new WindowChunk(1, "ds-1", 0, 1, 0, 100, WindowChunk.ENCODING, "H4sIAAAAAAAA/w=="),
                new TrialConfig(1, "study-1", "study-1-basic-0", 0, 1, "Basic_CNN_LSTM", basicParams(), "ds-1",
                        TrainingSettings.tuningDefaults(), NOW),
                new TrialControl(1, "study-1", "study-1-basic-0", 1, TrialControl.Action.PRUNE,
                        "median pruner at step 12", NOW),
                new FinalTrainingRequest(1, "study-1", "study-1-basic-final", 1, "Basic_CNN_LSTM", basicParams(),
                        "study-1-basic-7", 0.041, "ds-1", TrainingSettings.finalDefaults(), NOW),
                new StudyEvent(1, "study-1", StudyEvent.Status.ARCHITECTURE_TUNED, List.of("Basic_CNN_LSTM"), 50, "ds-1",
                        "Basic_CNN_LSTM", "50 trials done", NOW, new StudySetup(50, 60, "tpe", 42, "median", 4,
                                TrainingSettings.tuningDefaults(), TrainingSettings.finalDefaults()),
                        List.of(new SettledTrial("study-1-basic-0", 0, TrialState.PRUNED, 0.07))),
                new TrainingProgress(1, "study-1", "study-1-basic-0", 1, "Basic_CNN_LSTM", TrainingProgress.RunKind.TRIAL, 1, 4, 54, 0.05,
                        0.07, 0.001, NOW),
                new TrialResult(1, "study-1", "study-1-basic-0", 0, 1, "Basic_CNN_LSTM", TrialState.COMPLETE, 0.061,
                        List.of(0.05, 0.06, 0.073),
                        List.of(List.of(0.09, 0.05), List.of(0.08, 0.06), List.of(0.1, 0.073)), 52_113, "none", 42_000, "trainer-0", NOW),
                new ModelResult(1, "study-1", "study-1-basic-final", 1, "Basic_CNN_LSTM", TrialState.COMPLETE, "ds-1",
                        basicParams(), TrainingSettings.finalDefaults(), metrics, new Metrics(0.03, 0.17, 0.12, 0.91, 0.53),
                        List.of(new Prediction(LocalDate.of(2024, 1, 2), 13.4, 13.2, 12.45)), 52_113, 37, 90_000,
                        "file:///models/study-1/Basic_CNN_LSTM", "none", NOW),
                studyReport(metrics));
    }

    private static StudyReport studyReport(Metrics metrics) {
        HealthFlag narrow = new HealthFlag(HealthFlag.Kind.NARROW_SPREAD,
                "the predictions' standard deviation is 1.04 against the actual's 3.48: ratio 0.30, below 0.50", 0.3, 0.5);
        List<ConfidenceSetMember> members = List.of(
                new ConfidenceSetMember("Basic_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, 2.25, 1, 3, true, true),
                new ConfidenceSetMember("Deep_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, 2.6, 0.31, 2, true, true),
                new ConfidenceSetMember("Equal-weight combination", ConfidenceSetMember.Kind.COMBINATION, 2.3, 1, 3,
                        true, true),
                new ConfidenceSetMember("Random walk", ConfidenceSetMember.Kind.BASELINE, 3.1, 0.04, 1, false, false));
        return new StudyReport(StudyReport.SCHEMA_VERSION, "study-1", "COMPLETED", "ds-1", LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 6, 28),
                20, new FittingSample(LocalDate.of(2020, 1, 2), LocalDate.of(2023, 12, 29), 1006),
                List.of(new ArchitectureRow("Basic_CNN_LSTM", metrics, 52_113, basicParams(), 0.041, 40, 8, 2,
                        90_000, "file:///models/study-1/Basic_CNN_LSTM", List.of()),
                        new ArchitectureRow("Deep_CNN_LSTM", metrics, 80_411, basicParams(), 0.052, 40, 8, 2,
                                95_000, "file:///models/study-1/Deep_CNN_LSTM", List.of(narrow))),
                new CombinationRow("Equal-weight combination", "mean of the final models' forecasts",
                        List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM"), metrics, List.of()),
                List.of(new BaselineRow("random_walk", "tomorrow's VIX = today's close", metrics, List.of()),
                        new BaselineRow("AR(1)", "c + phi * last close", metrics,
                                List.of(new BaselineCoefficient("c", 0.8), new BaselineCoefficient("phi", 0.95)))),
                "random_walk",
                List.of(new DieboldMarianoResult("Basic_CNN_LSTM", "random_walk",
                        DieboldMarianoResult.LossFunction.SQUARED, 1, 20, -0.2, -1.1, 0.28,
                        DieboldMarianoResult.Verdict.NO_SIGNIFICANT_DIFFERENCE)),
                List.of(new ConfidenceSet(DieboldMarianoResult.LossFunction.SQUARED, ConfidenceSet.Statistic.T_MAX, 20,
                        3, 5000, 2011, members)),
                "Basic_CNN_LSTM",
                List.of("No model beats the random walk at the 5% level on either loss."),
                ForecastTarget.LEVEL.specName(),
                new StudySetup(50, 60, "tpe", 42, "median", 4, TrainingSettings.tuningDefaults(),
                        TrainingSettings.finalDefaults()),
                List.of(new ArchitectureOutcome("Basic_CNN_LSTM", ArchitectureOutcome.Status.COMPLETE, null,
                                "study-1-Basic_CNN_LSTM-final", 1, 1, 0, 0.041,
                                List.of(new TrialOutcome(0, TrialState.COMPLETE, 0.041, 61_000, null),
                                        new TrialOutcome(1, TrialState.PRUNED, null, 12_000, "pruned at step 3")),
                                List.of(new EpochLosses(0, 0.09, 0.08, 0.001), new EpochLosses(1, 0.05, 0.06, 0.0005))),
                        new ArchitectureOutcome("Attention_CNN_LSTM", ArchitectureOutcome.Status.FAILED,
                                "NaN loss in epoch 3", "study-1-Attention_CNN_LSTM-final", 0, 0, 1, null,
                                List.of(new TrialOutcome(0, TrialState.FAILED, null, 3_000, "NaN loss")), List.of())),
                new ForecastTable(List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)), List.of(13.2, 14.1),
                        List.of(12.9, 13.2), List.of(
                                new ForecastSeries("Basic_CNN_LSTM", ConfidenceSetMember.Kind.ARCHITECTURE, null,
                                        List.of(13.0, 13.9)),
                                new ForecastSeries("random_walk", ConfidenceSetMember.Kind.BASELINE,
                                        List.of(LocalDate.of(2024, 1, 3)), List.of(13.2)))),
                NOW);
    }
}
