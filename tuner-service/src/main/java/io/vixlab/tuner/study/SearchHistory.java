package io.vixlab.tuner.study;

import java.util.List;

/**
 * Which of an architecture's trials its sampler and pruner read when they decide about trial
 * {@code n}, and so when trial {@code n} may be asked.
 *
 * <p>Reproducible (the default, window {@code k}): trial {@code n} is asked once trials
 * {@code 0 .. n - k} have all finished, and its sampler and pruner read exactly those, never a trial that finished
 * after them. What they read then depends on the plan alone, not on how many trainers there are or
 * in which order results arrive. Up to {@code k} trials of one architecture run at once; a slot its
 * architecture cannot use yet goes to the next architecture in the plan. The cost: each decision
 * ignores the {@code k - 1} trials just before it (with parallel trainers most of them would still
 * be running under the other rule anyway), and trainers wait when every architecture left has
 * {@code k} trials in flight.
 *
 * <p>As results arrive (window 0, {@code reproducible: false}): every trial so far, running ones included (TPE's
 * constant liar counts them as bad), as Optuna runs parallel workers.
 */
final class SearchHistory {

    private final int window;

    SearchHistory(StudyPlan plan) {
        this.window = plan.reproducibleWindow();
    }

    boolean reproducible() {
        return window > 0;
    }

    /** How many more trials of an architecture may be asked now, its budget aside; trials by number. */
    int askableNow(List<StudyTrial> trials) {
        if (!reproducible()) {
            return Integer.MAX_VALUE;
        }
        int finishedPrefix = 0;
        while (finishedPrefix < trials.size() && !trials.get(finishedPrefix).isRunning()) {
            finishedPrefix++;
        }
        return Math.max(0, finishedPrefix + window - trials.size());
    }

    /** The trials that the sampler and the pruner read for trial {@code trialNumber}. */
    List<FrozenTrial> readBy(int trialNumber, List<FrozenTrial> trials) {
        if (!reproducible()) {
            return trials;
        }
        return trials.stream().filter(t -> t.number() <= trialNumber - window).toList();
    }
}
