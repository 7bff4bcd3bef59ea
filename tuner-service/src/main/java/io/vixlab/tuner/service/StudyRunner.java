package io.vixlab.tuner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.tuner.config.TunerConfig;
import io.vixlab.tuner.messaging.MessageOutbox;
import io.vixlab.tuner.messaging.MessageOutbox.Batch;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity;
import io.vixlab.tuner.persistence.ArchitectureTuningEntity.Phase;
import io.vixlab.tuner.persistence.KnownDatasetEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.TrialEntity;
import io.vixlab.tuner.service.TrialScheduler.ArchitectureLoad;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.tuner.study.StudyOptimizer;
import io.vixlab.tuner.study.Trial;
import io.vixlab.tuner.study.TrialState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The study loop. The database is the state: every event (a trial's or final training's progress,
 * a trial's result, a final model's result, a new dataset, a cancel, the periodic tick) is handled
 * for its study under that study's lock in one transaction. The messages it decides on are stored
 * in the {@link MessageOutbox} in that same transaction and sent after the commit; one the broker
 * did not acknowledge (the tuner died in between) is sent again by the outbox's sweep. A restarted
 * tuner therefore resumes from the database: trial numbers and ids are deterministic, a trial that
 * was issued is never asked for again, and no decided message is lost. A trial or final training
 * whose trainer went silent after it started (or that was never taken at all) is re-issued as a
 * new attempt; one still queued behind another run is left to wait.
 *
 * <p>The only memory is one {@link StudyOptimizer} per (study, architecture), rebuilt from the
 * trials in the database whenever it is missing; samplers and pruners keep no state, so a rebuilt
 * optimizer proposes what the lost one would have.
 */
@ApplicationScoped
public class StudyRunner {

    private static final Logger LOG = Logger.getLogger(StudyRunner.class);
    private static final Set<Status> FINISHED = EnumSet.of(Status.COMPLETED, Status.CANCELLED, Status.FAILED);

    /** What {@link #cancel} found. */
    public enum CancelOutcome { CANCELLED, ALREADY_FINISHED, NOT_FOUND }

    private record OptimizerKey(String studyId, String architecture) {
    }

    private final TunerConfig config;
    private final MessageOutbox outbox;
    private final JsonColumns json;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<OptimizerKey, StudyOptimizer> optimizers = new ConcurrentHashMap<>();

    public StudyRunner(TunerConfig config, MessageOutbox outbox, JsonColumns json) {
        this.config = config;
        this.outbox = outbox;
        this.json = json;
    }

    /** Forgets every optimizer, as a restart does: they are rebuilt from the database when next needed. */
    public void reload() {
        optimizers.clear();
    }

