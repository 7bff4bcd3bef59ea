package io.vixlab.tuner.pruner;

import static io.vixlab.tuner.TestTrials.complete;
import static io.vixlab.tuner.TestTrials.runningWithReports;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rung promotion worked by hand. With min resource 1, reduction factor 4 and min early-stopping
 * rate 0 the rungs are at steps 1, 4 and 16; at a rung with c recorded values (the judged trial's
 * included) a value goes on when it is at most the (c / 4)-th smallest, or the smallest while c < 8.
 */
class SuccessiveHalvingPrunerTest {

    private final SuccessiveHalvingPruner pruner = new SuccessiveHalvingPruner(1);

    @Test
    void rungsSitAtGeometricallySpacedSteps() {
        assertThat(pruner.promotionStep(0)).isEqualTo(1);
        assertThat(pruner.promotionStep(1)).isEqualTo(4);
        assertThat(pruner.promotionStep(2)).isEqualTo(16);
        SuccessiveHalvingPruner later = new SuccessiveHalvingPruner(3, 2, 1);
        assertThat(later.promotionStep(0)).isEqualTo(6);
        assertThat(later.promotionStep(2)).isEqualTo(24);
        assertThat(later.promotionStep(200)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theFirstTrialsGoOnOnlyWhenTheyAreTheBestAtTheRung() {
        List<FrozenTrial> trials = new ArrayList<>();

        // Before the first rung nothing is judged.
        assertThat(pruner.prune(trials, runningWithReports(0, Map.of(0, 0.5)))).isFalse();
        // Trial 0 alone at rung 0 (step 1): promoted.
        FrozenTrial first = runningWithReports(0, Map.of(0, 0.5, 1, 0.5));
        assertThat(pruner.prune(trials, first)).isFalse();
        trials.add(first);
        // Trial 1 at rung 0 with 0.7 against {0.5, 0.7}: not the best, pruned.
        FrozenTrial second = runningWithReports(1, Map.of(1, 0.7));
        assertThat(pruner.prune(trials, second)).isTrue();
        trials.add(second);
        // Trial 2 with 0.3 against {0.5, 0.7, 0.3}: the best, promoted.
        FrozenTrial third = runningWithReports(2, Map.of(1, 0.3));
        assertThat(pruner.prune(trials, third)).isFalse();
        trials.add(third);
        // Trial 3 with 0.4 against {0.5, 0.7, 0.3, 0.4}: 4 values, so still only the best goes on.
        assertThat(pruner.prune(trials, runningWithReports(3, Map.of(1, 0.4)))).isTrue();
    }

    @Test
    void withEightValuesAtARungTheTwoBestGoOn() {
        List<FrozenTrial> trials = new ArrayList<>();
        double[] rungZeroValues = {0.5, 0.7, 0.3, 0.6, 0.9, 0.8, 0.95};
        for (int number = 0; number < rungZeroValues.length; number++) {
            trials.add(complete(number, Map.of(1, rungZeroValues[number], 2, 0.1)));
        }

        // {0.3, 0.4, 0.5, ...}: 8 values, index 8 / 4 - 1 = 1, so 0.4 passes...
        assertThat(pruner.prune(trials, runningWithReports(7, Map.of(1, 0.4)))).isFalse();
        // ...and 0.55 against {0.3, 0.5, 0.55, ...} does not.
        assertThat(pruner.prune(trials, runningWithReports(7, Map.of(1, 0.55)))).isTrue();
    }

    @Test
    void theValueRecordedAtARungIsTheFirstReportAtOrPastIt() {
        // Trial 0 reported 0.9 at step 1 (its rung-0 record) and 0.1 later: 0.1 is not its record.
        List<FrozenTrial> trials = List.of(complete(0, Map.of(1, 0.9, 2, 0.1, 3, 0.1)));

        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(1, 0.5)))).isFalse();
    }

    @Test
    void aPassedRungIsNotJudgedAgain() {
        List<FrozenTrial> trials = List.of(complete(0, Map.of(1, 0.2, 4, 0.1)));

        // Trial 1 passed rung 0 with 0.1; at step 2, worse than trial 0's 0.2, it is not rejudged.
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(1, 0.1, 2, 0.6)))).isFalse();
        // At step 4 it meets rung 1 with 0.6 against trial 0's 0.1: pruned.
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(1, 0.1, 2, 0.6, 4, 0.6)))).isTrue();
    }

    @Test
    void aReportThatSkipsRungsIsJudgedAtEachOfThem() {
        // Rung 0: trial 0 has 0.5, so 0.4 passes; rung 1: trial 0 has 0.3, so 0.4 fails.
        List<FrozenTrial> trials = List.of(complete(0, Map.of(1, 0.5, 4, 0.3)));

        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 0.9, 5, 0.4)))).isTrue();
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(0, 0.9, 5, 0.2)))).isFalse();
    }

    @Test
    void minEarlyStoppingRateDelaysTheFirstRung() {
        SuccessiveHalvingPruner delayed = new SuccessiveHalvingPruner(1, 4, 1);
        List<FrozenTrial> trials = List.of(complete(0, Map.of(1, 0.1, 4, 0.1)));

        assertThat(delayed.prune(trials, runningWithReports(1, Map.of(1, 0.9)))).isFalse();
        assertThat(delayed.prune(trials, runningWithReports(1, Map.of(1, 0.9, 4, 0.9)))).isTrue();
    }

    @Test
    void aNanAtARungIsPrunedAndNeverCompetes() {
        assertThat(pruner.prune(List.of(), runningWithReports(0, Map.of(1, Double.NaN)))).isTrue();

        List<FrozenTrial> trials = List.of(complete(0, Map.of(1, Double.NaN, 2, 0.1)));
        assertThat(pruner.prune(trials, runningWithReports(1, Map.of(1, 5.0)))).isFalse();
    }
}
