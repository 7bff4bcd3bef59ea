package io.vixlab.launcher.study;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a study kept its trainers busy, from its runs' issue, start and end times: the share of
 * trainer time that was busy while runs waited for a trainer (the work queue's figure: 100% means no
 * trainer idled while a run waited), and the study's training span against the ideal, the sum of
 * run times over the trainers.
 *
 * @param runs                   answered run attempts (trials and finals)
 * @param busyWhileWaiting       busy trainer time over all trainer time while at least one run waited
 * @param waitingSpan            how long at least one run waited
 * @param trainingTime           the sum of the runs' training times
 * @param span                   from the first run's issue to the last run's end
 */
public record TrainerUtilisation(int trainers, int runs, double busyWhileWaiting, Duration waitingSpan,
        Duration trainingTime, Duration span) {

    /** One answered attempt: issued by the tuner, started and finished on a trainer. */
    public record Run(Instant issued, Instant started, Instant finished) {
        public Run {
            if (started.isBefore(issued)) {
                // A trainer's clock a little behind the tuner's: the run started when it was issued.
                started = issued;
            }
        }
    }

    /** The wall span over the ideal (the sum of run times over the trainers): 1.0 is perfect. */
    public double spanOverIdeal() {
        return span.toNanos() / (trainingTime.toNanos() / (double) trainers);
    }

    public static TrainerUtilisation of(List<Run> runs, int trainers) {
        if (runs.isEmpty()) {
            return new TrainerUtilisation(trainers, 0, 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
        // Sweep over the moments something changes: +1 waiting at an issue, -1 waiting +1 running
        // at a start, -1 running at an end.
        record Change(Instant at, int waiting, int running) {
        }
        List<Change> changes = new ArrayList<>();
        Duration training = Duration.ZERO;
        for (Run run : runs) {
            changes.add(new Change(run.issued(), 1, 0));
            changes.add(new Change(run.started(), -1, 1));
            changes.add(new Change(run.finished(), 0, -1));
            training = training.plus(Duration.between(run.started(), run.finished()));
        }
        changes.sort(Comparator.comparing(Change::at));
        int waiting = 0;
        int running = 0;
        double busyNanos = 0;
        double capacityNanos = 0;
        long waitingNanos = 0;
        Instant previous = changes.get(0).at();
        for (Change change : changes) {
            long nanos = Duration.between(previous, change.at()).toNanos();
            if (waiting > 0 && nanos > 0) {
                busyNanos += (double) Math.min(running, trainers) * nanos;
                capacityNanos += (double) trainers * nanos;
                waitingNanos += nanos;
            }
            waiting += change.waiting();
            running += change.running();
            previous = change.at();
        }
        Instant first = changes.get(0).at();
        Instant last = changes.get(changes.size() - 1).at();
        return new TrainerUtilisation(trainers, runs.size(), capacityNanos == 0 ? 1 : busyNanos / capacityNanos,
                Duration.ofNanos(waitingNanos), training, Duration.between(first, last));
    }
}
