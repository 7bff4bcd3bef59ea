package io.vixlab.tuner.study;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.StudyEvent.Status;
import io.vixlab.tuner.study.ArchitectureTuning.Phase;
import io.vixlab.tuner.study.TrialScheduler.ArchitectureLoad;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves a study on: starts it once its dataset is known, re-issues stale trials and finals, closes
 * the architectures whose budget is spent, fills free trial slots and completes the study.
 */
final class StudyProgression {

    private static final Logger LOG = Logger.getLogger(StudyProgression.class);

    private final RunWatchdog watchdog;

    StudyProgression(RunWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    void advance(StudySnapshot snapshot, StudyMessages out, Instant now) {
        Study study = snapshot.study();
        if (study.status == Status.CREATED && !start(snapshot, out)) {
            return;
        }
        if (study.status != Status.RUNNING) {
            return;
        }
        reissueStaleTrials(snapshot, out, now);
        rerequestStaleFinals(snapshot, out, now);
        TrialScheduler scheduler = new TrialScheduler(study.plan);
        Map<String, ArchitectureTuning> tuning = new LinkedHashMap<>();
        List<ArchitectureLoad> loads = new ArrayList<>();
        for (ArchitectureTuning architecture : snapshot.architectures()) {
            if (architecture.phase != Phase.TUNING) {
                continue;
            }
            ArchitectureLoad load = load(snapshot, architecture, new SearchHistory(study.plan));
            if (scheduler.tuned(load, now)) {
                closeTuning(snapshot, architecture, out, now);
            } else {
                tuning.put(architecture.architecture, architecture);
                loads.add(load);
            }
        }
        for (String architecture : scheduler.nextTrials(loads, now)) {
            ask(snapshot, tuning.get(architecture), out, now);
        }
        completeIfDone(snapshot, out, now);
    }

    /** COMPLETED once every architecture is done, FAILED when none of them produced a model. */
    void completeIfDone(StudySnapshot snapshot, StudyMessages out, Instant now) {
        Study study = snapshot.study();
        List<ArchitectureTuning> architectures = snapshot.architectures();
        if (study.status != Status.RUNNING || !architectures.stream().allMatch(ArchitectureTuning::done)) {
            return;
        }
        boolean anyModel = architectures.stream()
                .anyMatch(a -> a.phase == Phase.FINISHED && a.finalState == TrialState.COMPLETE);
        study.end(anyModel ? Status.COMPLETED : Status.FAILED, anyModel ? null
                : MessageLimits.capped("no architecture produced a final model: " + architectures.stream()
                        .map(a -> a.architecture + ": " + (a.detail == null ? a.phase : a.detail))
                        .collect(Collectors.joining("; "))), now);
        out.event(study.status, null, study.detail);
    }

    /** Resolves the dataset ({@code latest}: the newest seen; none yet: the study waits) and starts. */
    private static boolean start(StudySnapshot snapshot, StudyMessages out) {
        Study study = snapshot.study();
        Optional<String> datasetId = StudyPlan.LATEST_DATASET.equals(study.plan.datasetId())
                ? snapshot.newestDatasetId() : Optional.of(study.plan.datasetId());
        if (datasetId.isEmpty()) {
            return false;
        }
        requireRunnable(study.plan);
        study.datasetId = datasetId.get();
        study.status = Status.RUNNING;
        for (int i = 0; i < study.plan.architectures().size(); i++) {
            snapshot.add(ArchitectureTuning.planned(study.id, study.plan.architectures().get(i), i));
        }
        out.event(Status.RUNNING, null, null);
        return true;
    }

    /** Fails before anything changes when the plan names what cannot run. */
    private static void requireRunnable(StudyPlan plan) {
        try {
            plan.architectures().forEach(architecture -> SearchAlgorithms.sampler(plan, architecture));
            SearchAlgorithms.pruner(plan);
        } catch (IllegalArgumentException e) {
            throw new UnrunnablePlanException(e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        for (String architecture : plan.architectures()) {
            if (Architecture.find(architecture).isEmpty()) {
                throw new UnrunnablePlanException("unknown architecture " + architecture);
            }
            if (!seen.add(architecture)) {
                throw new UnrunnablePlanException("the plan names " + architecture + " twice");
            }
        }
    }

    /** Re-issues each running trial whose attempt ran out of its limit; after the last attempt it fails. */
    private void reissueStaleTrials(StudySnapshot snapshot, StudyMessages out, Instant now) {
        for (StudyTrial trial : snapshot.running()) {
            // Until the attempt has started, lastProgressAt is still its issue time.
            RunWatchdog.Verdict verdict = watchdog.check(trial.attempt, trial.attemptStarted(), trial.lastProgressAt,
                    now);
            switch (verdict.action()) {
                case WAIT -> { }
                case REISSUE -> {
                    trial.reissue(now);
                    out.trial(trial);
                    LOG.infof("trial %s: %s; issued again as attempt %d", trial.id, verdict.lapse(), trial.attempt);
                }
                case GIVE_UP -> {
                    trial.end(TrialState.FAILED, verdict.reason(), now);
                    LOG.warnf("trial %s failed: %s", trial.id, verdict.reason());
                }
            }
        }
    }

    /**
     * Re-requests each awaited final training whose attempt ran out of its limit; after the last
     * attempt the architecture fails. Progress of any attempt counts.
     */
    private void rerequestStaleFinals(StudySnapshot snapshot, StudyMessages out, Instant now) {
        for (ArchitectureTuning architecture : snapshot.architectures()) {
            if (architecture.phase != Phase.FINAL_REQUESTED) {
                continue;
            }
            boolean started = architecture.finalStarted();
            RunWatchdog.Verdict verdict = watchdog.check(architecture.currentFinalAttempt(), started,
                    started ? architecture.finalLastProgressAt : architecture.currentFinalRequestedAt(), now);
            switch (verdict.action()) {
                case WAIT -> { }
                case REISSUE -> {
                    architecture.finalAttempt = architecture.currentFinalAttempt() + 1;
                    architecture.finalRequestedAt = now;
                    out.finalTraining(architecture);
                    LOG.infof("final %s: %s; requested again as attempt %d", architecture.finalId, verdict.lapse(),
                            architecture.finalAttempt);
                }
                case GIVE_UP -> {
                    architecture.fail("final training: " + verdict.reason(), now);
                    LOG.warnf("final %s failed: %s", architecture.finalId, verdict.reason());
                }
            }
        }
    }

    private static ArchitectureLoad load(StudySnapshot snapshot, ArchitectureTuning architecture,
            SearchHistory history) {
        List<StudyTrial> trials = snapshot.trialsOf(architecture.architecture);
        int running = (int) trials.stream().filter(StudyTrial::isRunning).count();
        return new ArchitectureLoad(architecture.architecture, trials.size(), running, history.askableNow(trials),
                architecture.tuningStartedAt);
    }

    /** Asks the architecture's sampler for its next trial, given the trials it reads ({@link SearchHistory}). */
    private static void ask(StudySnapshot snapshot, ArchitectureTuning architecture, StudyMessages out, Instant now) {
        Study study = snapshot.study();
        List<FrozenTrial> trials = snapshot.frozenTrialsOf(architecture.architecture);
        int number = trials.size();
        Map<String, Object> params = SearchAlgorithms.sampler(study.plan, architecture.architecture)
                .sample(Architecture.find(architecture.architecture).orElseThrow().searchSpace(),
                        new SearchHistory(study.plan).readBy(number, trials), number);
        StudyTrial trial = StudyTrial.asked(study.id, architecture.architecture, number, params, now);
        snapshot.add(trial);
        if (architecture.tuningStartedAt == null) {
            architecture.tuningStartedAt = now;
        }
        out.trial(trial);
    }

    /** Announces the architecture as tuned and asks for its final training with the best parameters. */
    private static void closeTuning(StudySnapshot snapshot, ArchitectureTuning architecture, StudyMessages out,
            Instant now) {
        architecture.tunedAt = now;
        // The COMPLETE trial with the smallest value; the earliest one on a tie.
        List<StudyTrial> trials = snapshot.trialsOf(architecture.architecture);
        Optional<StudyTrial> best = trials.stream()
                .filter(t -> t.state == TrialState.COMPLETE).min(Comparator.comparingDouble(t -> t.value));
        if (best.isEmpty()) {
            architecture.fail("no trial completed: no parameters to train a final model with", now);
            out.tuned(architecture.architecture, trials, architecture.detail);
            return;
        }
        architecture.phase = Phase.FINAL_REQUESTED;
        architecture.bestTrialId = best.get().id;
        architecture.bestValue = best.get().value;
        architecture.bestParams = best.get().params;
        architecture.finalAttempt = 1;
        architecture.finalRequestedAt = now;
        out.tuned(architecture.architecture, trials,
                "best value " + architecture.bestValue + " in trial " + architecture.bestTrialId);
        out.finalTraining(architecture);
    }
}
