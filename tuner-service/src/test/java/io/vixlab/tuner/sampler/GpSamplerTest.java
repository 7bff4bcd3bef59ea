package io.vixlab.tuner.sampler;

import static io.vixlab.tuner.TestTrials.complete;
import static io.vixlab.tuner.TestTrials.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.bench.TestFunctions;
import io.vixlab.tuner.pruner.NopPruner;
import io.vixlab.tuner.study.FrozenTrial;
import io.vixlab.tuner.study.StudyOptimizer;
import io.vixlab.tuner.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    private static final SearchSpace SEED_SPACE = Architecture.BASIC_CNN_LSTM.searchSpace();

    @Test
    void startsLikeTheRandomSamplerThenProposesPointsOfTheSpace() {
        StudyOptimizer study = new StudyOptimizer(new GpSampler(42), new NopPruner());
        RandomSampler random = new RandomSampler(42);
        for (int i = 0; i < 20; i++) {
            List<FrozenTrial> before = study.trials();
            Trial trial = study.ask(SEED_SPACE);
            if (i < 10) {
                assertThat(trial.params()).isEqualTo(random.sample(SEED_SPACE, before, i));
            }
            assertThat(SEED_SPACE.violations(trial.params())).isEmpty();
            study.tell(trial.number(), TestFunctions.SEED_SPACE_BOWL.objective().applyAsDouble(trial.params()));
        }
    }

    @Test
    void findsBraninsMinimumClosely() {
        // Random search's median after 50 trials is about 1.1, the minimum 0.397887.
        assertThat(TestFunctions.BRANIN.bestFound(new GpSampler(1), 30)).isLessThan(0.45);
    }

    @Test
    void searchesAWideIntGridAlongTheGridAndACategoricalByEveryChoice() {
        SearchSpace space = new SearchSpace("wide", List.of(new IntParam("units", 0, 1_000, 1),
                new FloatParam("rate", 0, 1, false), new CategoricalParam("kind", List.of("a", "b", "c"))));
        ToDoubleFunction<Map<String, Object>> objective = p -> Math.pow(((Integer) p.get("units") - 637) / 100.0, 2)
                + Math.pow((Double) p.get("rate") - 0.3, 2) + (p.get("kind").equals("b") ? 0 : 1);
        TestFunctions.TestFunction function = new TestFunctions.TestFunction("wide", space, objective, 0);

        assertThat(function.bestFound(new GpSampler(5), 30)).isLessThan(0.05);
    }

    @Test
    void aRunningTrialAtTheProposalPushesTheNextProposalElsewhere() {
        List<FrozenTrial> trials = new ArrayList<>();
        StudyOptimizer study = new StudyOptimizer(new GpSampler(3), new NopPruner());
        for (int i = 0; i < 15; i++) {
            Trial trial = study.ask(TestFunctions.BRANIN.space());
            study.tell(trial.number(), TestFunctions.BRANIN.objective().applyAsDouble(trial.params()));
        }
        trials.addAll(study.trials());
        GpSampler sampler = new GpSampler(3);
        Map<String, Object> proposal = sampler.sample(TestFunctions.BRANIN.space(), trials, 15);
        trials.add(running(15, proposal));

        Map<String, Object> next = sampler.sample(TestFunctions.BRANIN.space(), trials, 16);

        double dx = ((Double) next.get("x0") - (Double) proposal.get("x0")) / 15;
        double dy = ((Double) next.get("x1") - (Double) proposal.get("x1")) / 15;
        assertThat(Math.hypot(dx, dy)).isGreaterThan(0.01);
    }

    @Test
    void ignoresTrialsWhoseValuesAreNotPointsOfTheSpace() {
        List<FrozenTrial> trials = new ArrayList<>();
        RandomSampler random = new RandomSampler(8);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> params = random.sample(SEED_SPACE, List.of(), i);
            trials.add(complete(i, TestFunctions.SEED_SPACE_BOWL.objective().applyAsDouble(params), params));
        }
        trials.add(complete(12, -100, Map.of("cnn_filters_1", 33)));

        Map<String, Object> proposal = new GpSampler(8).sample(SEED_SPACE, trials, 13);

        assertThat(SEED_SPACE.violations(proposal)).isEmpty();
    }
}
