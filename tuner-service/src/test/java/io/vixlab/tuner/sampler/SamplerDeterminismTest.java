package io.vixlab.tuner.sampler;

import static io.vixlab.tuner.TestTrials.complete;
import static io.vixlab.tuner.TestTrials.failed;
import static io.vixlab.tuner.TestTrials.pruned;
import static io.vixlab.tuner.TestTrials.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.ParamSpec;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.SearchSpace;
import io.vixlab.tuner.study.FrozenTrial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What reproducible studies and restarts rely on: a sampler's proposal depends on its seed and the
 * trial history only, not on the instance, nor on the order the history is listed in.
 */
class SamplerDeterminismTest {

    /** Basic_CNN_LSTM's ints, linear and log floats plus a categorical: every kind of parameter. */
    private static final SearchSpace SPACE;

    static {
        List<ParamSpec> params = new ArrayList<>(Architecture.BASIC_CNN_LSTM.searchSpace().params());
        params.add(new CategoricalParam("optimizer", List.of("adam", "rmsprop", "sgd")));
        SPACE = new SearchSpace("Basic_CNN_LSTM", params);
    }

    static Stream<Arguments> samplers() {
        return Stream.of(
                Arguments.of("tpe", (LongFunction<Sampler>) seed -> TpeSampler.builder().seed(seed).constantLiar(true).build()),
                Arguments.of("tpe-multivariate", (LongFunction<Sampler>) seed ->
                        TpeSampler.builder().seed(seed).constantLiar(true).multivariate(true).build()),
                Arguments.of("gp", (LongFunction<Sampler>) GpSampler::new),
                Arguments.of("random", (LongFunction<Sampler>) RandomSampler::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void sameSeedAndHistoryGiveTheSameProposal(String name, LongFunction<Sampler> samplerForSeed) {
        List<FrozenTrial> history = history();
        List<FrozenTrial> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(5));

        Map<String, Object> proposal = samplerForSeed.apply(42).sample(SPACE, history, history.size());

        assertThat(SPACE.violations(proposal)).isEmpty();
        assertThat(samplerForSeed.apply(42).sample(SPACE, history, history.size())).isEqualTo(proposal);
        assertThat(samplerForSeed.apply(42).sample(SPACE, shuffled, history.size())).isEqualTo(proposal);
        assertThat(samplerForSeed.apply(43).sample(SPACE, history, history.size())).isNotEqualTo(proposal);
    }

    /** 16 complete trials of a bowl, and a pruned, a failed and two running ones. */
    private static List<FrozenTrial> history() {
        RandomSampler random = new RandomSampler(11);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int number = 0; number < 20; number++) {
            Map<String, Object> params = random.sample(SPACE, List.of(), number);
            double value = (Double) params.get("dropout_rate") + Math.abs(Math.log10((Double) params.get("learning_rate")) + 3)
                    + ((Integer) params.get("cnn_filters_1")) / 128.0 + (params.get("optimizer").equals("adam") ? 0 : 0.5);
            trials.add(switch (number) {
                case 16 -> pruned(number, params, Map.of(0, value + 1));
                case 17 -> failed(number, params);
                case 18, 19 -> running(number, params);
                default -> complete(number, value, params);
            });
        }
        return trials;
    }
}
