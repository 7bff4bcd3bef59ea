package io.vixlab.tuner.study;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which architectures of a running study get its free trial slots, and when an architecture's
 * tuning is over. Architectures take slots in plan order: the first one with a trial left to ask
 * and time left gets every free slot, and the next one starts while the first one's last trials
 * run. Each architecture then tunes as in the seed notebook (one after the other, its timeout
 * measured from its own first trial) while the trainers stay busy.
 */
public final class TrialScheduler {

    /**
     * @param asked           trials asked for so far, whatever their state
     * @param running         of which still running
     * @param askableNow      how many more may be asked now, its budget aside ({@link SearchHistory})
     * @param tuningStartedAt when its first trial was issued; null before that
     */
    public record ArchitectureLoad(String architecture, int asked, int running, int askableNow,
            Instant tuningStartedAt) {
    }

    private final int trialsPerArchitecture;
    private final Duration timeout;
    private final int parallelism;

    public TrialScheduler(StudyPlan plan) {
        this(plan.trialsPerArchitecture(), Duration.ofMinutes(plan.timeoutMinutesPerArchitecture()),
                plan.parallelism());
    }

    public TrialScheduler(int trialsPerArchitecture, Duration timeout, int parallelism) {
        this.trialsPerArchitecture = trialsPerArchitecture;
        this.timeout = timeout;
        this.parallelism = parallelism;
    }

    /**
     * One entry per new trial to ask for now, naming its architecture.
     *
     * @param loads the architectures still tuning, in plan order
     */
    public List<String> nextTrials(List<ArchitectureLoad> loads, Instant now) {
        int free = parallelism - loads.stream().mapToInt(ArchitectureLoad::running).sum();
        List<String> next = new ArrayList<>();
        for (ArchitectureLoad load : loads) {
            int askable = timedOut(load, now) ? 0 : Math.min(trialsPerArchitecture - load.asked(), load.askableNow());
            for (int i = 0; i < askable && next.size() < free; i++) {
                next.add(load.architecture());
            }
        }
        return next;
    }

    /**
     * Whether an architecture is done tuning: all its trials were asked for (or its time is spent,
     * as Optuna's timeout: no new trial, running ones finish) and none of them runs any more.
     */
    public boolean tuned(ArchitectureLoad load, Instant now) {
        return load.running() == 0 && (load.asked() >= trialsPerArchitecture || timedOut(load, now));
    }

    private boolean timedOut(ArchitectureLoad load, Instant now) {
        return load.tuningStartedAt() != null && !now.isBefore(load.tuningStartedAt().plus(timeout));
    }
}
