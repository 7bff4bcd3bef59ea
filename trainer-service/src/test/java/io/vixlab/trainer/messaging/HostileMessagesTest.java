package io.vixlab.trainer.messaging;

import static io.restassured.RestAssured.given;
import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.HostileMessages;
import io.vixlab.testing.HostileMessages.Probe;
import io.vixlab.testing.HostileMessages.Target;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.SampleEvents;
import io.vixlab.trainer.fixture.TrainerTopics;
import io.vixlab.trainer.service.RunAnswers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The poison catalogue ({@link HostileMessages}) on every topic the trainer consumes, all kinds sent at
 * once: the runs of its work queue ({@code tuning.trials}, {@code training.finals}), rejected to the
 * dead-letter topic and followed by a good run that the queue takes (a trial trained and answered, a
 * final trained and answered); and its channels ({@code tuning.control}, {@code features.windows},
 * {@code features.datasets}), which go on past the poison. The trainer stays healthy (its liveness
 * includes the run queue).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileMessagesTest {

    /** One epoch (of two folds for a trial): the good run after a poison one is answered in a moment. */
    private static final TrainingSettings ONE_EPOCH_TRIAL = new TrainingSettings(1, 32, 2, 1, 0.5, 1, 1e-6, 0.0, 42);
    private static final TrainingSettings ONE_EPOCH_FINAL = new TrainingSettings(1, 32, 0, 1, 0.5, 1, 1e-6, 0.1, 42);

    private static final List<Target> TARGETS = List.of(
            new Target(Topics.TUNING_TRIALS, HostileMessagesTest::trial,
                    (key, partition, offset) -> assertThat(TrainerTopics.await(Topics.TRAINING_RESULTS, key,
                            TrialResult.class, 1)).singleElement().extracting(TrialResult::state)
                            .isEqualTo(TrialState.COMPLETE),
                    "studyId", null, true),
            new Target(Topics.TRAINING_FINALS, key -> finalRequest(), takenFromTheQueue(), "studyId", null, true),
            new Target(Topics.TUNING_CONTROL, SampleEvents::trialControl, committedBy("tuning-control"), "studyId",
                    "action", true),
            new Target(Topics.FEATURE_WINDOWS, SampleEvents::windowChunk, committedBy("feature-windows"), "datasetId",
                    null, true),
            new Target(Topics.FEATURE_DATASETS, SampleEvents::datasetManifest, committedBy("feature-datasets"),
                    "datasetId", null, true));

    private static final AtomicLong SETTLED_BEFORE_PROBE = new AtomicLong();

    private static HostileMessages.Batch poison;

    @BeforeAll
    static void sendAllPoison() {
        TrainerTopics.publishDataset();
        SETTLED_BEFORE_PROBE.set(runsSettled());
        poison = HostileMessages.sendAll(TARGETS);
    }

    static Stream<Probe> probes() {
        return HostileMessages.probesFor(TARGETS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void poisonIsDeadLettered(Probe probe) {
        poison.deadLettered(probe);
    }

    @Test
    void theNextRunsAreTrainedAndTheTrainerStaysHealthy() {
        assertThat(poison.goodKeys()).isNotEmpty();
        assertThat(TrainerTopics.await(Topics.MODELS_RESULTS, "f-hostile-good", ModelResult.class, 1))
                .isNotEmpty().allSatisfy(answer -> assertThat(answer.state()).isEqualTo(TrialState.COMPLETE));

        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The channel's group, as this trainer named it (one per trainer, from its uuid). */
    private static HostileMessages.Consumption committedBy(String channel) {
        return (key, partition, offset) -> HostileMessages.committedBy(ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + channel + ".group.id", String.class)).await(key, partition, offset);
    }

    private static String trial(String key) {
        return EventJson.write(TrainerTopics.trial(key, "Basic_CNN_LSTM", BASIC, DATASET_ID, ONE_EPOCH_TRIAL));
    }

    /** The good final: trained once, after all the poison on {@code training.finals}. */
    private static String finalRequest() {
        return EventJson.write(new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION, "study-hostile",
                "f-hostile-good", 1, "Basic_CNN_LSTM", BASIC, "t-best", 0.5, DATASET_ID, ONE_EPOCH_FINAL,
                Instant.parse("2026-11-25T12:00:00Z")));
    }

    /**
     * Taken from the work queue: besides the good trial (answered, awaited by its own target), this
     * trainer settled one more run since the poison was sent: the good final (trained, or found answered
     * where an earlier test class trained it).
     */
    private static HostileMessages.Consumption takenFromTheQueue() {
        return (key, partition, offset) -> await().atMost(TrainerTopics.WAIT)
                .until(() -> runsSettled() - SETTLED_BEFORE_PROBE.get() >= 2);
    }

    private static long runsSettled() {
        Map<RunAnswers.Disposition, Long> counts = Arc.container().instance(RunAnswers.class).get().counts();
        return counts.get(RunAnswers.Disposition.ANSWERED) + counts.get(RunAnswers.Disposition.ALREADY_ANSWERED);
    }
}
