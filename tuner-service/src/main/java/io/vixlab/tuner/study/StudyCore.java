package io.vixlab.tuner.study;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * The study loop's decisions, pure: given a study as loaded ({@link StudySnapshot}), one event and
 * the time, it changes the snapshot and returns the messages to send. No storage, no broker, no
 * clock: the caller loads, saves and sends, so every rule here is a plain unit test. Messages about
 * unknown trials, old attempts or finished runs change nothing, so redeliveries are harmless.
 */
public final class StudyCore {

    private static final Logger LOG = Logger.getLogger(StudyCore.class);

    private final StudyProgression progression;

    public StudyCore(RunWatchdog.Limits limits) {
        this.progression = new StudyProgression(new RunWatchdog(limits));
    }

    /**
     * Starts the study once its dataset is known, re-issues stale trials and finals, closes the
     * architectures whose budget is spent, fills free trial slots and completes the study: what
     * no event triggers happens here, on every tick.
     */
    public List<Event> advance(StudySnapshot snapshot, Instant now) {
        return decide(snapshot, now, out -> progression.advance(snapshot, out, now));
    }

    /**
     * A trial's epoch: recorded, and the pruner asked whether to stop the trial. A final
     * training's progress only keeps it from going stale.
     */
    public List<Event> progress(StudySnapshot snapshot, TrainingProgress progress, Instant now) {
        return decide(snapshot, now, out -> {
            if (progress.kind() == TrainingProgress.RunKind.FINAL) {
                finalProgress(snapshot, progress, now);
                return;
            }
            Optional<StudyTrial> attempt = snapshot.trial(progress.runId()).filter(t -> t.attempt == progress.attempt());
            if (attempt.isEmpty()) {
                return;
            }
            StudyTrial trial = attempt.get();
            StudyPlan plan = snapshot.study().plan;
            SearchHistory history = new SearchHistory(plan);
            int step = SearchAlgorithms.step(plan.training(), progress.fold(), progress.epoch());
            if (!trial.isRunning()) {
                // In a reproducible study a pruned trial's curve ends at the step its pruner stopped it;
                // a completed one may still miss late steps when its result carried no curve.
                if (!(history.reproducible() && trial.state == TrialState.PRUNED)) {
                    trial.recordLate(step, progress.valLoss());
                }
                return;
            }
            trial.report(step, progress.valLoss(), now);
            if (!trial.pruneRequested && SearchAlgorithms.pruner(plan)
                    .prune(history.readBy(trial.number, snapshot.frozenTrialsOf(trial.architecture)), trial.frozen())) {
                trial.pruneRequested = true;
                out.control(trial, TrialControl.Action.PRUNE, plan.pruner() + " pruner at step " + step);
            }
        });
    }

    /** A trial's result, for its current attempt only; then the study moves on. */
    public List<Event> result(StudySnapshot snapshot, TrialResult result, Instant now) {
        requireEnded(result.state(), result.trialId());
        return decide(snapshot, now, out -> {
            Optional<StudyTrial> current = snapshot.trial(result.trialId())
                    .filter(t -> t.isRunning() && t.attempt == result.attempt());
            if (current.isEmpty()) {
                LOG.debugf("ignoring result of %s attempt %d: unknown, old attempt or finished", result.trialId(),
                        result.attempt());
                return;
            }
            StudyTrial trial = current.get();
            SearchHistory history = new SearchHistory(snapshot.study().plan);
            if (history.reproducible() && settleAsReported(snapshot, history, trial, result, now)) {
                progression.advance(snapshot, out, now);
                return;
            }
            switch (result.state()) {
                case COMPLETE -> {
                    if (result.value() == null || !Double.isFinite(result.value())) {
                        trial.end(TrialState.FAILED, "reported COMPLETE without a usable value: " + result.value(), now);
                    } else {
                        trial.complete(result.value(), now);
                    }
                }
                case PRUNED -> trial.prune(now);
                case FAILED -> trial.end(TrialState.FAILED,
                        result.error() == null ? "failed without a reason" : result.error(), now);
                case CANCELLED -> trial.end(TrialState.FAILED,
                        "cancelled by the trainer" + (result.error() == null ? "" : ": " + result.error()), now);
                case RUNNING -> throw new IllegalStateException("unreachable: checked above");
            }
            progression.advance(snapshot, out, now);
        });
    }

