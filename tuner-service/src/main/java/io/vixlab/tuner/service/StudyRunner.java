package io.vixlab.tuner.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.tuner.config.TunerConfig;
import io.vixlab.tuner.messaging.out.MessageOutbox;
import io.vixlab.tuner.messaging.out.MessageOutbox.Batch;
import io.vixlab.tuner.persistence.KnownDatasetEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.StudyStore;
import io.vixlab.tuner.study.RunWatchdog;
import io.vixlab.tuner.study.Study;
import io.vixlab.tuner.study.StudyCore;
import io.vixlab.tuner.study.StudySnapshot;
import io.vixlab.tuner.study.UnrunnablePlanException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * The shell around the study loop's {@link StudyCore}: for each event it takes the study's lock,
 * opens a transaction, loads the study, lets the core decide, saves the study and stores the
 * decided messages in the {@link MessageOutbox} in that same transaction, and sends them after the
 * commit (one the broker did not acknowledge is sent again by the outbox's sweep). The database is
 * the only state, so a restarted tuner resumes exactly where the last commit left it.
 */
@ApplicationScoped
public class StudyRunner {

    private static final Logger LOG = Logger.getLogger(StudyRunner.class);

    /** What {@link #cancel} found. */
    public enum CancelOutcome { CANCELLED, ALREADY_FINISHED, NOT_FOUND }

    private final StudyStore store;
    private final MessageOutbox outbox;
    private final StudyCore core;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public StudyRunner(StudyStore store, MessageOutbox outbox, TunerConfig config, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.core = new StudyCore(new RunWatchdog.Limits(config.staleAfter(), config.queuedTimeout(),
                config.maxAttempts()));
    }

    /** Moves every unfinished study on: what no event triggers (stale runs, timeouts, restarts) happens here. */
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
     * Moves one study on. A study that cannot start (its plan cannot be run) ends FAILED with the
     * reason instead of failing again on every tick.
     */
    public void advance(String studyId) {
        try {
            decide(studyId, core::advance);
        } catch (RuntimeException e) {
            // Of any other exception the class only: its message may quote database internals.
            String reason = e instanceof UnrunnablePlanException unrunnable
                    ? "the study could not start: " + unrunnable.getMessage()
                    : "the study could not start (" + e.getClass().getSimpleName() + ")";
            boolean failed = inStudy(studyId, false, (snapshot, now, out) -> {
                out.addAll(core.failToStart(snapshot, reason, now));
                return snapshot.study().isFinished();
            });
            if (!failed) {
                throw e;
            }
            LOG.errorf(e, "study %s cannot start: it fails", studyId);
        }
    }

    public void onProgress(TrainingProgress progress) {
        decide(progress.studyId(), (snapshot, now) -> core.progress(snapshot, progress, now));
    }

    public void onResult(TrialResult result) {
        decide(result.studyId(), (snapshot, now) -> core.result(snapshot, result, now));
    }

    public void onModelResult(ModelResult result) {
        decide(result.studyId(), (snapshot, now) -> core.modelResult(snapshot, result, now));
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

    /** Cancels an unfinished study: its running trials and final trainings are told to stop. */
    public CancelOutcome cancel(String studyId, String reason) {
        return inStudy(studyId, CancelOutcome.NOT_FOUND, (snapshot, now, out) -> {
            if (snapshot.study().isFinished()) {
                return CancelOutcome.ALREADY_FINISHED;
            }
            out.addAll(core.cancel(snapshot, reason, now));
            return CancelOutcome.CANCELLED;
        });
    }

    /** One decision on a study: it changes the snapshot and stores the messages it decided on in the batch. */
    @FunctionalInterface
    private interface Step<T> {
        T apply(StudySnapshot snapshot, Instant now, Batch out);
    }

    private void decide(String studyId, BiFunction<StudySnapshot, Instant, List<Event>> decision) {
        inStudy(studyId, null, (snapshot, now, out) -> {
            out.addAll(decision.apply(snapshot, now));
            return null;
        });
    }

    /**
     * Lock, transaction, load, decide, save, store the messages; send them after the commit.
     * Should the transaction fail, nothing is saved and nothing sent.
     *
     * @param absent what a study that does not exist yields
     */
    private <T> T inStudy(String studyId, T absent, Step<T> step) {
        ReentrantLock lock = locks.computeIfAbsent(studyId, id -> new ReentrantLock());
        lock.lock();
        try {
            Batch out = outbox.batch();
            T result = QuarkusTransaction.requiringNew().call(() -> {
                var loaded = store.load(studyId);
                if (loaded.isEmpty()) {
                    return absent;
                }
                T outcome = step.apply(loaded.get(), now(), out);
                store.save(loaded.get());
                return outcome;
            });
            out.send();
            return result;
        } finally {
            lock.unlock();
        }
    }

    private List<String> unfinishedStudyIds() {
        return QuarkusTransaction.requiringNew().call(() -> StudyEntity.<StudyEntity>list("status not in ?1",
                Study.finishedStatuses()).stream().map(s -> s.id).toList());
    }

    /** Databases keep microseconds at most: every stored time is one that reads back the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
