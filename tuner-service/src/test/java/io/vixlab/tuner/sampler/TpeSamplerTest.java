package io.vixlab.tuner.sampler;

import static io.vixlab.tuner.TestTrials.complete;
import static io.vixlab.tuner.TestTrials.failed;
import static io.vixlab.tuner.TestTrials.pruned;
import static io.vixlab.tuner.TestTrials.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.tuner.study.StudyOptimizer;
import io.vixlab.tuner.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    /** Deep_CNN_LSTM's ten parameters plus a categorical one, so that every kernel kind is used. */
    private static final SearchSpace MIXED_SPACE = withOptimizer(Architecture.DEEP_CNN_LSTM.searchSpace());

    private static final SearchSpace UNIT_INTERVAL =
            new SearchSpace("x", List.of(new FloatParam("x", 0, 1, false)));

    @Test
    void proposalsStayOnEveryGridAndWithinEveryBound() {
        List<FrozenTrial> trials = optimize(TpeSampler.withSeed(42), MIXED_SPACE, 150, TpeSamplerTest::mixedObjective);

        assertThat(trials).allSatisfy(t -> assertThat(MIXED_SPACE.violations(t.params())).isEmpty());
        // Past the startup phase the sampler still explores: more than one value per parameter.
        for (ParamSpec spec : MIXED_SPACE.params()) {
            assertThat(trials.subList(10, 150).stream().map(t -> t.params().get(spec.name())).distinct().count())
                    .as(spec.name()).isGreaterThan(1);
        }
    }

    @Test
    void logScaleParametersConcentrateOnALogScaleOptimum() {
        // The learning rate's optimum, 2e-4, lies in the bottom 15% of the range in log space and
        // the bottom 1% on a linear one: a sampler working linearly would rarely get near it.
        List<FrozenTrial> trials = optimize(TpeSampler.withSeed(7), MIXED_SPACE, 120, TpeSamplerTest::mixedObjective);

        long nearOptimum = trials.subList(60, 120).stream()
                .map(t -> (Double) t.params().get("learning_rate"))
                .filter(lr -> lr > 1e-4 && lr < 4e-4)
                .count();
        assertThat(nearOptimum).isGreaterThan(30);
    }

    @Test
    void sameSeedGivesIdenticalSequencesAndAnotherSeedDifferentOnes() {
        List<FrozenTrial> first = optimize(TpeSampler.withSeed(42), MIXED_SPACE, 40, TpeSamplerTest::mixedObjective);
        List<FrozenTrial> second = optimize(TpeSampler.withSeed(42), MIXED_SPACE, 40, TpeSamplerTest::mixedObjective);
        List<FrozenTrial> otherSeed = optimize(TpeSampler.withSeed(43), MIXED_SPACE, 40, TpeSamplerTest::mixedObjective);

        assertThat(second.stream().map(FrozenTrial::params).toList())
                .isEqualTo(first.stream().map(FrozenTrial::params).toList());
        assertThat(IntStream.range(10, 40).filter(i -> otherSeed.get(i).params().equals(first.get(i).params())))
                .isEmpty();
    }

    @Test
    void theStartupTrialsAreTheRandomSamplersAndTheRestAreNot() {
        List<FrozenTrial> trials = optimize(TpeSampler.withSeed(42), MIXED_SPACE, 30, TpeSamplerTest::mixedObjective);
        RandomSampler random = new RandomSampler(42);

        for (int number = 0; number < 30; number++) {
            Map<String, Object> randomProposal = random.sample(MIXED_SPACE, trials.subList(0, number), number);
            if (number < 10) {
                assertThat(trials.get(number).params()).as("trial %d", number).isEqualTo(randomProposal);
            } else {
                assertThat(trials.get(number).params()).as("trial %d", number).isNotEqualTo(randomProposal);
            }
        }
    }

    @Test
    void onlyCompleteAndPrunedTrialsEndTheStartupPhase() {
        TpeSampler tpe = TpeSampler.withSeed(42);
        List<FrozenTrial> history = new ArrayList<>();
        for (int number = 0; number < 9; number++) {
            history.add(complete(number, number, Map.of("x", 0.05 * number)));
        }
        history.add(running(9, Map.of("x", 0.5)));
        history.add(failed(10, Map.of("x", 0.6)));
        RandomSampler random = new RandomSampler(42);

        assertThat(tpe.sample(UNIT_INTERVAL, history, 11)).isEqualTo(random.sample(UNIT_INTERVAL, history, 11));

        history.add(pruned(11, Map.of("x", 0.7), Map.of(0, 3.0)));
        assertThat(tpe.sample(UNIT_INTERVAL, history, 12)).isNotEqualTo(random.sample(UNIT_INTERVAL, history, 12));
    }

    @Test
    void prunedTrialsJoinTheBelowGroupByHowFarTheyGot() {
        // One complete trial and 19 pruned ones: gamma(20) = 2 puts the complete trial and the
        // pruned trial that got furthest below, whatever its value. Eighteen pruned at step 0 with
        // good values sit in [0.3, 0.7]; one at x = 0.9 reported a bad value, at step 5 or at step 0.
        int nearFurthestWhenItGotFurthest = proposalsNear(0.9, prunedHistory(5));
        int nearFurthestWhenItStoppedFirst = proposalsNear(0.9, prunedHistory(0));

        // Below, the trial at 0.9 draws a share of the proposals; left above, it repels them.
        assertThat(nearFurthestWhenItGotFurthest).isGreaterThan(10);
        assertThat(nearFurthestWhenItStoppedFirst).isLessThan(nearFurthestWhenItGotFurthest / 4);
    }

    @Test
    void withoutTheConstantLiarRunningTrialsAreIgnored() {
        TpeSampler tpe = TpeSampler.withSeed(11);
        List<FrozenTrial> finished = quadraticHistory(20);
        List<FrozenTrial> withRunning = withRunningTrialsAtTheOptimum(finished);

        for (int number = 25; number < 45; number++) {
            assertThat(tpe.sample(UNIT_INTERVAL, withRunning, number))
                    .isEqualTo(tpe.sample(UNIT_INTERVAL, finished, number));
        }
    }

    @Test
    void theConstantLiarSteersProposalsAwayFromRunningTrials() {
        TpeSampler liar = TpeSampler.builder().seed(11).constantLiar(true).build();
        List<FrozenTrial> finished = quadraticHistory(20);
        List<FrozenTrial> withRunning = withRunningTrialsAtTheOptimum(finished);

        int changed = 0;
        int nearRunningWithout = 0;
        int nearRunningWith = 0;
        for (int number = 25; number < 225; number++) {
            double without = (Double) liar.sample(UNIT_INTERVAL, finished, number).get("x");
            double with = (Double) liar.sample(UNIT_INTERVAL, withRunning, number).get("x");
            changed += without != with ? 1 : 0;
            nearRunningWithout += Math.abs(without - 0.3) < 0.02 ? 1 : 0;
            nearRunningWith += Math.abs(with - 0.3) < 0.02 ? 1 : 0;
        }
        assertThat(changed).isEqualTo(200);
        assertThat(nearRunningWith).isLessThan(nearRunningWithout / 2);
    }

    @Test
    void gammaAndWeightsAreOptunasDefaults() {
        assertThat(IntStream.of(0, 1, 10, 11, 100, 249, 250, 1_000).map(TpeSampler::defaultGamma).toArray())
                .containsExactly(0, 1, 1, 2, 10, 25, 25, 25);
        assertThat(TpeSampler.defaultWeights(24)).containsOnly(1.0).hasSize(24);
        assertThat(TpeSampler.defaultWeights(26)).hasSize(26).startsWith(1.0 / 26, 1.0).containsOnly(1.0 / 26, 1.0);
        // numpy's linspace(1/30, 1, 5) followed by 25 ones, as printed by Optuna's default_weights(30).
        assertThat(TpeSampler.defaultWeights(30)).startsWith(
                new double[] {0.03333333333333333, 0.275, 0.5166666666666667, 0.7583333333333333, 1.0, 1.0},
                within(1e-15));
        assertThat(TpeSampler.defaultWeights(30)).hasSize(30);
    }

    private static List<FrozenTrial> prunedHistory(int lastStepOfTheTrialAtPointNine) {
        List<FrozenTrial> trials = new ArrayList<>();
        trials.add(complete(0, 1.0, Map.of("x", 0.1)));
        for (int number = 1; number <= 18; number++) {
            trials.add(pruned(number, Map.of("x", 0.3 + 0.4 * number / 18), Map.of(0, 0.5)));
        }
        trials.add(pruned(19, Map.of("x", 0.9), Map.of(lastStepOfTheTrialAtPointNine, 9.0)));
        return trials;
    }

    /** Of 100 proposals for consecutive trial numbers, how many fall within 0.05 of {@code x}. */
    private static int proposalsNear(double x, List<FrozenTrial> history) {
        TpeSampler tpe = TpeSampler.withSeed(5);
        return (int) IntStream.range(20, 120)
                .mapToDouble(number -> (Double) tpe.sample(UNIT_INTERVAL, history, number).get("x"))
                .filter(proposal -> Math.abs(proposal - x) < 0.05)
                .count();
    }

    /** 20 finished trials of (x - 0.3)^2 spread over [0, 1]. */
    private static List<FrozenTrial> quadraticHistory(int count) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            double x = (number + 0.5) / count;
            trials.add(complete(number, (x - 0.3) * (x - 0.3), Map.of("x", x)));
        }
        return trials;
    }

    private static List<FrozenTrial> withRunningTrialsAtTheOptimum(List<FrozenTrial> finished) {
        List<FrozenTrial> trials = new ArrayList<>(finished);
        double[] xs = {0.29, 0.295, 0.3, 0.305, 0.31};
        for (double x : xs) {
            trials.add(running(trials.size(), Map.of("x", x)));
        }
        return trials;
    }

    private static List<FrozenTrial> optimize(Sampler sampler, SearchSpace space, int count,
            ToDoubleFunction<Map<String, Object>> objective) {
        StudyOptimizer study = new StudyOptimizer(sampler, new NopPruner());
        for (int i = 0; i < count; i++) {
            Trial trial = study.ask(space);
            study.tell(trial.number(), objective.applyAsDouble(trial.params()));
        }
        return study.trials();
    }

    /** A bowl over the mixed space with its minimum 0 on a grid point of every parameter. */
    private static double mixedObjective(Map<String, Object> p) {
        double units = Math.pow(((Integer) p.get("lstm_units_1") - 128) / 64.0, 2)
                + Math.pow(((Integer) p.get("cnn_filters_2") - 64) / 32.0, 2)
                + Math.pow(((Integer) p.get("dense_units_2") - 16) / 8.0, 2);
        double dropout = Math.pow(((Double) p.get("dropout_rate") - 0.3) / 0.1, 2);
        double rate = Math.pow(Math.log10((Double) p.get("learning_rate") / 2e-4), 2);
        double optimizer = p.get("optimizer").equals("adam") ? 0 : 1;
        return units + dropout + rate + optimizer;
    }

    private static SearchSpace withOptimizer(SearchSpace space) {
        List<ParamSpec> params = new ArrayList<>(space.params());
        params.add(new CategoricalParam("optimizer", List.of("adam", "sgd", "rmsprop")));
        return new SearchSpace(space.architecture(), params);
    }
}
