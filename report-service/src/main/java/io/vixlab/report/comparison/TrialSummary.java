package io.vixlab.report.comparison;

import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How an architecture's trials ended, counting the latest attempt of each trial once. Cancelled
 * trials are in none of the counts.
 *
 * @param bestValue lowest value (mean validation loss, scaled) of a complete trial; null if none
 */
public record TrialSummary(int complete, int pruned, int failed, Double bestValue) {

    public static final TrialSummary NONE = new TrialSummary(0, 0, 0, null);

    public static Map<String, TrialSummary> byArchitecture(List<TrialResult> results) {
        return latestAttempts(results).stream()
                .collect(Collectors.groupingBy(TrialResult::architecture,
                        Collectors.collectingAndThen(Collectors.toList(), TrialSummary::of)));
    }

    /** The latest attempt of each trial, in the order the trials finished. */
    public static List<TrialResult> latestAttempts(List<TrialResult> results) {
        return results.stream()
                .collect(Collectors.toMap(TrialResult::trialId, Function.identity(),
                        (a, b) -> b.attempt() > a.attempt() ? b : a))
                .values().stream()
                .sorted(Comparator.comparing(TrialResult::finishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(TrialResult::trialId))
                .toList();
    }

    private static TrialSummary of(List<TrialResult> trials) {
        Double best = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.value() != null)
                .map(TrialResult::value)
                .min(Double::compare)
                .orElse(null);
        return new TrialSummary(count(trials, TrialState.COMPLETE), count(trials, TrialState.PRUNED),
                count(trials, TrialState.FAILED), best);
    }

    private static int count(List<TrialResult> trials, TrialState state) {
        return (int) trials.stream().filter(t -> t.state() == state).count();
    }
}
