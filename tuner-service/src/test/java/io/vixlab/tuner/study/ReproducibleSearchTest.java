package io.vixlab.tuner.study;

import static io.vixlab.tuner.study.LoopHarness.ATTENTION;
import static io.vixlab.tuner.study.LoopHarness.BASIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.SettledTrial;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same plan, seed and data give the same trials whatever the number of trainers and the order in
 * which progress and results arrive: TPE past its 10 random startup trials, the median pruner on.
 */
class ReproducibleSearchTest {

    private static final int TRIALS = 16;
    private static final int WINDOW = 3;

    @Test
    void oneTrainerAndThreeTrainersInAnyOrderGiveTheSameTrialsAndTheSameBest() {
        // As the launcher plans it: as many trials in flight as there are trainers.
        Map<String, String> alone = tune(plan(1, WINDOW), 1, 1);
        Map<String, String> three = tune(plan(3, WINDOW), 3, 2);
        Map<String, String> threeOtherOrder = tune(plan(3, WINDOW), 3, 3);

        assertThat(alone).hasSize(2 * TRIALS + 2);
        assertThat(alone.values()).as("the pruner stopped some trials").anyMatch(t -> t.contains("PRUNED"));
        assertThat(alone.values()).as("and let others complete").anyMatch(t -> t.contains("COMPLETE"));
        assertThat(three).isEqualTo(alone);
        assertThat(threeOtherOrder).isEqualTo(alone);
    }

    /**
     * A trainer that heard no PRUNE before its last epoch reports COMPLETE; the study settles the trial
     * from its curve as PRUNED, and the tuned event, which the report counts, says so.
     */
    @Test
    void theTunedEventCarriesTheTrialsAsSettledWhereTheTrainerReportedOtherwise() {
        StudyPlan plan = new StudyPlan("settled", List.of(BASIC), 6, 60, "random", 42L, "median", 1, 1,
                LoopHarness.plan(List.of(BASIC), 6, 1).training(), TrainingSettings.finalDefaults(), "ds-1");
        LoopHarness loop = LoopHarness.started(plan);
        List<List<Double>> good = List.of(List.of(0.2, 0.1), List.of(0.2, 0.1));
        for (int number = 0; number < 5; number++) {
            loop.result(loop.trial(BASIC, number).id, 1, TrialState.COMPLETE, 0.1, good);
        }
        StudyTrial late = loop.trial(BASIC, 5);
        loop.result(late.id, 1, TrialState.COMPLETE, 0.9, List.of(List.of(1.0, 0.9), List.of(1.0, 0.9)));

        StudyEvent tuned = loop.sent(StudyEvent.class).stream()
                .filter(e -> e.status() == StudyEvent.Status.ARCHITECTURE_TUNED).findFirst().orElseThrow();
        assertThat(tuned.trials()).hasSize(6).last()
                .isEqualTo(new SettledTrial(late.id, 5, TrialState.PRUNED, 1.0));
        assertThat(tuned.trials().subList(0, 5)).extracting(SettledTrial::state).containsOnly(TrialState.COMPLETE);
    }

    @Test
    void asResultsArriveTheTrialsDependOnTheTrainers() {
        // The faster mode's cost, shown: what TPE and the pruner read depends on timing.
        assertThat(tune(plan(3, 0), 3, 2)).isNotEqualTo(tune(plan(1, 0), 1, 1));
    }

    @Test
    void architecturesOfOneStudyDrawUnrelatedParameters() {
        LoopHarness loop = LoopHarness.created(plan(2, WINDOW), null);
        new SimulatedTrainers(loop, 2, 1).tuneEverything();

        for (int number = 0; number < TRIALS; number++) {
            Map<String, Object> basic = loop.trial(BASIC, number).params;
            Map<String, Object> attention = loop.trial(ATTENTION, number).params;
            assertThat(attention.get("dropout_rate")).as("trial %d", number).isNotEqualTo(basic.get("dropout_rate"));
            assertThat(attention.get("learning_rate")).as("trial %d", number).isNotEqualTo(basic.get("learning_rate"));
        }
    }

    /** Every trial as {@code params state value} and each architecture's best, after tuning with {@code trainers}. */
    private static Map<String, String> tune(StudyPlan plan, int trainers, long orderSeed) {
        LoopHarness loop = LoopHarness.created(plan, null);
        new SimulatedTrainers(loop, trainers, orderSeed).tuneEverything();
        Map<String, String> outcome = new TreeMap<>();
        for (StudyTrial trial : loop.snapshot().trials()) {
            assertThat(trial.state).isIn(TrialState.COMPLETE, TrialState.PRUNED);
            outcome.put(trial.id, trial.params + " " + trial.state + " " + trial.value);
        }
        for (String architecture : plan.architectures()) {
            ArchitectureTuning tuned = loop.architecture(architecture);
            outcome.put(architecture + " best", tuned.bestParams + " " + tuned.bestValue);
        }
        return outcome;
    }

    /** Two architectures with the same search space, 2 folds of 4 epochs. */
    private static StudyPlan plan(int parallelism, int reproducibleWindow) {
        TrainingSettings training = new TrainingSettings(4, 32, 2, 5, 0.5, 3, 1e-6, 0.2, 42L);
        return new StudyPlan("reproducible", List.of(BASIC, ATTENTION), TRIALS, 60, "tpe", 42L, "median",
                parallelism, reproducibleWindow, training, TrainingSettings.finalDefaults(), "ds-1");
    }
}
