package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import io.vixlab.contracts.search.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RandomSamplerTest {

    private static final int DRAWS = 2_000;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void staysOnEveryGridAndWithinEveryBoundAndReachesEveryGridPoint(Architecture architecture) {
        SearchSpace space = architecture.searchSpace();
        List<Map<String, Object>> draws = draw(new RandomSampler(42), space, DRAWS);

        assertThat(draws).allSatisfy(params -> assertThat(space.violations(params)).isEmpty());
        for (var spec : space.params()) {
            if (spec instanceof IntParam i) {
                Set<Object> seen = new HashSet<>();
                draws.forEach(params -> seen.add(params.get(i.name())));
                assertThat(seen).as(i.name()).hasSize((i.high() - i.low()) / i.step() + 1);
            }
        }
    }

    @Test
    void logScaleIsUniformInLogSpace() {
        SearchSpace space = new SearchSpace("lr", List.of(new FloatParam("learning_rate", 1e-4, 1e-2, true)));
        List<Double> rates = draw(new RandomSampler(3), space, 4_000).stream()
                .map(params -> (Double) params.get("learning_rate"))
                .toList();

        // 1e-3 is the middle of [1e-4, 1e-2] in log space but only 9% of it on a linear scale.
        double belowMiddle = rates.stream().filter(r -> r < 1e-3).count() / 4_000.0;
        assertThat(belowMiddle).isBetween(0.46, 0.54);
        assertThat(rates).allSatisfy(r -> assertThat(r).isBetween(1e-4, 1e-2));
    }

    @Test
    void categoricalChoicesAreEquallyLikely() {
        SearchSpace space = new SearchSpace("cat", List.of(new CategoricalParam("optimizer", List.of("adam", "sgd", "rmsprop"))));
        List<Map<String, Object>> draws = draw(new RandomSampler(5), space, 3_000);

        for (String choice : List.of("adam", "sgd", "rmsprop")) {
            long count = draws.stream().filter(p -> p.get("optimizer").equals(choice)).count();
            assertThat(count).as(choice).isBetween(900L, 1_100L);
        }
    }

    @Test
    void sameSeedGivesTheSameSequenceAndAnotherSeedAnotherOne() {
        SearchSpace space = Architecture.DEEP_CNN_LSTM.searchSpace();

        List<Map<String, Object>> first = draw(new RandomSampler(42), space, 50);
        List<Map<String, Object>> second = draw(new RandomSampler(42), space, 50);
        List<Map<String, Object>> otherSeed = draw(new RandomSampler(43), space, 50);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(IntStream.range(0, 50).filter(i -> otherSeed.get(i).equals(first.get(i))).count()).isZero();
    }

    @Test
    void aDomainWithOneValueYieldsIt() {
        SearchSpace space = new SearchSpace("fixed", List.of(
                new IntParam("layers", 3, 4, 2), new FloatParam("momentum", 0.9, 0.9, false),
                new CategoricalParam("activation", List.of("relu"))));

        assertThat(new RandomSampler(1).sample(space, List.of(), 0))
                .containsExactly(Map.entry("layers", 3), Map.entry("momentum", 0.9), Map.entry("activation", "relu"));
    }

    private static List<Map<String, Object>> draw(Sampler sampler, SearchSpace space, int count) {
        List<Map<String, Object>> draws = new ArrayList<>();
        for (int number = 0; number < count; number++) {
            draws.add(sampler.sample(space, List.of(), number));
        }
        return draws;
    }
}
