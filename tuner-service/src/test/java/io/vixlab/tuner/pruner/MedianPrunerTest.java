package io.vixlab.tuner.pruner;

import static io.vixlab.tuner.TestTrials.complete;
import static io.vixlab.tuner.TestTrials.runningWithReports;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.tuner.TestTrials;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optuna's documented MedianPruner behaviour, worked by hand: a trial is pruned when its best
 * intermediate value so far is worse than the median of what the COMPLETE trials reported at the
 * trial's latest step.
 */
class MedianPrunerTest {

    /** Five complete trials; at step 0 they reported 1..5 (median 3), at step 1 2..6 (median 4). */
    private static final List<FrozenTrial> FIVE_COMPLETE = List.of(
            complete(0, Map.of(0, 1.0, 1, 2.0)),
            complete(1, Map.of(0, 2.0, 1, 3.0)),
            complete(2, Map.of(0, 3.0, 1, 4.0)),
            complete(3, Map.of(0, 4.0, 1, 5.0)),
            complete(4, Map.of(0, 5.0, 1, 6.0)));

    @Test
    void prunesAWorseThanMedianTrialAndKeepsABetterOne() {
        MedianPruner pruner = new MedianPruner();

        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, 3.5)))).isTrue();
        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, 2.5)))).isFalse();
        // Equal to the median is not worse than it.
        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, 3.0)))).isFalse();
    }

    @Test
    void comparesTheTrialsBestValueSoFarNotItsLatestOne() {
        MedianPruner pruner = new MedianPruner();

        // Latest 9.0 is far worse than step 1's median 4, but the best so far, 1.5, is better.
        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, 1.5, 1, 9.0)))).isFalse();
        // Best so far 4.5 against the step-1 median 4: pruned.
        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, 4.5, 1, 4.8)))).isTrue();
    }

    @Test
    void usesOnlyTheCompleteTrialsValuesAtTheTrialsLatestStep() {
        List<FrozenTrial> trials = new ArrayList<>(FIVE_COMPLETE);
        // Running and pruned trials with excellent values do not move the median.
        trials.add(runningWithReports(5, Map.of(0, 0.0, 1, 0.0)));
        trials.add(TestTrials.pruned(6, Map.of(), Map.of(0, 0.0, 1, 0.0)));
        MedianPruner pruner = new MedianPruner();

        // At step 1 the median is 4 (of 2..6), not 3 (step 0's) nor that of anyone's best values.
        assertThat(pruner.prune(trials, runningWithReports(7, Map.of(0, 3.9, 1, 3.9)))).isFalse();
        assertThat(pruner.prune(trials, runningWithReports(7, Map.of(0, 4.1, 1, 4.1)))).isTrue();
    }

    @Test
    void interpolatesTheMedianOfAnEvenNumberOfValues() {
        List<FrozenTrial> four = FIVE_COMPLETE.subList(0, 4);
        MedianPruner pruner = new MedianPruner(4, 0, 1, 1);

        // Step 0 values 1, 2, 3, 4: median 2.5.
        assertThat(pruner.prune(four, runningWithReports(4, Map.of(0, 2.6)))).isTrue();
        assertThat(pruner.prune(four, runningWithReports(4, Map.of(0, 2.4)))).isFalse();
    }

    @Test
    void neverPrunesDuringTheStartupTrials() {
        MedianPruner pruner = new MedianPruner();
        FrozenTrial terrible = runningWithReports(5, Map.of(0, 100.0));

        assertThat(pruner.prune(FIVE_COMPLETE.subList(0, 4), terrible)).isFalse();
        assertThat(pruner.prune(FIVE_COMPLETE, terrible)).isTrue();
        assertThat(pruner.prune(List.of(), terrible)).isFalse();
        assertThat(new MedianPruner(0, 0, 1, 1).prune(List.of(), terrible)).as("no complete trial at all").isFalse();
    }

    @Test
    void neverPrunesDuringTheWarmUpSteps() {
        List<FrozenTrial> trials = List.of(
                complete(0, Map.of(0, 1.0, 1, 1.0, 2, 1.0, 3, 1.0)),
                complete(1, Map.of(0, 1.0, 1, 1.0, 2, 1.0, 3, 1.0)));
        MedianPruner pruner = new MedianPruner(0, 2, 1, 1);

        assertThat(pruner.prune(trials, runningWithReports(2, Map.of(0, 9.0)))).isFalse();
        assertThat(pruner.prune(trials, runningWithReports(2, Map.of(0, 9.0, 1, 9.0)))).isFalse();
        assertThat(pruner.prune(trials, runningWithReports(2, Map.of(0, 9.0, 1, 9.0, 2, 9.0)))).isTrue();
    }

    @Test
    void judgesOnlyTheFirstReportOfEachInterval() {
        List<FrozenTrial> trials = List.of(complete(0, Map.of(0, 1.0, 1, 1.0, 2, 1.0, 3, 1.0, 4, 1.0, 5, 1.0)));
        // Warm-up 1, interval 2: checkpoints at steps 1, 3, 5.
        MedianPruner pruner = new MedianPruner(0, 1, 2, 1);

        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 9.0, 1, 9.0)))).isTrue();
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 9.0, 1, 9.0, 2, 9.0)))).isFalse();
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 9.0, 1, 9.0, 2, 9.0, 3, 9.0)))).isTrue();
        // Reports that skip checkpoint 3: step 4 is the first of its interval and is judged...
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 9.0, 2, 9.0, 4, 9.0)))).isTrue();
        // ...while a second report within the same interval is not.
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 9.0, 3, 9.0, 4, 9.0)))).isFalse();
    }

    @Test
    void needsAtLeastMinTrialsReportingAtTheStep() {
        List<FrozenTrial> trials = List.of(
                complete(0, Map.of(0, 1.0, 1, 1.0)),
                complete(1, Map.of(0, 1.0)));
        MedianPruner pruner = new MedianPruner(0, 0, 1, 2);

        assertThat(pruner.prune(trials, runningWithReports(2, Map.of(0, 9.0)))).isTrue();
        // Only trial 0 reported at step 1.
        assertThat(pruner.prune(trials, runningWithReports(2, Map.of(0, 9.0, 1, 9.0)))).isFalse();
    }

    @Test
    void prunesATrialThatReportedOnlyNanAndIgnoresNanInOthers() {
        MedianPruner pruner = new MedianPruner();

        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of(0, Double.NaN)))).isTrue();
        assertThat(pruner.prune(FIVE_COMPLETE, runningWithReports(5, Map.of()))).as("nothing reported").isFalse();

        List<FrozenTrial> withNan = List.of(
                complete(0, Map.of(0, Double.NaN)), complete(1, Map.of(0, 1.0)), complete(2, Map.of(0, 3.0)));
        MedianPruner noStartup = new MedianPruner(0, 0, 1, 1);
        // NaN left out: the median of 1 and 3 is 2.
        assertThat(noStartup.prune(withNan, runningWithReports(3, Map.of(0, 2.1)))).isTrue();
        assertThat(noStartup.prune(withNan, runningWithReports(3, Map.of(0, 1.9)))).isFalse();
    }

    @Test
    void percentilePrunerInterpolatesLikeNumpy() {
        // numpy.nanpercentile([1, 2, 3, 4, 5], 25) == 2.0 and ([1, 2, 3, 4], 25) == 1.75.
        assertThat(PercentilePruner.nanPercentile(new double[] {5, 1, 4, 2, 3}, 25)).isEqualTo(2.0);
        assertThat(PercentilePruner.nanPercentile(new double[] {4, 1, 3, 2}, 25)).isEqualTo(1.75);
        assertThat(PercentilePruner.nanPercentile(new double[] {Double.NaN}, 50)).isNaN();
    }
}
