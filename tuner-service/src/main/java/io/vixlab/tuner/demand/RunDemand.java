package io.vixlab.tuner.demand;

import io.vixlab.contracts.training.TrainingProgress.RunKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The work for trainers, by kind of run: runs waiting for a trainer (issued, not started) and runs
 * training (started, not answered), and how many trainers that takes.
 *
 * @param waiting        runs per kind whose current attempt has not started
 * @param running        runs per kind whose current attempt has started and not answered
 * @param wantedTrainers one trainer per waiting or running run, at most the configured maximum
 */
public record RunDemand(Map<RunKind, Long> waiting, Map<RunKind, Long> running, int wantedTrainers) {

    /**
     * A trainer trains one run at a time, so each waiting and each running run wants one, up to
     * {@code maxTrainers}. A kind missing from the counts has none.
     */
    public static RunDemand of(Map<RunKind, Long> waiting, Map<RunKind, Long> running, int maxTrainers) {
        Map<RunKind, Long> allWaiting = everyKind(waiting);
        Map<RunKind, Long> allRunning = everyKind(running);
        long runs = total(allWaiting) + total(allRunning);
        return new RunDemand(allWaiting, allRunning, (int) Math.min(runs, maxTrainers));
    }

    private static Map<RunKind, Long> everyKind(Map<RunKind, Long> counts) {
        Map<RunKind, Long> all = new EnumMap<>(RunKind.class);
        for (RunKind kind : RunKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0L));
        }
        return Collections.unmodifiableMap(all);
    }

    private static long total(Map<RunKind, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
