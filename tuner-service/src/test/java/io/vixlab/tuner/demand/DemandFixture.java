package io.vixlab.tuner.demand;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.PostgresProfile;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.JsonColumns;
import io.vixlab.tuner.persistence.TrialEntity;
import io.vixlab.tuner.study.StudyPlan;
import io.vixlab.tuner.study.StudyTrial;
import io.vixlab.contracts.training.TrialState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Studies whose trials and final trainings stand where the demand tests need them, and the demand
 * they make, counted by hand: trials waiting 3 (two never started, one re-issued and not started
 * again), running 1; finals waiting 2 (one never started, one re-requested after its first
 * attempt's progress), running 3 (one of them started in the instant it was requested, one
 * requested before request times were kept). Finished trials and finals, and architectures still
 * tuning, want no trainer. 9 runs, capped by {@link Profile}'s maximum of 8 trainers.
 */
public final class DemandFixture {

    public static final Map<RunKind, Long> WAITING = Map.of(RunKind.TRIAL, 3L, RunKind.FINAL, 2L);
    public static final Map<RunKind, Long> RUNNING = Map.of(RunKind.TRIAL, 1L, RunKind.FINAL, 3L);
    public static final int MAX_TRAINERS = 8;
    public static final int WANTED_TRAINERS = 8;

    /**
     * The loop's tick is off, so that the fixture's studies stay as stored; the maximum is below
     * the fixture's 9 runs.
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides();
        }
    }

    /** {@link Profile} on PostgreSQL. */
    public static class OnPostgres extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(overrides());
            return overrides;
        }
    }

    private static Map<String, String> overrides() {
        return Map.of("quarkus.scheduler.enabled", "false",
                "vixlab.tuner.demand.max-trainers", String.valueOf(MAX_TRAINERS));
    }

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private DemandFixture() {
    }

    /** Replaces every study, trial and architecture in the database with the fixture's. */
    public static void storeRuns() {
        QuarkusTransaction.requiringNew().run(() -> {
            removeRuns();
            study("demand-a");
            trial("demand-a", "Basic_CNN_LSTM", 0, TrialState.RUNNING, 1, TrialEntity.NO_INTERMEDIATE_VALUES);
            trial("demand-a", "Basic_CNN_LSTM", 1, TrialState.RUNNING, 1, "{\"0\":0.9,\"1\":0.8}");
            trial("demand-a", "Basic_CNN_LSTM", 2, TrialState.RUNNING, 2, TrialEntity.NO_INTERMEDIATE_VALUES);
            trial("demand-a", "Basic_CNN_LSTM", 3, TrialState.COMPLETE, 1, "{\"0\":0.7}");
            trial("demand-a", "Basic_CNN_LSTM", 4, TrialState.PRUNED, 1, "{\"0\":1.5}");
            trial("demand-a", "Basic_CNN_LSTM", 5, TrialState.FAILED, 3, TrialEntity.NO_INTERMEDIATE_VALUES);
            architecture("demand-a", "Basic_CNN_LSTM", Phase.TUNING, null, null);

            study("demand-b");
            trial("demand-b", "Attention_CNN_LSTM", 0, TrialState.RUNNING, 1, TrialEntity.NO_INTERMEDIATE_VALUES);
            architecture("demand-b", "Attention_CNN_LSTM", Phase.TUNING, null, null);
            architecture("demand-b", "Basic_CNN_LSTM", Phase.FINAL_REQUESTED, T.plusSeconds(60), null);
            architecture("demand-b", "Deep_CNN_LSTM", Phase.FINAL_REQUESTED, T.plusSeconds(60), T.plusSeconds(90));

            study("demand-c");
            ArchitectureTuningEntity reRequested = architecture("demand-c", "Basic_CNN_LSTM", Phase.FINAL_REQUESTED,
                    T.plusSeconds(600), T.plusSeconds(300));
            reRequested.finalAttempt = 2;
            architecture("demand-c", "Attention_CNN_LSTM", Phase.FINAL_REQUESTED, T.plusSeconds(60), T.plusSeconds(60));
            architecture("demand-c", "Deep_CNN_LSTM", Phase.FINAL_REQUESTED, null, T.plusSeconds(60));
            architecture("demand-c", "Bidirectional_CNN_LSTM", Phase.FINISHED, T.plusSeconds(60), T.plusSeconds(900));
            architecture("demand-c", "Multiscale_CNN_LSTM", Phase.FAILED, T.plusSeconds(60), null);
        });
    }

    /** Leaves no study, trial or architecture: nothing to train. */
    public static void removeRuns() {
        QuarkusTransaction.joiningExisting().run(() -> {
            TrialEntity.deleteAll();
            ArchitectureTuningEntity.deleteAll();
            StudyEntity.deleteAll();
        });
    }

    private static void study(String id) {
        StudyEntity study = new StudyEntity();
        study.id = id;
        study.status = StudyEvent.Status.RUNNING;
        study.planJson = JsonColumns.planJson(new StudyPlan(id, List.of("Basic_CNN_LSTM"), 6, 60, "random", 42L, "none", 3, 0,
                TrainingSettings.tuningDefaults(), TrainingSettings.finalDefaults(), "ds-demand"));
        study.datasetId = "ds-demand";
        study.createdAt = T;
        study.persist();
    }

    private static void trial(String studyId, String architecture, int number, TrialState state, int attempt,
            String intermediateValuesJson) {
        TrialEntity trial = new TrialEntity();
        trial.id = StudyTrial.idOf(studyId, architecture, number);
        trial.studyId = studyId;
        trial.architecture = architecture;
        trial.number = number;
        trial.attempt = attempt;
        trial.state = state;
        trial.paramsJson = "{}";
        trial.intermediateValuesJson = intermediateValuesJson;
        trial.startedAt = T;
        trial.lastProgressAt = T;
        trial.finishedAt = state == TrialState.RUNNING ? null : T.plusSeconds(120);
        trial.persist();
    }

    /**
     * @param finalRequestedAt    when its final's current attempt was requested (null: before this was kept)
     * @param finalLastProgressAt when any attempt of its final last reported progress (null: none has)
     */
    private static ArchitectureTuningEntity architecture(String studyId, String architecture, Phase phase,
            Instant finalRequestedAt, Instant finalLastProgressAt) {
        ArchitectureTuningEntity a = new ArchitectureTuningEntity();
        a.id = studyId + "-" + architecture;
        a.studyId = studyId;
        a.architecture = architecture;
        a.phase = phase;
        a.finalId = a.id + "-final";
        a.tuningStartedAt = T;
        a.tunedAt = phase == Phase.TUNING ? null : T.plusSeconds(60);
        a.finalAttempt = phase == Phase.TUNING ? null : 1;
        a.finalRequestedAt = finalRequestedAt;
        a.finalLastProgressAt = finalLastProgressAt;
        a.persist();
        return a;
    }
}
