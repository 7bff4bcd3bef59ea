package io.vixlab.tuner.study;

import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.pruner.Pruner;
import io.vixlab.tuner.sampler.Sampler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ask/tell loop of one minimizing study, in memory: Optuna's {@code Study} without storage.
 * A service that persists trials starts one from the trials it loaded and writes back what
 * {@link #ask}, {@link #report} and {@link #tell} return. Thread-safe.
 */
public final class StudyOptimizer {

    private final Sampler sampler;
    private final Pruner pruner;
    private final Clock clock;
    /** Indexed by trial number. */
    private final List<FrozenTrial> trials = new ArrayList<>();

    public StudyOptimizer(Sampler sampler, Pruner pruner) {
        this(sampler, pruner, List.of(), Clock.systemUTC());
    }

    /**
     * @param existingTrials the study's trials so far, numbered 0, 1, ... without gaps
     */
    public StudyOptimizer(Sampler sampler, Pruner pruner, List<FrozenTrial> existingTrials, Clock clock) {
        this.sampler = sampler;
        this.pruner = pruner;
        this.clock = clock;
        List<FrozenTrial> sorted = existingTrials.stream().sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).number() != i) {
                throw new IllegalArgumentException("trial numbers must be 0.." + (sorted.size() - 1)
                        + " without gaps, found " + sorted.get(i).number() + " at position " + i);
            }
        }
        trials.addAll(sorted);
    }

    /** Starts a new trial with parameters proposed by the sampler. */
    public synchronized Trial ask(SearchSpace space) {
        int number = trials.size();
        Map<String, Object> params = sampler.sample(space, List.copyOf(trials), number);
        trials.add(FrozenTrial.running(number, params, clock.instant()));
        return new Trial(number, params);
    }

    /**
     * Records {@code value} at {@code step} of a running trial. As in Optuna, a second report for
     * the same step is ignored.
     */
    public synchronized FrozenTrial report(int number, int step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        FrozenTrial trial = running(number);
        if (trial.intermediateValues().containsKey(step)) {
            return trial;
        }
        return replace(trial.withIntermediateValue(step, value));
    }

    /** Whether the pruner wants the running trial {@code number} stopped now. */
    public synchronized boolean shouldPrune(int number) {
        FrozenTrial trial = running(number);
        return pruner.prune(List.copyOf(trials), trial);
    }

    /**
     * Completes a trial with its objective value. A NaN value marks the trial FAIL, as Optuna does
     * with a value it cannot rank.
     */
    public synchronized FrozenTrial tell(int number, double value) {
        FrozenTrial trial = running(number);
        if (Double.isNaN(value)) {
            return replace(trial.finished(TrialState.FAIL, OptionalDouble.empty(), clock.instant()));
        }
        return replace(trial.finished(TrialState.COMPLETE, OptionalDouble.of(value), clock.instant()));
    }

    /**
     * Finishes a trial without an objective value: PRUNED (which keeps the last intermediate value,
     * when it is not NaN, as the trial's value, like Optuna) or FAIL.
     */
    public synchronized FrozenTrial tell(int number, TrialState state) {
        if (state != TrialState.PRUNED && state != TrialState.FAIL) {
            throw new IllegalArgumentException("tell without a value needs PRUNED or FAIL, got " + state);
        }
        FrozenTrial trial = running(number);
        OptionalDouble value = OptionalDouble.empty();
        if (state == TrialState.PRUNED && !trial.intermediateValues().isEmpty()) {
            double last = trial.intermediateValues().get(trial.intermediateValues().lastKey());
            value = Double.isNaN(last) ? OptionalDouble.empty() : OptionalDouble.of(last);
        }
        return replace(trial.finished(state, value, clock.instant()));
    }

    public synchronized List<FrozenTrial> trials() {
        return List.copyOf(trials);
    }

    /** The COMPLETE trial with the smallest value; the earliest one on a tie. */
    public synchronized Optional<FrozenTrial> bestTrial() {
        return trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .min(Comparator.comparingDouble(t -> t.value().orElseThrow()));
    }

    private FrozenTrial running(int number) {
        if (number < 0 || number >= trials.size()) {
            throw new IllegalArgumentException("no trial " + number);
        }
        FrozenTrial trial = trials.get(number);
        if (trial.state().isFinished()) {
            throw new IllegalStateException("trial " + number + " already finished as " + trial.state());
        }
        return trial;
    }

    private FrozenTrial replace(FrozenTrial trial) {
        trials.set(trial.number(), trial);
        return trial;
    }
}
