package io.vixlab.report.web;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.ResultStore;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import io.vixlab.report.service.TrialConfigs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores the fixture study's events as the consumers would, for the page tests, with what the page
 * draws beyond the report: each trial's parameters (its config), a second fold of each trial's
 * progress and the finals' training epochs.
 */
@ApplicationScoped
public class FixtureStudies {

    static final List<String> ARCHITECTURES =
            List.of("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM", "Bidirectional_CNN_LSTM");

    private final ResultStore store;
    private final StudyTracker tracker;
    private final StudyReports reports;
    private final TrialConfigs configs;

    public FixtureStudies(ResultStore store, StudyTracker tracker, StudyReports reports, TrialConfigs configs) {
        this.store = store;
        this.tracker = tracker;
        this.reports = reports;
        this.configs = configs;
    }

    /** A study just created: its dataset and closes are known, no trial has finished. */
    public String newStudy() {
        return created("new-" + UUID.randomUUID());
    }

    /** A study with all its results, completed (and its report published) or still running. */
    public String study(boolean completed) {
        String studyId = created((completed ? "completed-" : "running-") + UUID.randomUUID());
        StudyFixture.trials(studyId).forEach(store::record);
        StudyFixture.progress(studyId).forEach(store::record);
        secondFold(studyId).forEach(store::record);
        trialConfigs(studyId).forEach(configs::record);
        StudyFixture.finals(studyId).forEach(store::record);
        StudyFixture.finals(studyId).forEach(f -> finalEpochs(f).forEach(store::record));
        if (completed) {
            tracker.apply(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.COMPLETED, 45));
            if (!reports.publishIfComplete(studyId)) {
                throw new IllegalStateException("the fixture study " + studyId + " did not complete");
            }
        }
        return studyId;
    }

    private String created(String studyId) {
        tracker.apply(StudyFixture.studyEvent(studyId, ARCHITECTURES, StudyEvent.Status.CREATED, 0));
        StudyFixture.marketBars().forEach(store::record);
        store.record(StudyFixture.dataset());
        return studyId;
    }

    /**
     * A config for each trial: the learning rate (log scale) alone drives the value, the units and
     * the optimizer vary with the trial number.
     */
    static List<TrialConfig> trialConfigs(String studyId) {
        return StudyFixture.trials(studyId).stream()
                .map(t -> new TrialConfig(TrialConfig.SCHEMA_VERSION, studyId, t.trialId(), t.trialNumber(), t.attempt(),
                        t.architecture(), params(t), "dataset-1", TrainingSettings.tuningDefaults(),
                        t.finishedAt().minusSeconds(30)))
                .toList();
    }

    static Map<String, Object> params(TrialResult trial) {
        double value = trial.value() == null ? 1.0 : trial.value();
        return Map.of("learning_rate", 1e-4 * Math.pow(10, value * 3), "lstm_units", 32 + 16 * (trial.trialNumber() % 3),
                "optimizer", trial.trialNumber() % 2 == 0 ? "adam" : "rmsprop");
    }

    /** Fold 2 of each finished trial: starting again high, as a fold's training does. */
    static List<TrainingProgress> secondFold(String studyId) {
        return StudyFixture.progress(studyId).stream()
                .filter(p -> StudyFixture.trials(studyId).stream().anyMatch(t -> t.trialId().equals(p.runId())))
                .map(p -> new TrainingProgress(p.schemaVersion(), studyId, p.runId(), p.attempt(), p.architecture(),
                        p.kind(), 1, p.epoch(), 2 + p.epoch(), p.trainLoss() + 0.3, p.valLoss() + 0.25, p.learningRate(),
                        p.at().plusSeconds(5)))
                .toList();
    }

    /** Six epochs of a complete final, the learning rate halved after the fourth. */
    static List<TrainingProgress> finalEpochs(ModelResult result) {
        List<TrainingProgress> epochs = new ArrayList<>();
        if (result.state() != TrialState.COMPLETE) {
            return epochs;
        }
        for (int epoch = 0; epoch < 6; epoch++) {
            epochs.add(new TrainingProgress(TrainingProgress.SCHEMA_VERSION, result.studyId(), result.finalId(),
                    result.attempt(), result.architecture(), TrainingProgress.RunKind.FINAL, 0, epoch, epoch,
                    1.0 / (epoch + 1), 1.2 / (epoch + 1) + 0.05, epoch < 4 ? 1e-3 : 5e-4,
                    result.finishedAt().minusSeconds(60 - epoch)));
        }
        return epochs;
    }
}
