package io.vixlab.report.web;

import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.tuning.TrialConfig;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The runs of a study that are training now: a trial or final attempt that has reported an epoch but
 * no result yet, with its latest epoch. A run whose trainer died stays here until the tuner issues it
 * again (a higher attempt replaces it) or gives it up (its result ends it).
 */
final class RunningRuns {

    /**
     * @param trialNumber the trial's number from its config; null for a final or before the config arrived
     * @param fold        0-based, as the trainer counts
     * @param epoch       0-based epoch within the fold
     */
    record Run(String runId, String architecture, TrainingProgress.RunKind kind, Integer trialNumber, int attempt,
            int fold, int epoch, double trainLoss, double valLoss, Instant at) {
    }

    private RunningRuns() {
    }

    static List<Run> of(List<TrainingProgress> progress, List<TrialResult> trials, List<ModelResult> finals,
            Map<String, TrialConfig> configs) {
        Map<String, Integer> ended = new HashMap<>();
        trials.forEach(t -> ended.merge(t.trialId(), t.attempt(), Math::max));
        finals.forEach(f -> ended.merge(f.finalId(), f.attempt(), Math::max));
        Map<String, TrainingProgress> latest = progress.stream()
                .collect(Collectors.toMap(TrainingProgress::runId, Function.identity(),
                        (a, b) -> Comparator.comparingInt(TrainingProgress::attempt)
                                .thenComparingInt(TrainingProgress::step).compare(a, b) >= 0 ? a : b));
        return latest.values().stream()
                .filter(p -> ended.getOrDefault(p.runId(), 0) < p.attempt())
                .sorted(Comparator.comparing(TrainingProgress::architecture).thenComparing(TrainingProgress::runId))
                .map(p -> new Run(p.runId(), p.architecture(), p.kind(),
                        configs.containsKey(p.runId()) ? configs.get(p.runId()).trialNumber() : null, p.attempt(),
                        p.fold(), p.epoch(), p.trainLoss(), p.valLoss(), p.at()))
                .toList();
    }
}
