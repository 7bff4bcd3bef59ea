package io.vixlab.report.stats.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PED-ANOVA against Optuna 5.0.0's {@code get_param_importances} (expected values from
 * {@code importance/ped_anova_reference.py}), and the densities it compares on a case worked by hand.
 */
class PedAnovaTest {

    private static final JsonNode EXPECTED = read("/importance/expected.json");

    @Test
    void parameterThatAloneDrivesTheObjectiveRanksFirst() {
        Map<String, Double> importances = PedAnova.importances(trials("synthetic"));

        assertThat(importances.keySet()).first().isEqualTo("x");
        assertThat(importances.get("x")).isGreaterThan(0.9);
        assertMatchesOptuna("synthetic", importances);
    }

    @Test
    void smallStudyOfEveryKindOfParameterMatchesOptuna() {
        Map<String, Double> importances = PedAnova.importances(trials("small"));

        // units (integer), dropout (float), learning_rate (log float, 1e-4 to 1e-2), optimizer (categorical)
        assertThat(importances.keySet()).containsExactly("units", "dropout", "learning_rate", "optimizer");
        assertMatchesOptuna("small", importances);
        assertThat(importances.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
    }

    /**
     * Ten trials, five with each of two choices, the best one with "a". Top trials: the best alone.
     * Its density: a kernel (prior weight 1 shared by 2 kernels: 0.5 on each choice, 1 on "a", over
     * 2) = (0.75, 0.25), mixed half and half with the uniform prior = (0.625, 0.375). All trials: two
     * kernels (0.8, 0.2) and (0.2, 0.8) of weight 5/11 each and the prior of weight 1/11 = (0.5, 0.5).
     * Pearson divergence: 0.5 (0.625 / 0.5 - 1)² + 0.5 (0.375 / 0.5 - 1)² = 0.0625.
     */
    @Test
    void categoricalDensitiesAsWorkedByHand() {
        assertThat(ScottParzenEstimator.categorical(new double[] {1, 0}, 1.0)).containsExactly(
                new double[] {0.625, 0.375}, within(1e-12));
        assertThat(ScottParzenEstimator.categorical(new double[] {5, 5}, 1.0)).containsExactly(
                new double[] {0.5, 0.5}, within(1e-12));
    }

    @Test
    void parameterWithOneValueExplainsNothing() {
        List<PedAnova.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(new PedAnova.Trial(Map.of("x", (double) i, "batch", 32), i * i));
        }

        Map<String, Double> importances = PedAnova.importances(trials);

        assertThat(importances).containsEntry("x", 1.0).containsEntry("batch", 0.0);
    }

    @Test
    void noTrialsNoImportances() {
        assertThat(PedAnova.importances(List.of())).isEmpty();
    }

    private static void assertMatchesOptuna(String study, Map<String, Double> importances) {
        JsonNode expected = EXPECTED.get(study).get("importances");
        assertThat(importances).hasSize(expected.size());
        expected.fields().forEachRemaining(e ->
                assertThat(importances.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9)));
    }

    private static List<PedAnova.Trial> trials(String study) {
        List<PedAnova.Trial> trials = new ArrayList<>();
        for (JsonNode trial : EXPECTED.get(study).get("trials")) {
            Map<String, Object> params = new LinkedHashMap<>();
            trial.get("params").fields().forEachRemaining(e -> params.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText()
                            : e.getValue().isIntegralNumber() ? (Object) e.getValue().asInt() : e.getValue().asDouble()));
            trials.add(new PedAnova.Trial(params, trial.get("value").asDouble()));
        }
        return trials;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = PedAnovaTest.class.getResourceAsStream(resource)) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
