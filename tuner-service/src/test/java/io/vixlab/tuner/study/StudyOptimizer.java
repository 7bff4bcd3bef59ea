package io.vixlab.tuner.study;

import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.tuner.pruner.Pruner;
import io.vixlab.tuner.sampler.Sampler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Optuna's {@code Study} in memory, for sampler and pruner tests and benchmarks: ask, report and
 * tell on the study loop's own trial rules ({@link StudyTrial}), without storage.
 */
public final class StudyOptimizer {

    private final Sampler sampler;
    private final Pruner pruner;
    private final Clock clock;
    /** Indexed by trial number. */
    private final List<StudyTrial> trials = new ArrayList<>();

    public StudyOptimizer(Sampler sampler, Pruner pruner) {
        this(sampler, pruner, List.of(), Clock.systemUTC());
    }

    /** @param existingTrials the study's trials so far, numbered 0, 1, ... without gaps */
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
            trials.add(loaded(sorted.get(i)));
        }
    }

    public Trial ask(SearchSpace space) {
        int number = trials.size();
        Map<String, Object> params = sampler.sample(space, trials(), number);
        trials.add(StudyTrial.asked("study", "architecture", number, params, clock.instant()));
        return new Trial(number, params);
    }

    public FrozenTrial report(int number, int step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        StudyTrial trial = running(number);
        trial.report(step, value, clock.instant());
        return trial.frozen();
    }

    public boolean shouldPrune(int number) {
        return pruner.prune(trials(), running(number).frozen());
    }

    public FrozenTrial tell(int number, double value) {
        StudyTrial trial = running(number);
        trial.complete(value, clock.instant());
        return trial.frozen();
    }

    /** Finishes a trial without an objective value: PRUNED or FAILED. */
    public FrozenTrial tell(int number, TrialState state) {
        StudyTrial trial = running(number);
        switch (state) {
            case PRUNED -> trial.prune(clock.instant());
            case FAILED -> trial.end(TrialState.FAILED, null, clock.instant());
            default -> throw new IllegalArgumentException("tell without a value needs PRUNED or FAILED, got " + state);
        }
        return trial.frozen();
    }

    public List<FrozenTrial> trials() {
        return trials.stream().map(StudyTrial::frozen).toList();
    }

    /** The COMPLETE trial with the smallest value; the earliest one on a tie. */
    public Optional<FrozenTrial> bestTrial() {
        return trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                .min(Comparator.comparingDouble(t -> t.value().orElseThrow()));
    }

    private StudyTrial running(int number) {
        if (number < 0 || number >= trials.size()) {
            throw new IllegalArgumentException("no trial " + number);
        }
        StudyTrial trial = trials.get(number);
        if (!trial.isRunning()) {
            throw new IllegalStateException("trial " + number + " already finished as " + trial.state);
        }
        return trial;
    }

    private static StudyTrial loaded(FrozenTrial frozen) {
        StudyTrial trial = StudyTrial.asked("study", "architecture", frozen.number(), frozen.params(),
                frozen.datetimeStart());
        trial.state = frozen.state();
        trial.value = frozen.value().isPresent() ? frozen.value().getAsDouble() : null;
        trial.intermediateValues = new TreeMap<>(frozen.intermediateValues());
        trial.finishedAt = frozen.datetimeComplete().orElse(null);
        return trial;
    }
}
