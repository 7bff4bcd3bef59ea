package io.vixlab.tuner.study;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives the {@link StudyCore} as the tuner's shell does, on a snapshot kept in memory and a fake
 * clock that moves only when a test says so: every rule of the loop runs in microseconds.
 */
final class LoopHarness {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Duration STALE_AFTER = Duration.ofMinutes(3);
    static final Duration QUEUED_TIMEOUT = Duration.ofMinutes(10);
    static final String STUDY = "study-1";
    static final String BASIC = "Basic_CNN_LSTM";
    static final String ATTENTION = "Attention_CNN_LSTM";

    private final StudyCore core = new StudyCore(new RunWatchdog.Limits(STALE_AFTER, QUEUED_TIMEOUT, 2));
    private final StudySnapshot snapshot;
    private final List<Event> sent = new ArrayList<>();
    private Instant now = T0;

    private LoopHarness(StudyPlan plan, Optional<String> newestDataset) {
        Study study = new Study();
        study.id = STUDY;
        study.name = plan.name();
        study.status = StudyEvent.Status.CREATED;
        study.plan = plan;
        study.datasetId = plan.datasetId();
        study.createdAt = T0;
        snapshot = new StudySnapshot(study, List.of(), List.of(), newestDataset);
    }

    /** A created study; {@code latest} resolves to {@code newestDataset}, none when it is null. */
    static LoopHarness created(StudyPlan plan, String newestDataset) {
        return new LoopHarness(plan, Optional.ofNullable(newestDataset));
    }

    /** A study of {@code plan} that has started: its first trials are issued. */
    static LoopHarness started(StudyPlan plan) {
        LoopHarness loop = created(plan, null);
        loop.advance();
        return loop;
    }

    /**
     * 2 folds of 2 epochs per trial (steps 0..3), no pruner, random sampling, an hour per architecture.
     */
    static StudyPlan plan(List<String> architectures, int trials, int parallelism) {
        return plan(architectures, trials, parallelism, "none", 60);
    }

    static StudyPlan plan(List<String> architectures, int trials, int parallelism, String pruner, int timeoutMinutes) {
        TrainingSettings training = new TrainingSettings(2, 32, 2, 5, 0.5, 3, 1e-6, 0.2, 42L);
        TrainingSettings finals = new TrainingSettings(3, 32, 0, 5, 0.5, 3, 1e-6, 0.2, 42L);
        return new StudyPlan("loop", architectures, trials, timeoutMinutes, "random", 42L, pruner, parallelism, 0,
                training, finals, "ds-1");
    }

    StudySnapshot snapshot() {
        return snapshot;
    }

    Study study() {
        return snapshot.study();
    }

    Instant now() {
        return now;
    }

    StudyTrial trial(String architecture, int number) {
        return snapshot.trial(StudyTrial.idOf(STUDY, architecture, number)).orElseThrow();
    }

    ArchitectureTuning architecture(String architecture) {
        return snapshot.architectures().stream().filter(a -> a.architecture.equals(architecture)).findFirst()
                .orElseThrow();
    }

    /** Every message decided so far, of {@code type}, in decision order. */
    <T extends Event> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<StudyEvent.Status> studyEvents() {
        return sent(StudyEvent.class).stream().map(StudyEvent::status).toList();
    }

    /** Trials issued so far, as {@code architecture#number#attempt}. */
    List<String> issued() {
        return sent(TrialConfig.class).stream()
                .map(c -> c.architecture() + "#" + c.trialNumber() + "#" + c.attempt()).toList();
    }

    List<Event> advance() {
        return record(core.advance(snapshot, now));
    }

    /** Lets {@code time} pass, then ticks. */
    List<Event> later(Duration time) {
        now = now.plus(time);
        return advance();
    }

    void pass(Duration time) {
        now = now.plus(time);
    }

    List<Event> progress(StudyTrial trial, int attempt, int fold, int epoch, double loss) {
        return progress(trial.id, attempt, fold, epoch, loss);
    }

    List<Event> progress(String trialId, int attempt, int fold, int epoch, double loss) {
        String architecture = snapshot.trial(trialId).orElseThrow().architecture;
        return record(core.progress(snapshot, new TrainingProgress(TrainingProgress.SCHEMA_VERSION, STUDY, trialId,
                attempt, architecture, TrainingProgress.RunKind.TRIAL, fold, epoch, 0, loss, loss, 1e-3, now), now));
    }

    /** Both epochs of both folds of the trial's current attempt: the first fold at one loss, the second at another. */
    void trainsAt(StudyTrial trial, double firstFold, double secondFold) {
        for (int epoch = 0; epoch < 2; epoch++) {
            progress(trial, trial.attempt, 0, epoch, firstFold);
        }
        for (int epoch = 0; epoch < 2; epoch++) {
            progress(trial, trial.attempt, 1, epoch, secondFold);
        }
    }

    List<Event> result(StudyTrial trial, int attempt, TrialState state, Double value, String error) {
        return record(core.result(snapshot, new TrialResult(TrialResult.SCHEMA_VERSION, STUDY, trial.id, trial.number,
                attempt, trial.architecture, state, value, null, null, null, error, 1000, "trainer-0", now), now));
    }

    /** A result as trainers send it: with the validation loss of every epoch trained, per fold. */
    List<Event> result(String trialId, int attempt, TrialState state, Double value, List<List<Double>> foldCurves) {
        StudyTrial trial = snapshot.trial(trialId).orElseThrow();
        return record(core.result(snapshot, new TrialResult(TrialResult.SCHEMA_VERSION, STUDY, trialId, trial.number,
                attempt, trial.architecture, state, value, null, foldCurves, null, null, 1000, "trainer-0", now), now));
    }

    List<Event> completes(StudyTrial trial, double value) {
        return result(trial, trial.attempt, TrialState.COMPLETE, value, null);
    }

    List<Event> finalProgress(String architecture, int attempt) {
        ArchitectureTuning tuning = architecture(architecture);
        return record(core.progress(snapshot, new TrainingProgress(TrainingProgress.SCHEMA_VERSION, STUDY,
                tuning.finalId, attempt, architecture, TrainingProgress.RunKind.FINAL, 0, 0, 0, 0.5, 0.5, 1e-3, now),
                now));
    }

    List<Event> modelResult(String architecture, int attempt, TrialState state) {
        ArchitectureTuning tuning = architecture(architecture);
        return record(core.modelResult(snapshot, new ModelResult(ModelResult.SCHEMA_VERSION, STUDY, tuning.finalId,
                attempt, architecture, state, snapshot.study().datasetId, Map.of(), snapshot.study().plan.finalTraining(),
                null, null, null, null, null, 1000, state == TrialState.COMPLETE ? "models:/" + tuning.finalId : null,
                null, now), now));
    }

    List<Event> cancel(String reason) {
        return record(core.cancel(snapshot, reason, now));
    }

    /** Completes every running trial with a value from its number, until the architecture is tuned. */
    void completeTuning(String architecture) {
        while (architecture(architecture).phase == ArchitectureTuning.Phase.TUNING) {
            for (StudyTrial trial : snapshot.trialsOf(architecture)) {
                if (trial.isRunning()) {
                    completes(trial, 1.0 + trial.number);
                }
            }
        }
    }

    private List<Event> record(List<Event> decided) {
        sent.addAll(decided);
        return decided;
    }
}