    /** A final model's result: any attempt's counts, the first one to arrive. */
    public List<Event> modelResult(StudySnapshot snapshot, ModelResult result, Instant now) {
        requireEnded(result.state(), result.finalId());
        return decide(snapshot, now, out -> {
            Optional<ArchitectureTuning> waiting = snapshot.byFinalId(result.finalId())
                    .filter(a -> a.phase == Phase.FINAL_REQUESTED);
            if (waiting.isEmpty()) {
                LOG.debugf("ignoring model result %s attempt %d: unknown or already recorded", result.finalId(),
                        result.attempt());
                return;
            }
            ArchitectureTuning architecture = waiting.get();
            LOG.infof("final %s: attempt %d of %d answered %s", result.finalId(), result.attempt(),
                    architecture.currentFinalAttempt(), result.state());
            architecture.phase = Phase.FINISHED;
            architecture.finalState = result.state();
            architecture.artifactUri = result.artifactUri();
            architecture.detail = MessageLimits.capped(result.error());
            architecture.finishedAt = now;
            progression.completeIfDone(snapshot, out, now);
        });
    }

    /**
     * Cancels an unfinished study: its running trials and final trainings (every attempt: an older
     * one may still be training) are told to stop and recorded as failed with the reason.
     */
    public List<Event> cancel(StudySnapshot snapshot, String reason, Instant now) {
        if (snapshot.study().isFinished()) {
            throw new IllegalStateException("study " + snapshot.study().id + " already finished");
        }
        return decide(snapshot, now, out -> {
            for (StudyTrial trial : snapshot.running()) {
                out.control(trial, TrialControl.Action.CANCEL, reason);
                trial.end(TrialState.FAILED, "study cancelled: " + reason, now);
            }
            for (ArchitectureTuning architecture : snapshot.architectures()) {
                if (architecture.phase == Phase.FINAL_REQUESTED) {
                    for (int attempt = 1; attempt <= architecture.currentFinalAttempt(); attempt++) {
                        out.cancelFinal(architecture, attempt, reason);
                    }
                    architecture.fail("study cancelled: " + reason, now);
                }
            }
            snapshot.study().end(Status.CANCELLED, reason, now);
            out.event(Status.CANCELLED, null, reason);
        });
    }

    /** Ends a study that is still CREATED and cannot start as FAILED, naming why, instead of failing on every tick. */
    public List<Event> failToStart(StudySnapshot snapshot, String reason, Instant now) {
        return decide(snapshot, now, out -> {
            if (snapshot.study().status == Status.CREATED) {
                snapshot.study().end(Status.FAILED, reason, now);
                out.event(Status.FAILED, null, reason);
            }
        });
    }

    /**
     * Progress of any attempt of a final counts, since the result of any attempt is accepted: an
     * older attempt that is still training is as good as the newest one.
     */
    private static void finalProgress(StudySnapshot snapshot, TrainingProgress progress, Instant now) {
        snapshot.byFinalId(progress.runId())
                .filter(a -> a.phase == Phase.FINAL_REQUESTED && progress.attempt() <= a.currentFinalAttempt())
                .ifPresent(a -> a.finalLastProgressAt = now);
    }

    /**
     * A reproducible study settles a COMPLETE or PRUNED attempt from its whole curve: the pruner is
     * asked after every step, as Optuna asks it, over the trials this one reads. The outcome then does
     * not depend on whether the trainer heard a PRUNE before it finished. False for the other results
     * (FAILED, CANCELLED, COMPLETE without a usable value): the usual rules settle them.
     */
    private static boolean settleAsReported(StudySnapshot snapshot, SearchHistory history, StudyTrial trial,
            TrialResult result, Instant now) {
        boolean complete = result.state() == TrialState.COMPLETE && result.value() != null
                && Double.isFinite(result.value());
        if (!complete && result.state() != TrialState.PRUNED) {
            return false;
        }
        StudyPlan plan = snapshot.study().plan;
        if (result.foldCurves() != null) {
            trial.replaceCurve(SearchAlgorithms.curve(plan.training(), result.foldCurves()));
        }
        OptionalInt prunedAt = trial.pruneAsReported(SearchAlgorithms.pruner(plan),
                history.readBy(trial.number, snapshot.frozenTrialsOf(trial.architecture)));
        if (complete && prunedAt.isEmpty()) {
            trial.complete(result.value(), now);
        } else {
            trial.prune(now);
        }
        return true;
    }

    private static void requireEnded(TrialState state, String runId) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("the result of " + runId + " must say how the run ended, not " + state);
        }
    }

    private static List<Event> decide(StudySnapshot snapshot, Instant now, java.util.function.Consumer<StudyMessages> step) {
        StudyMessages out = new StudyMessages(snapshot.study(), now);
        step.accept(out);
        return out.list();
    }
}
