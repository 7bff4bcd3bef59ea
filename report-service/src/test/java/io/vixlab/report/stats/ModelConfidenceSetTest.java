package io.vixlab.report.stats;

import static io.vixlab.contracts.report.DieboldMarianoResult.LossFunction.SQUARED;
import static io.vixlab.report.stats.TestDays.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.report.ConfidenceSet.Statistic;
import io.vixlab.report.stats.ModelConfidenceSetResult.Member;
import io.vixlab.report.stats.ModelConfidenceSetResult.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against numbers from src/test/resources/mcs/mcs_reference.py (see its header for how to run it):
 * a tiny case by an implementation written from the paper and by arch's MCS with the same pinned
 * resamples, and a larger case by arch's MCS with its own seeded moving-block bootstrap.
 */
class ModelConfidenceSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode TINY = json("/mcs/tiny.json");
    private static final JsonNode SYNTHETIC = json("/mcs/synthetic-expected.json");
    /**
     * Four standard errors of the difference of two independent bootstrap estimates of one
     * p-value at 0.5 (the widest case) with 5000 replications: 4 · sqrt(2 · 0.25 / 5000).
     */
    private static final double MONTE_CARLO_TOLERANCE = 0.04;

    private static JsonNode json(String resource) {
        try (InputStream in = ModelConfidenceSetTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Forecast forecast(String name, double[] actual, double[] predicted) {
        List<Prediction> predictions = new ArrayList<>();
        for (int t = 0; t < actual.length; t++) {
            predictions.add(day(t, predicted[t], actual[t], t == 0 ? actual[0] : actual[t - 1]));
        }
        return new Forecast(name, predictions);
    }

    private static double[] doubles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    private static Map<String, Member> byName(ModelConfidenceSetResult result) {
        return result.members().stream().collect(Collectors.toMap(Member::name, Function.identity()));
    }

    /** The cases of a reference file, each named by its loss and statistic. */
    private static Stream<Arguments> cases(JsonNode reference) {
        return StreamSupport.stream(reference.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("loss").asText() + " " + c.get("statistic").asText(), c));
    }

    static Stream<Arguments> tinyCases() {
        return cases(TINY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tinyCases")
    void tinyCaseWithPinnedResamplesMatchesTheReference(String name, JsonNode expected) {
        double[] actual = doubles(TINY.get("actual"));
        List<Forecast> forecasts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = TINY.get("forecasts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            forecasts.add(forecast(entry.getKey(), actual, doubles(entry.getValue())));
        }
        int[][] pinned = JSON.convertValue(TINY.get("resamples"), int[][].class);
        ModelConfidenceSet mcs = new ModelConfidenceSet(
                Statistic.valueOf(expected.get("statistic").asText()), pinned.length, (days, replications) -> pinned);

        ModelConfidenceSetResult result = mcs.compute(forecasts, LossFunction.valueOf(expected.get("loss").asText()));

        assertThat(result.days()).isEqualTo(actual.length);
        assertThat(result.steps()).hasSize(expected.get("steps").size());
        for (int s = 0; s < result.steps().size(); s++) {
            Step step = result.steps().get(s);
            JsonNode expectedStep = expected.get("steps").get(s);
            assertThat(step.number()).isEqualTo(s + 1);
            assertThat(step.eliminated()).isEqualTo(JSON.convertValue(expectedStep.get("eliminated"), List.class));
            assertThat(step.testStatistic()).isCloseTo(expectedStep.get("statistic").asDouble(), within(1e-12));
            assertThat(step.pValue()).isEqualTo(expectedStep.get("pValue").asDouble());
        }
        Map<String, Member> members = byName(result);
        expected.get("members").fields().forEachRemaining(entry -> {
            Member member = members.get(entry.getKey());
            assertThat(member.pValue()).as(entry.getKey()).isEqualTo(entry.getValue().get("pValue").asDouble());
            assertThat(member.eliminationOrder()).as(entry.getKey())
                    .isEqualTo(entry.getValue().get("eliminationOrder").asInt());
            assertThat(member.inSet90()).isEqualTo(member.pValue() >= 0.10);
            assertThat(member.inSet75()).isEqualTo(member.pValue() >= 0.25);
        });
    }

    static Stream<Arguments> syntheticCases() {
        return cases(SYNTHETIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntheticCases")
    void syntheticCaseAgreesWithArchWithinMonteCarloError(String name, JsonNode expected) {
        List<Forecast> forecasts = syntheticForecasts();
        assertThat(MovingBlockBootstrap.defaultBlockLength(1000)).isEqualTo(SYNTHETIC.get("blockLength").asInt());
        ModelConfidenceSet mcs = new ModelConfidenceSet(Statistic.valueOf(expected.get("statistic").asText()),
                SYNTHETIC.get("replications").asInt(),
                MovingBlockBootstrap.withDefaultBlockLength(ModelConfidenceSet.DEFAULT_SEED));

        ModelConfidenceSetResult result = mcs.compute(forecasts, LossFunction.valueOf(expected.get("loss").asText()));

        Map<String, Member> members = byName(result);
        expected.get("members").fields().forEachRemaining(entry -> {
            Member member = members.get(entry.getKey());
            JsonNode arch = entry.getValue();
            assertThat(member.pValue()).as(entry.getKey())
                    .isCloseTo(arch.get("pValue").asDouble(), within(MONTE_CARLO_TOLERANCE));
            assertThat(member.inSet90()).as(entry.getKey()).isEqualTo(arch.get("in90").asBoolean());
            assertThat(member.inSet75()).as(entry.getKey()).isEqualTo(arch.get("in75").asBoolean());
        });
        // the clearly worse forecasts leave first, worst first; the order among the three alike is chance
        List<String> firstThree = result.steps().stream().limit(3).flatMap(step -> step.eliminated().stream()).toList();
        assertThat(firstThree).containsExactly(
                expected.get("order").get(0).asText(), expected.get("order").get(1).asText(),
                expected.get("order").get(2).asText());
    }

    private static List<Forecast> syntheticForecasts() {
        List<String> lines;
        try (InputStream in = ModelConfidenceSetTest.class.getResourceAsStream("/mcs/synthetic.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",");
        double[][] columns = new double[header.length][lines.size() - 1];
        for (int t = 1; t < lines.size(); t++) {
            String[] cells = lines.get(t).split(",");
            for (int c = 0; c < header.length; c++) {
                columns[c][t - 1] = Double.parseDouble(cells[c]);
            }
        }
        List<Forecast> forecasts = new ArrayList<>();
        for (int c = 2; c < header.length; c++) { // previousClose, actual, then one column per forecast
            List<Prediction> predictions = new ArrayList<>();
            for (int t = 0; t < columns[0].length; t++) {
                predictions.add(day(t, columns[c][t], columns[1][t], columns[0][t]));
            }
            forecasts.add(new Forecast(header[c], predictions));
        }
        return forecasts;
    }

    @Test
    void identicalForecastsStayInTheSetTogetherWithPValueOne() {
        Random random = new Random(7);
        double[] actual = new double[200];
        double[] close = new double[200];
        double[] far = new double[200];
        for (int t = 0; t < actual.length; t++) {
            actual[t] = 20 + 3 * Math.sin(t / 9.0);
            close[t] = actual[t] + random.nextGaussian() * 0.5;
            far[t] = actual[t] + random.nextGaussian() * 2.5;
        }
        List<Forecast> forecasts = List.of(
                forecast("close", actual, close), forecast("far", actual, far), forecast("close-again", actual, close));

        ModelConfidenceSetResult result = ModelConfidenceSet.standard().compute(forecasts, SQUARED);

        assertThat(result.statistic()).isEqualTo(Statistic.T_MAX);
        assertThat(result.replications()).isEqualTo(ModelConfidenceSet.DEFAULT_REPLICATIONS);
        assertThat(result.steps()).singleElement().satisfies(step -> {
            assertThat(step.eliminated()).containsExactly("far");
            assertThat(step.pValue()).isLessThan(0.01);
        });
        assertThat(result.members()).extracting(Member::name).containsExactly("close", "far", "close-again");
        Map<String, Member> members = byName(result);
        for (String name : List.of("close", "close-again")) {
            assertThat(members.get(name)).satisfies(member -> {
                assertThat(member.pValue()).isEqualTo(1.0);
                assertThat(member.eliminationOrder()).isEqualTo(2);
                assertThat(member.inSet90()).isTrue();
                assertThat(member.inSet75()).isTrue();
            });
        }
        assertThat(members.get("far").eliminationOrder()).isEqualTo(1);
        assertThat(members.get("far").inSet90()).isFalse();
    }

    @Test
    void runningTheSameComputationAgainGivesTheSameResult() {
        List<Forecast> forecasts = syntheticForecasts().subList(0, 4);

        assertThat(ModelConfidenceSet.standard().compute(forecasts, SQUARED))
                .isEqualTo(ModelConfidenceSet.standard().compute(forecasts, SQUARED));
    }

    @Test
    void forecastsAreComparedOnTheDaysAllOfThemCover() {
        double[] actual = {20, 21, 22, 23, 24};
        Forecast a = forecast("A", actual, new double[] {21, 21, 23, 23, 25});
        Forecast b = forecast("B", actual, new double[] {20, 23, 22, 25, 24});
        Forecast bLater = new Forecast("B", b.predictions().subList(1, 5));
        int[][] identity = {{0, 1, 2, 3}};

        ModelConfidenceSetResult result = new ModelConfidenceSet(Statistic.T_MAX, 1, (days, replications) -> identity)
                .compute(List.of(a, bLater), SQUARED);

        // days 2..5: squared errors A 0, 1, 0, 1 (mean 0.5), B 4, 0, 4, 0 (mean 2)
        assertThat(result.days()).isEqualTo(4);
        assertThat(result.members()).extracting(Member::meanLoss).containsExactly(0.5, 2.0);
    }

    @Test
    void rejectsWhatItCannotCompare() {
        double[] actual = {20, 21, 22};
        Forecast a = forecast("A", actual, new double[] {21, 21, 23});
        Forecast b = forecast("B", actual, new double[] {20, 23, 22});
        ModelConfidenceSet mcs = ModelConfidenceSet.standard();

        assertThatThrownBy(() -> mcs.compute(List.of(a), SQUARED))
                .hasMessage("a model confidence set needs at least two forecasts, got 1");
        assertThatThrownBy(() -> mcs.compute(List.of(a, new Forecast("A", b.predictions())), SQUARED))
                .hasMessage("two forecasts are named A");
        assertThatThrownBy(() -> mcs.compute(List.of(a, new Forecast("B", b.predictions().subList(2, 3))), SQUARED))
                .hasMessage("a model confidence set needs at least two days all forecasts cover, got 1");
        assertThatThrownBy(() -> mcs.compute(List.of(a, new Forecast("B", List.of(
                        b.predictions().get(0), b.predictions().get(1), b.predictions().get(1)))), SQUARED))
                .hasMessage("forecast B has two predictions for 2024-01-03");
        Forecast withNaN = forecast("B", actual, new double[] {20, Double.NaN, 22});
        assertThatThrownBy(() -> mcs.compute(List.of(a, withNaN), SQUARED))
                .hasMessage("forecast B has a loss of NaN on 2024-01-03");
        BootstrapIndices outOfRange = (days, replications) -> new int[][] {{0, 1, 3}};
        assertThatThrownBy(() -> new ModelConfidenceSet(Statistic.T_R, 1, outOfRange).compute(List.of(a, b), SQUARED))
                .hasMessage("a bootstrap resample is not 3 indices into 0..2: [0, 1, 3]");
        assertThatThrownBy(() -> new ModelConfidenceSet(Statistic.T_R, 0, outOfRange))
                .hasMessage("replications must be at least 1, was 0");
    }
}
