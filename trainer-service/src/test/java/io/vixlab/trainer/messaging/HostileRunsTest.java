package io.vixlab.trainer.messaging;

import static io.restassured.RestAssured.given;
import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.bootstrap;
import static io.vixlab.trainer.fixture.TrainerTopics.keyed;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile runs on the work queue, as a hand-published trial or final could be: each is answered
 * FAILED at once with a reason naming what is wrong (never trained, no progress published) and
 * dead-lettered with that reason; the trainer stays live and trains a good trial right after. The
 * test profile of {@link TrialConsumptionTest}: no Quarkus restart.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRunsTest {

    /** One epoch per fold: the good trial after each probe is quick. */
    private static final TrainingSettings QUICK = new TrainingSettings(1, 32, 2, 1, 0.5, 1, 1e-6, 0.0, 42);
    private static final String HUGE_NAME = "X".repeat(100_000);

    @BeforeEach
    void dataset() {
        TrainerTopics.publishDataset();
    }

    static Stream<Arguments> hostileRuns() {
        return Stream.of(
                trialProbe("a trial with 10^9 epochs", BASIC, settings(1_000_000_000, 32, 2, 10, 5, 0.5, 1e-6, 0.0),
                        "epochs must be between 1 and 10000, got 1000000000"),
                trialProbe("a trial with a patience of 10^9", BASIC,
                        settings(3, 32, 2, 1_000_000_000, 5, 0.5, 1e-6, 0.0), "earlyStoppingPatience must be between"),
                trialProbe("a trial with a learning-rate patience of 10^9", BASIC,
                        settings(3, 32, 2, 10, 1_000_000_000, 0.5, 1e-6, 0.0), "reduceLrPatience must be between"),
                trialProbe("a trial with a batch size of 10^9", BASIC,
                        settings(3, 1_000_000_000, 2, 10, 5, 0.5, 1e-6, 0.0), "batchSize must be between 1 and 4096"),
                trialProbe("a trial with 1000 folds", BASIC, settings(3, 32, 1000, 10, 5, 0.5, 1e-6, 0.0),
                        "folds must be between 2 and 20"),
                trialProbe("a trial with no folds", BASIC, settings(3, 32, 0, 10, 5, 0.5, 1e-6, 0.0),
                        "folds must be between 2 and 20"),
                trialProbe("a trial with a minimum learning rate of 1e308", BASIC,
                        settings(3, 32, 2, 10, 5, 0.5, 1e308, 0.0), "minLearningRate must be between 0 and 0.01"),
                // A factor above 1 breaks the event schema; 1 passes it and would never lower the rate.
                trialProbe("a trial with a learning-rate factor of 1", BASIC, settings(3, 32, 2, 10, 5, 1, 1e-6, 0.0),
                        "reduceLrFactor must be above 0 and below 1"),
                trialProbe("a trial holding out a validation fraction", BASIC,
                        settings(3, 32, 2, 10, 5, 0.5, 1e-6, 0.5), "validationFraction must be 0"),
                trialProbe("a trial with 10^6 LSTM units", with("lstm_units_1", 1_000_000), TrainerTopics.TINY,
                        "lstm_units_1 must be in [32, 128]"),
                trialProbe("a trial with 1000 layers (a parameter of no search space)", with("layers", 1000),
                        TrainerTopics.TINY, "layers is not a parameter of Basic_CNN_LSTM"),
                trialProbe("a trial with a learning rate of 1e308", with("learning_rate", 1e308), TrainerTopics.TINY,
                        "learning_rate must be in"),
                Arguments.of("a trial naming a 100 KB architecture", Topics.TUNING_TRIALS, "t-hostile-huge-name",
                        trial("t-hostile-huge-name", HUGE_NAME, BASIC, DATASET_ID, TrainerTopics.TINY),
                        "unknown architecture XXX"),
                Arguments.of("a trial naming an unknown dataset", Topics.TUNING_TRIALS, "t-hostile-no-dataset",
                        trial("t-hostile-no-dataset", "Basic_CNN_LSTM", BASIC, "ds-nobody-published",
                                TrainerTopics.TINY),
                        "unknown dataset ds-nobody-published: nothing of it is published"),
                finalProbe("a final with 10^9 epochs", settings(1_000_000_000, 32, 0, 20, 10, 0.5, 1e-6, 0.1),
                        "epochs must be between 1 and 10000"),
                finalProbe("a final that cross-validates", settings(3, 32, 3, 20, 10, 0.5, 1e-6, 0.1),
                        "folds must be 0"),
                finalProbe("a final holding out 90%", settings(3, 32, 0, 20, 10, 0.5, 1e-6, 0.9),
                        "validationFraction must be above 0 and at most 0.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRuns")
    void hostileRunIsAnsweredFailedAndDeadLetteredAndAGoodTrialTrainsRightAfter(String probe, String topic,
            String key, Event run, String reason) {
        send(topic, key, run);

        String error = Topics.TUNING_TRIALS.equals(topic) ? failed(Topics.TRAINING_RESULTS, key, TrialResult.class).error()
                : failed(Topics.MODELS_RESULTS, key, ModelResult.class).error();
        assertThat(error).contains(reason).hasSizeLessThanOrEqualTo(MessageLimits.capped(HUGE_NAME).length());
        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap(), Topics.DEAD_LETTERS, keyed(key), 1,
                TrainerTopics.WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(reason);

        assertAGoodTrialTrainsAfter(key);
        assertThat(TopicReader.all(bootstrap(), Topics.TRAINING_PROGRESS, keyed(key), Duration.ofMillis(500)))
                .as("never trained").isEmpty();
    }

    @Test
    void aFinalWhoseForecastsAreNotFiniteIsAnsweredFailedNamingItAndNotDeadLettered() {
        // Plausible scaled windows whose VIX points are 1e300 times them: errors in points overflow.
        ScalerParams scaler = new ScalerParams(ScalerParams.Kind.STANDARD, List.of(0.0, 0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 1.0, 1.0), 20.0, 1e300);
        TrainerTopics.publish("ds-huge-scale", TrainerTopics.windows(), scaler);
        send(Topics.TRAINING_FINALS, "f-non-finite", new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION,
                "study-hostile", "f-non-finite", 1, "Basic_CNN_LSTM", BASIC, "t-best", 0.5, "ds-huge-scale",
                settings(2, 32, 0, 20, 10, 0.5, 1e-6, 0.1), Instant.now()));

        ModelResult result = failed(Topics.MODELS_RESULTS, "f-non-finite", ModelResult.class);
        assertThat(result.error()).contains("the model's test forecasts or metrics are not finite")
                .contains("mse=Infinity");
        assertThat(result.metrics()).isNull();
        assertThat(result.artifactUri()).isNull();
        assertAGoodTrialTrainsAfter("f-non-finite");
        assertThat(TopicReader.all(bootstrap(), Topics.DEAD_LETTERS, keyed("f-non-finite"), Duration.ofMillis(500)))
                .as("a model that trained is no poison").isEmpty();
    }

    private static <T extends Event> T failed(String resultTopic, String key, Class<T> type) {
        T result = await(resultTopic, key, type, 1).get(0);
        assertThat(result instanceof TrialResult t ? t.state() : ((ModelResult) result).state())
                .isEqualTo(TrialState.FAILED);
        return result;
    }

    private static void assertAGoodTrialTrainsAfter(String probeKey) {
        String good = "t-good-after-" + probeKey.substring(0, Math.min(probeKey.length(), 40));
        send(Topics.TUNING_TRIALS, good, trial(good, "Basic_CNN_LSTM", BASIC, DATASET_ID, QUICK));
        assertThat(await(Topics.TRAINING_RESULTS, good, TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.COMPLETE);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static Arguments trialProbe(String probe, Map<String, Object> params, TrainingSettings settings,
            String reason) {
        String key = "t-hostile-" + Integer.toHexString(probe.hashCode());
        return Arguments.of(probe, Topics.TUNING_TRIALS, key,
                trial(key, "Basic_CNN_LSTM", params, DATASET_ID, settings), reason);
    }

    private static Arguments finalProbe(String probe, TrainingSettings settings, String reason) {
        String key = "f-hostile-" + Integer.toHexString(probe.hashCode());
        return Arguments.of(probe, Topics.TRAINING_FINALS, key, new FinalTrainingRequest(
                FinalTrainingRequest.SCHEMA_VERSION, "study-hostile", key, 1, "Basic_CNN_LSTM", BASIC, "t-best", 0.5,
                DATASET_ID, settings, Instant.now()), reason);
    }

    private static Map<String, Object> with(String param, Object value) {
        Map<String, Object> params = new HashMap<>(BASIC);
        params.put(param, value);
        return params;
    }

    private static TrainingSettings settings(int epochs, int batchSize, int folds, int patience, int lrPatience,
            double lrFactor, double minLearningRate, double validationFraction) {
        return new TrainingSettings(epochs, batchSize, folds, patience, lrFactor, lrPatience, minLearningRate,
                validationFraction, 42);
    }
}
