package io.vixlab.testing;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.dataset.WindowChunk;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialControl;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Valid events, as JSON, about a study, trial or dataset named {@code id} that no service knows:
 * the good messages a {@link HostileMessages} probe sends after its poison.
 */
public final class SampleEvents {

    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    /** A dataset this old is never taken for the latest by a service that looks for one. */
    private static final Instant LONG_AGO = Instant.parse("2000-01-03T00:00:00Z");
    private static final String HASH = "a".repeat(64);
    private static final Map<String, Object> PARAMS = Map.of("cnn_filters_1", 64, "cnn_filters_2", 32,
            "lstm_units_1", 64, "lstm_units_2", 32, "dense_units", 16, "dropout_rate", 0.25, "learning_rate", 0.001);

    private SampleEvents() {
    }

    public static String trainingProgress(String id) {
        return EventJson.write(new TrainingProgress(1, id, id, 1, "Basic_CNN_LSTM", TrainingProgress.RunKind.TRIAL, 1,
                4, 54, 0.05, 0.07, 0.001, NOW));
    }

    public static String trialResult(String id) {
        return EventJson.write(new TrialResult(1, id, id, 0, 1, "Basic_CNN_LSTM", TrialState.COMPLETE, 0.061,
                List.of(0.05, 0.06, 0.073),
                        List.of(List.of(0.09, 0.05), List.of(0.08, 0.06), List.of(0.1, 0.073)), 52_113, "none", 42_000, "trainer-0", NOW));
    }

    public static String modelResult(String id) {
        Metrics metrics = new Metrics(2.25, 1.5, 1.1, 0.91, 0.53);
        return EventJson.write(new ModelResult(1, id, id, 1, "Basic_CNN_LSTM", TrialState.COMPLETE, "ds-" + id, PARAMS,
                TrainingSettings.finalDefaults(), metrics, metrics,
                List.of(new Prediction(LocalDate.of(2024, 1, 2), 13.4, 13.2, 12.45)), 52_113, 37, 90_000,
                "file:///models/" + id, "none", NOW));
    }

    public static String studyEvent(String id) {
        return EventJson.write(new StudyEvent(1, id, StudyEvent.Status.ARCHITECTURE_TUNED, List.of("Basic_CNN_LSTM"), 50,
                "ds-" + id, "Basic_CNN_LSTM", "50 trials done", NOW, null, null));
    }

    public static String trialControl(String id) {
        return EventJson.write(new TrialControl(1, id, id, 1, TrialControl.Action.PRUNE, "median pruner at step 12", NOW));
    }

    public static String datasetManifest(String id) {
        return EventJson.write(new DatasetManifest(1, id, List.of("vix_close", "vix_log_return"), 30, 1, 100, 80, 20,
                LocalDate.of(2024, 1, 2), LocalDate.of(2020, 1, 2), LocalDate.of(2024, 6, 28),
                new ScalerParams(ScalerParams.Kind.STANDARD, List.of(19.5, 0.0), List.of(7.8, 0.07), 19.5, 7.8),
                HASH, 1, LONG_AGO));
    }

    public static String windowChunk(String id) {
        return EventJson.write(new WindowChunk(1, id, 0, 1, 0, 100, WindowChunk.ENCODING, "H4sIAAAAAAAA/w=="));
    }
}
