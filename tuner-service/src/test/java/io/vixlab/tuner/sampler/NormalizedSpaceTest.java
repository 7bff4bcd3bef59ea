package io.vixlab.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vixlab.contracts.search.ParamSpec.CategoricalParam;
import io.vixlab.contracts.search.ParamSpec.FloatParam;
import io.vixlab.contracts.search.ParamSpec.IntParam;
import io.vixlab.contracts.search.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizedSpaceTest {

    private static final SearchSpace SPACE = new SearchSpace("s", List.of(
            new IntParam("units", 32, 128, 32),
            new FloatParam("rate", 1e-4, 1e-2, true),
            new FloatParam("fixed", 0.5, 0.5, false),
            new CategoricalParam("kind", List.of("a", "b", "c"))));

    @Test
    void intGridPointsSitInTheMiddlesOfEqualCellsAndLogFloatsScaleByTheirLogarithm() {
        NormalizedSpace space = new NormalizedSpace(SPACE);

        // units: 4 grid points -> cells of 1/4, 64 is the second; rate: 1e-3 is half way in decades;
        // the single-valued "fixed" has no coordinate; kind keeps its index.
        double[] x = space.encode(Map.of("units", 64, "rate", 1e-3, "fixed", 0.5, "kind", "c")).orElseThrow();

        assertThat(x).containsExactly(new double[] {0.375, 0.5, 2}, within(1e-12));
        assertThat(space.discreteValues(0).orElseThrow()).containsExactly(0.125, 0.375, 0.625, 0.875);
        assertThat(space.discreteValues(1)).isEmpty();
        assertThat(space.categorical()).containsExactly(false, false, true);
    }

    @Test
    void decodingSnapsOntoTheSpaceAndEncodingRefusesPointsOutsideIt() {
        NormalizedSpace space = new NormalizedSpace(SPACE);

        Map<String, Object> params = space.decode(new double[] {0.6, 1.0, 1});

        assertThat(params).containsExactly(Map.entry("units", 96), Map.entry("rate", 1e-2),
                Map.entry("fixed", 0.5), Map.entry("kind", "b"));
        assertThat(space.fromUnitCube(new double[] {0.99, 0.3, 0.5})).containsExactly(0.875, 0.3, 1.0);
        assertThat(space.encode(Map.of("units", 65, "rate", 1e-3, "fixed", 0.5, "kind", "c"))).isEmpty();
    }
}