    /**
     * Looks at every unfinished study: what no event triggers (stale trials and finals, timeouts,
     * restarts) happens here.
     */
    @Scheduled(every = "${vixlab.tuner.tick-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (String studyId : unfinishedStudyIds()) {
            try {
                advance(studyId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "study %s could not advance; next tick tries again", studyId);
            }
        }
    }

    /**
     * Moves a study on: starts it once its dataset is known, re-issues stale trials and finals,
     * closes the architectures whose budget is spent, fills free trial slots and completes the study.
     * A study that cannot start (its plan cannot be run) ends FAILED with the reason instead of
     * failing again on every tick.
     */
    public void advance(String studyId) {
        try {
            inStudy(studyId, null, (study, out) -> {
                advance(study, out);
                return null;
            });
        } catch (RuntimeException e) {
            if (!failUnstarted(studyId, e)) {
                throw e;
            }
        }
    }

    /** Ends a study that is still CREATED as FAILED, naming what stopped it from starting. */
    private boolean failUnstarted(String studyId, RuntimeException cause) {
        return inStudy(studyId, false, (study, out) -> {
            if (study.status != Status.CREATED) {
                return false;
            }
            LOG.errorf(cause, "study %s cannot start: it fails", studyId);
            // The exception's class only: its message may quote database internals.
            String reason = "the study could not start (" + cause.getClass().getSimpleName() + ")";
            study.status = Status.FAILED;
            study.detail = reason;
            study.finishedAt = now();
            out.studyEvent(event(study, json.plan(study), Status.FAILED, null, reason));
            return true;
        });
    }

    public void onProgress(TrainingProgress progress) {
        if (progress.kind() == TrainingProgress.RunKind.FINAL) {
            onFinalProgress(progress);
            return;
        }
        inStudy(progress.studyId(), null, (study, out) -> {
            Optional<TrialEntity> attempt = TrialEntity.<TrialEntity>findByIdOptional(progress.runId())
                    .filter(t -> t.studyId.equals(study.id) && t.attempt == progress.attempt());
            if (attempt.isEmpty()) {
                return null;
            }
            TrialEntity trial = attempt.get();
            StudyPlan plan = json.plan(study);
            int step = OptimizerFactory.step(plan.training(), progress.fold(), progress.epoch());
            if (trial.state.isFinished()) {
                recordLateProgress(trial, step, progress.valLoss());
                return null;
            }
            StudyOptimizer optimizer = optimizer(study.id, plan, trial.architecture);
            FrozenTrial reported = optimizer.report(trial.number, step, progress.valLoss());
            trial.intermediateValuesJson = json.write(reported.intermediateValues());
            trial.lastProgressAt = now();
            if (!trial.pruneRequested && optimizer.shouldPrune(trial.number)) {
                trial.pruneRequested = true;
                out.control(control(trial, TrialControl.Action.PRUNE, plan.pruner() + " pruner at step " + step));
            }
            return null;
        });
    }

    /**
     * A final training's progress keeps it from going stale. Progress of any of its attempts
     * counts, since the result of any attempt is accepted: an older attempt that is still training
     * is as good as the newest one.
     */
    private void onFinalProgress(TrainingProgress progress) {
        inStudy(progress.studyId(), null, (study, out) -> {
            ArchitectureTuningEntity.byFinalId(progress.runId())
                    .filter(a -> a.studyId.equals(study.id) && a.phase == Phase.FINAL_REQUESTED
                            && progress.attempt() <= finalAttempt(a))
                    .ifPresent(a -> a.finalLastProgressAt = now());
            return null;
        });
    }

    /**
     * Progress and results travel on different topics, so a trial's result may overtake its last
     * epochs. Their values still count: the pruner compares running trials with finished ones step
     * by step. The optimizer, which no longer accepts reports for the trial, is rebuilt with them.
     */
    private void recordLateProgress(TrialEntity trial, int step, double value) {
        SortedMap<Integer, Double> values = json.intermediateValues(trial.intermediateValuesJson);
        if (values.putIfAbsent(step, value) == null) {
            trial.intermediateValuesJson = json.write(values);
            optimizers.remove(new OptimizerKey(trial.studyId, trial.architecture));
        }
    }

    public void onResult(TrialResult result) {
        inStudy(result.studyId(), null, (study, out) -> {
            Optional<TrialEntity> current = currentAttempt(result.trialId(), result.attempt());
            if (current.isEmpty()) {
                LOG.debugf("ignoring result of %s attempt %d: unknown, old attempt or finished", result.trialId(),
                        result.attempt());
                return null;
            }
            TrialEntity trial = current.get();
            StudyOptimizer optimizer = optimizer(study.id, json.plan(study), trial.architecture);
            switch (result.state()) {
                case COMPLETE -> {
                    if (result.value() == null || !Double.isFinite(result.value())) {
                        finish(trial, optimizer.tell(trial.number, TrialState.FAIL),
                                "reported COMPLETE without a usable value: " + result.value());
                    } else {
                        finish(trial, optimizer.tell(trial.number, result.value()), null);
                    }
                }
                case PRUNED -> finish(trial, optimizer.tell(trial.number, TrialState.PRUNED), null);
                case FAILED -> finish(trial, optimizer.tell(trial.number, TrialState.FAIL),
                        result.error() == null ? "failed without a reason" : result.error());
                case CANCELLED -> finish(trial, optimizer.tell(trial.number, TrialState.FAIL),
                        "cancelled by the trainer" + (result.error() == null ? "" : ": " + result.error()));
            }
            advance(study, out);
            return null;
        });
    }

    public void onModelResult(ModelResult result) {
        inStudy(result.studyId(), null, (study, out) -> {
            Optional<ArchitectureTuningEntity> waiting = ArchitectureTuningEntity.byFinalId(result.finalId())
                    .filter(a -> a.studyId.equals(study.id) && a.phase == Phase.FINAL_REQUESTED);
            if (waiting.isEmpty()) {
                LOG.debugf("ignoring model result %s attempt %d: unknown or already recorded", result.finalId(),
                        result.attempt());
                return null;
            }
            ArchitectureTuningEntity architecture = waiting.get();
            LOG.infof("final %s: attempt %d of %d answered %s", result.finalId(), result.attempt(),
                    finalAttempt(architecture), result.state());
            architecture.phase = Phase.FINISHED;
            architecture.finalState = result.state();
            architecture.artifactUri = result.artifactUri();
            architecture.detail = MessageLimits.capped(result.error());
            architecture.finishedAt = now();
            completeIfDone(study, out);
            return null;
        });
    }

    /** Records a dataset version, then starts the studies that were waiting for one. */
    public void onDataset(DatasetManifest manifest) {
        List<String> waiting = QuarkusTransaction.requiringNew().call(() -> {
            if (KnownDatasetEntity.findById(manifest.datasetId()) == null) {
                KnownDatasetEntity dataset = new KnownDatasetEntity();
                dataset.id = manifest.datasetId();
                dataset.createdAt = manifest.createdAt();
                dataset.seenAt = now();
                dataset.persist();
            }
            return StudyEntity.<StudyEntity>list("status", Status.CREATED).stream().map(s -> s.id).toList();
        });
        waiting.forEach(this::advance);
    }

    /**
     * Cancels an unfinished study: its running trials and final trainings are told to stop and
     * recorded as failed with the reason, and {@code CANCELLED} is announced.
     */
    public CancelOutcome cancel(String studyId, String reason) {
        CancelOutcome outcome = inStudy(studyId, CancelOutcome.NOT_FOUND, (study, out) -> {
            if (FINISHED.contains(study.status)) {
                return CancelOutcome.ALREADY_FINISHED;
            }
            StudyPlan plan = json.plan(study);
            for (TrialEntity trial : TrialEntity.running(study.id)) {
                out.control(control(trial, TrialControl.Action.CANCEL, reason));
                trial.state = TrialState.FAIL;
                trial.failureReason = "study cancelled: " + reason;
                trial.finishedAt = now();
            }
            for (ArchitectureTuningEntity architecture : ArchitectureTuningEntity.ofStudy(study.id)) {
                if (architecture.phase != Phase.FINAL_REQUESTED) {
                    continue;
                }
                // Every attempt: an older one may still be training somewhere.
                for (int attempt = 1; attempt <= finalAttempt(architecture); attempt++) {
                    out.control(new TrialControl(TrialControl.SCHEMA_VERSION, study.id, architecture.finalId,
                            attempt, TrialControl.Action.CANCEL, reason, now()));
                }
                architecture.phase = Phase.FAILED;
                architecture.detail = "study cancelled: " + reason;
                architecture.finishedAt = now();
            }
            study.status = Status.CANCELLED;
            study.detail = reason;
            study.finishedAt = now();
            out.studyEvent(event(study, plan, Status.CANCELLED, null, reason));
            return CancelOutcome.CANCELLED;
        });
        optimizers.keySet().removeIf(k -> k.studyId().equals(studyId));
        return outcome;
    }

    private void advance(StudyEntity study, Batch out) {
        StudyPlan plan = json.plan(study);
        if (study.status == Status.CREATED && !start(study, plan, out)) {
            return;
        }
        if (study.status != Status.RUNNING) {
            return;
        }
        reissueStaleTrials(study, plan, out);
        rerequestStaleFinals(study, plan, out);
        TrialScheduler scheduler = new TrialScheduler(plan);
        Map<String, ArchitectureTuningEntity> tuning = new LinkedHashMap<>();
        List<ArchitectureLoad> loads = new ArrayList<>();
        for (ArchitectureTuningEntity architecture : ArchitectureTuningEntity.ofStudy(study.id)) {
            if (architecture.phase != Phase.TUNING) {
                continue;
            }
            ArchitectureLoad load = load(study.id, plan, architecture);
            if (scheduler.tuned(load, now())) {
                closeTuning(study, plan, architecture, out);
            } else {
                tuning.put(architecture.architecture, architecture);
                loads.add(load);
            }
        }
        for (String architecture : scheduler.nextTrials(loads, now())) {
            ask(study, plan, tuning.get(architecture), out);
        }
        completeIfDone(study, out);
    }

    /** Resolves the dataset ({@code latest}: the newest seen; none yet: the study waits) and starts. */
    private boolean start(StudyEntity study, StudyPlan plan, Batch out) {
        Optional<String> datasetId = StudyPlan.LATEST_DATASET.equals(plan.datasetId())
                ? KnownDatasetEntity.newest().map(d -> d.id)
                : Optional.of(plan.datasetId());
        if (datasetId.isEmpty()) {
            return false;
        }
        study.datasetId = datasetId.get();
        study.status = Status.RUNNING;
        for (int i = 0; i < plan.architectures().size(); i++) {
            ArchitectureTuningEntity architecture = new ArchitectureTuningEntity();
            architecture.id = ArchitectureTuningEntity.idOf(study.id, plan.architectures().get(i));
            architecture.studyId = study.id;
            architecture.architecture = plan.architectures().get(i);
            architecture.position = i;
            architecture.phase = Phase.TUNING;
            architecture.finalId = architecture.id + "-final";
            architecture.persist();
        }
        out.studyEvent(event(study, plan, Status.RUNNING, null, null));
        return true;
    }

    /**
     * Re-issues each running trial whose current attempt ran out of its limit (see {@link #watch})
     * as a new attempt; after the last attempt the trial fails with the reason.
     */
    private void reissueStaleTrials(StudyEntity study, StudyPlan plan, Batch out) {
        for (TrialEntity trial : TrialEntity.running(study.id)) {
            // Until the attempt has started, lastProgressAt is still its issue time.
            watch("trial " + trial.id, trial.attempt, trial.attemptStarted(), trial.lastProgressAt, () -> {
                trial.attempt++;
                trial.lastProgressAt = now();
                trial.pruneRequested = false;
                // The new attempt trains from scratch: the old attempt's curve no longer counts.
                trial.intermediateValuesJson = TrialEntity.NO_INTERMEDIATE_VALUES;
                optimizers.remove(new OptimizerKey(study.id, trial.architecture));
                out.trial(config(study, plan, trial));
                return trial.attempt;
            }, reason -> finish(trial, optimizer(study.id, plan, trial.architecture).tell(trial.number,
                    TrialState.FAIL), reason));
        }
    }

    /**
     * Re-requests each awaited final training whose current attempt ran out of its limit (see
     * {@link #watch}) as a new attempt; after the last attempt the architecture fails with the
     * reason. Progress of any attempt counts, as in {@link #onFinalProgress}.
     */
    private void rerequestStaleFinals(StudyEntity study, StudyPlan plan, Batch out) {
        for (ArchitectureTuningEntity architecture : ArchitectureTuningEntity.ofStudy(study.id)) {
            if (architecture.phase != Phase.FINAL_REQUESTED) {
                continue;
            }
            boolean started = architecture.finalStarted();
            watch("final " + architecture.finalId, finalAttempt(architecture), started,
                    started ? architecture.finalLastProgressAt : architecture.currentFinalRequestedAt(), () -> {
                        architecture.finalAttempt = finalAttempt(architecture) + 1;
                        architecture.finalRequestedAt = now();
                        out.finalTraining(finalRequest(study, plan, architecture));
                        return architecture.finalAttempt;
                    }, reason -> {
                        architecture.phase = Phase.FAILED;
                        architecture.detail = "final training: " + reason;
                        architecture.finishedAt = now();
                    });
        }
    }

    /**
     * The one rule for a running attempt of a trial or a final training. Until it reports progress
     * it is queued behind another run on its trainer, not stalled, and gets {@code queued-timeout}
     * from its issue; once it has started it gets {@code stale-after} from its last progress. When
     * its limit runs out, it is issued again as a new attempt ({@code reissue}, which stores the
     * new attempt and its message and returns its number) or, after the last attempt, given up
     * ({@code giveUp}) with a reason naming the limit that ran out.
     *
     * @param since its issue time while it is queued, its last progress once it has started
     */
    private void watch(String run, int attempt, boolean started, Instant since, IntSupplier reissue,
            Consumer<String> giveUp) {
        Duration limit = started ? config.staleAfter() : config.queuedTimeout();
        if (!since.isBefore(now().minus(limit))) {
            return;
        }
        String lapse = started ? "no progress for " + limit : "queued for " + limit + " without starting";
        if (attempt < config.maxAttempts()) {
            int next = reissue.getAsInt();
            LOG.infof("%s: attempt %d %s; issued again as attempt %d", run, attempt, lapse, next);
        } else {
            // max-attempts may have been lowered since the attempt was issued
            String reason = lapse + " in attempt " + attempt + " of " + Math.max(attempt, config.maxAttempts());
            giveUp.accept(reason);
            LOG.warnf("%s failed: %s", run, reason);
        }
    }

    /** Finals requested before attempts were counted have had one. */
    private static int finalAttempt(ArchitectureTuningEntity architecture) {
        return architecture.finalAttempt == null ? 1 : architecture.finalAttempt;
    }

    private ArchitectureLoad load(String studyId, StudyPlan plan, ArchitectureTuningEntity architecture) {
        List<FrozenTrial> trials = optimizer(studyId, plan, architecture.architecture).trials();
        int running = (int) trials.stream().filter(t -> t.state() == TrialState.RUNNING).count();
        return new ArchitectureLoad(architecture.architecture, trials.size(), running, architecture.tuningStartedAt);
    }

    private void ask(StudyEntity study, StudyPlan plan, ArchitectureTuningEntity architecture, Batch out) {
        Trial asked = optimizer(study.id, plan, architecture.architecture)
                .ask(Architecture.find(architecture.architecture).orElseThrow().searchSpace());
        TrialEntity trial = new TrialEntity();
        trial.id = TrialEntity.idOf(study.id, architecture.architecture, asked.number());
        trial.studyId = study.id;
        trial.architecture = architecture.architecture;
        trial.number = asked.number();
        trial.attempt = 1;
        trial.state = TrialState.RUNNING;
        trial.paramsJson = json.write(asked.params());
        trial.intermediateValuesJson = TrialEntity.NO_INTERMEDIATE_VALUES;
        trial.startedAt = now();
        trial.lastProgressAt = trial.startedAt;
        trial.persist();
        if (architecture.tuningStartedAt == null) {
            architecture.tuningStartedAt = trial.startedAt;
        }
        out.trial(config(study, plan, trial));
    }

    /** Announces the architecture as tuned and asks for its final training with the best parameters. */
    private void closeTuning(StudyEntity study, StudyPlan plan, ArchitectureTuningEntity architecture, Batch out) {
        architecture.tunedAt = now();
        Optional<FrozenTrial> best = optimizer(study.id, plan, architecture.architecture).bestTrial();
        if (best.isEmpty()) {
            architecture.phase = Phase.FAILED;
            architecture.detail = "no trial completed: no parameters to train a final model with";
            architecture.finishedAt = now();
            out.studyEvent(event(study, plan, Status.ARCHITECTURE_TUNED, architecture.architecture,
                    architecture.detail));
            return;
        }
        FrozenTrial bestTrial = best.get();
        architecture.phase = Phase.FINAL_REQUESTED;
        architecture.bestTrialId = TrialEntity.idOf(study.id, architecture.architecture, bestTrial.number());
        architecture.bestValue = bestTrial.value().orElseThrow();
        architecture.bestParamsJson = json.write(bestTrial.params());
        architecture.finalAttempt = 1;
        architecture.finalRequestedAt = now();
        String detail = "best value " + architecture.bestValue + " in trial " + architecture.bestTrialId;
        out.studyEvent(event(study, plan, Status.ARCHITECTURE_TUNED, architecture.architecture, detail));
        out.finalTraining(finalRequest(study, plan, architecture));
    }

    /** The final training of the architecture's best parameters, as its current attempt. */
    private FinalTrainingRequest finalRequest(StudyEntity study, StudyPlan plan,
            ArchitectureTuningEntity architecture) {
        var space = Architecture.find(architecture.architecture).orElseThrow().searchSpace();
        return new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, study.id, architecture.finalId,
                finalAttempt(architecture), architecture.architecture, json.params(architecture.bestParamsJson, space),
                architecture.bestTrialId, architecture.bestValue, study.datasetId, plan.finalTraining(), now());
    }

    /** COMPLETED once every architecture is done, FAILED when none of them produced a model. */
    private void completeIfDone(StudyEntity study, Batch out) {
        List<ArchitectureTuningEntity> architectures = ArchitectureTuningEntity.ofStudy(study.id);
        if (study.status != Status.RUNNING || !architectures.stream().allMatch(ArchitectureTuningEntity::done)) {
            return;
        }
        boolean anyModel = architectures.stream().anyMatch(a -> a.phase == Phase.FINISHED
                && a.finalState == io.vixlab.contracts.training.TrialState.COMPLETE);
        study.status = anyModel ? Status.COMPLETED : Status.FAILED;
        study.detail = anyModel ? null : MessageLimits.capped("no architecture produced a final model: "
                + architectures.stream().map(a -> a.architecture + ": " + (a.detail == null ? a.phase : a.detail))
                        .collect(Collectors.joining("; ")));
        study.finishedAt = now();
        StudyPlan plan = json.plan(study);
        out.studyEvent(event(study, plan, study.status, null, study.detail));
    }

    private void finish(TrialEntity trial, FrozenTrial finished, String failureReason) {
        trial.state = finished.state();
        trial.value = finished.value().isPresent() ? finished.value().getAsDouble() : null;
        // A result's error may come from any trainer: stored capped, as a trainer caps it.
        trial.failureReason = MessageLimits.capped(failureReason);
        trial.finishedAt = now();
    }

    private Optional<TrialEntity> currentAttempt(String trialId, int attempt) {
        return TrialEntity.<TrialEntity>findByIdOptional(trialId)
                .filter(t -> t.state == TrialState.RUNNING && t.attempt == attempt);
    }

    private StudyOptimizer optimizer(String studyId, StudyPlan plan, String architecture) {
        return optimizers.computeIfAbsent(new OptimizerKey(studyId, architecture), key -> {
            var space = Architecture.find(architecture).orElseThrow().searchSpace();
            List<FrozenTrial> trials = TrialEntity.of(studyId, architecture).stream()
                    .map(t -> new FrozenTrial(t.number, t.state, json.params(t.paramsJson, space),
                            t.value == null ? OptionalDouble.empty() : OptionalDouble.of(t.value),
                            json.intermediateValues(t.intermediateValuesJson), t.startedAt,
                            Optional.ofNullable(t.finishedAt)))
                    .toList();
            return OptimizerFactory.optimizer(plan, trials, clock);
        });
    }

    /**
     * Runs {@code step} on the study under its lock in a new transaction, which also stores the
     * messages the step decided on, then sends them. Should the transaction fail, nothing is sent,
     * and the study's optimizers may hold what it rolled back: they are dropped and rebuilt from
     * the database.
     */
    private <T> T inStudy(String studyId, T absent, BiFunction<StudyEntity, Batch, T> step) {
        ReentrantLock lock = locks.computeIfAbsent(studyId, id -> new ReentrantLock());
        lock.lock();
        try {
            Batch out = outbox.batch();
            T result = QuarkusTransaction.requiringNew().call(() -> {
                StudyEntity study = StudyEntity.findById(studyId);
                return study == null ? absent : step.apply(study, out);
            });
            out.send();
            return result;
        } catch (RuntimeException e) {
            optimizers.keySet().removeIf(k -> k.studyId().equals(studyId));
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private List<String> unfinishedStudyIds() {
        return QuarkusTransaction.requiringNew().call(() -> StudyEntity.<StudyEntity>list("status not in ?1",
                FINISHED).stream().map(s -> s.id).toList());
    }

    private TrialConfig config(StudyEntity study, StudyPlan plan, TrialEntity trial) {
        var space = Architecture.find(trial.architecture).orElseThrow().searchSpace();
        return new TrialConfig(TrialConfig.SCHEMA_VERSION, study.id, trial.id, trial.number, trial.attempt,
                trial.architecture, json.params(trial.paramsJson, space), study.datasetId, plan.training(), now());
    }

    private TrialControl control(TrialEntity trial, TrialControl.Action action, String reason) {
        return new TrialControl(TrialControl.SCHEMA_VERSION, trial.studyId, trial.id, trial.attempt, action, reason,
                now());
    }

    private StudyEvent event(StudyEntity study, StudyPlan plan, Status status, String architecture, String detail) {
        return new StudyEvent(StudyEvent.SCHEMA_VERSION, study.id, status, plan.architectures(),
                plan.trialsPerArchitecture(), study.datasetId, architecture, detail, now());
    }

    /** Databases keep microseconds at most: every stored time is one that reads back the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
