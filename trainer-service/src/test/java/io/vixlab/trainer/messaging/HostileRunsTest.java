package io.vixlab.trainer.messaging;

import static io.restassured.RestAssured.given;
import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.keyed;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Event;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile runs on the work queue, as a hand-published trial or final could be: each is answered
 * FAILED at once with a reason naming what is wrong (never trained, no progress published) and
 * dead-lettered once with that reason; the trainer stays live and trains a good trial right after
 * them. All of them are sent at once, before the first probe is checked (the queue takes one run at a
 * time, so the good trial comes after every one of them). The test profile of
 * {@link TrialConsumptionTest}: no Quarkus restart.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRunsTest {

    /** One epoch per fold: the good trial after the probes is quick. */
    private static final TrainingSettings QUICK = new TrainingSettings(1, 32, 2, 1, 0.5, 1, 1e-6, 0.0, 42);
    private static final String HUGE_NAME = "X".repeat(100_000);

    /** What became of the hostile runs, read once all are answered and a good trial trained after them. */
    private static Map<String, List<ConsumerRecord<String, String>>> answers;
    private static List<ConsumerRecord<String, String>> deadLetters;
    private static List<ConsumerRecord<String, String>> progress;

    /** A hostile run, the topic it goes to, and what its answer and dead letter must name. */
    record HostileRun(String probe, String topic, String key, Event run, String reason) {

        boolean isTrial() {
            return Topics.TUNING_TRIALS.equals(topic);
        }

        @Override
        public String toString() {
            return probe;
        }
    }

    @BeforeEach
    void hostileRunsSentAndAGoodTrialTrainedAfterThem() {
        TrainerTopics.publishDataset();
        if (answers != null) {
            return;
        }
        List<HostileRun> runs = hostileRuns().toList();
        runs.forEach(run -> send(run.topic(), run.key(), run.run()));
        Map<String, List<ConsumerRecord<String, String>>> answered = new HashMap<>(TrainerTopics.awaitEach(
                Topics.TRAINING_RESULTS, keys(runs.stream().filter(HostileRun::isTrial))));
        answered.putAll(TrainerTopics.awaitEach(Topics.MODELS_RESULTS,
                keys(runs.stream().filter(run -> !run.isTrial()))));
        String good = assertAGoodTrialTrainsAfter("hostile-runs");
        // Its progress follows any progress a hostile run could have published.
        await(Topics.TRAINING_PROGRESS, good, TrainingProgress.class, 2);
        Set<String> hostile = keys(runs.stream());
        deadLetters = TrainerTopics.publishedSoFar(Topics.DEAD_LETTERS, r -> hostile.contains(r.key()));
        progress = TrainerTopics.publishedSoFar(Topics.TRAINING_PROGRESS, r -> hostile.contains(r.key()));
        answers = answered;
    }

    static Stream<HostileRun> hostileRuns() {
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
                new HostileRun("a trial naming a 100 KB architecture", Topics.TUNING_TRIALS, "t-hostile-huge-name",
                        trial("t-hostile-huge-name", HUGE_NAME, BASIC, DATASET_ID, TrainerTopics.TINY),
                        "unknown architecture XXX"),
                new HostileRun("a trial naming an unknown dataset", Topics.TUNING_TRIALS, "t-hostile-no-dataset",
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
    void hostileRunIsAnsweredFailedAndDeadLetteredOnceAndNeverTrained(HostileRun hostile) {
        assertThat(answers.get(hostile.key())).as("answers of %s", hostile.key()).isNotEmpty();
        String answer = answers.get(hostile.key()).get(0).value();
        String error = hostile.isTrial() ? failed(EventSchemas.parse(answer, TrialResult.class)).error()
                : failed(EventSchemas.parse(answer, ModelResult.class)).error();
        assertThat(error).contains(hostile.reason())
                .hasSizeLessThanOrEqualTo(MessageLimits.capped(HUGE_NAME).length());
        List<ConsumerRecord<String, String>> dead = deadLetters.stream().filter(keyed(hostile.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(hostile.reason());
        assertThat(progress.stream().filter(keyed(hostile.key()))).as("never trained").isEmpty();
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

        ModelResult result = failed(await(Topics.MODELS_RESULTS, "f-non-finite", ModelResult.class, 1).get(0));
        assertThat(result.error()).contains("the model's test forecasts or metrics are not finite")
                .contains("mse=Infinity");
        assertThat(result.metrics()).isNull();
        assertThat(result.artifactUri()).isNull();
        assertAGoodTrialTrainsAfter("f-non-finite");
        // The good trial was taken after it: a dead letter of it would be on the broker by now.
        assertThat(TrainerTopics.publishedSoFar(Topics.DEAD_LETTERS, keyed("f-non-finite")))
                .as("a model that trained is no poison").isEmpty();
    }

    private static <T extends Event> T failed(T result) {
        assertThat(result instanceof TrialResult t ? t.state() : ((ModelResult) result).state())
                .isEqualTo(TrialState.FAILED);
        return result;
    }

    /** Returns the good trial's id. */
    private static String assertAGoodTrialTrainsAfter(String probeKey) {
        String good = "t-good-after-" + probeKey;
        send(Topics.TUNING_TRIALS, good, trial(good, "Basic_CNN_LSTM", BASIC, DATASET_ID, QUICK));
        assertThat(await(Topics.TRAINING_RESULTS, good, TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.COMPLETE);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        return good;
    }

    private static Set<String> keys(Stream<HostileRun> runs) {
        return runs.map(HostileRun::key).collect(Collectors.toSet());
    }

    private static HostileRun trialProbe(String probe, Map<String, Object> params, TrainingSettings settings,
            String reason) {
        String key = "t-hostile-" + Integer.toHexString(probe.hashCode());
        return new HostileRun(probe, Topics.TUNING_TRIALS, key,
                trial(key, "Basic_CNN_LSTM", params, DATASET_ID, settings), reason);
    }

    private static HostileRun finalProbe(String probe, TrainingSettings settings, String reason) {
        String key = "f-hostile-" + Integer.toHexString(probe.hashCode());
        return new HostileRun(probe, Topics.TRAINING_FINALS, key, new FinalTrainingRequest(
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
