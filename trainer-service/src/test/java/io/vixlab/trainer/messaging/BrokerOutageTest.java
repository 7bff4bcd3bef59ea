package io.vixlab.trainer.messaging;

import static io.restassured.RestAssured.given;
import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.keyed;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.trainer.fixture.RestartableKafkaResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while a trial trains and stays away until the trial has finished: its answer
 * waits for the broker and arrives once, nothing is dead-lettered, and the trainer takes the next
 * trial afterwards.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.ShortProducerWait.class)
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = true)
class BrokerOutageTest {

    /**
     * The results producer waits 2 s (not 60 s) for a broker before it gives up: the outage outlasts
     * that wait, as a long one would outlast the default, so the answer is sent again. Only the wait
     * for metadata is short: a record the producer never sent cannot arrive twice.
     */
    public static class ShortProducerWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.training-results.max.block.ms", "2000");
        }
    }

    /** Bounds a failure only: how long the outage's trial may take on a loaded machine. */
    private static final Duration TRAINING = Duration.ofMinutes(3);

    @Test
    void anOutageWhileATrialTrainsDelaysItsAnswerAndDeadLettersNothing() throws Exception {
        TrainerTopics.publishDataset();
        // Held whole before the trial comes: training it then needs nothing from the broker.
        Awaitility.await().atMost(TrainerTopics.WAIT).until(() -> given().get("/api/trainer").then().statusCode(200)
                .extract().<List<String>>path("datasets").contains(DATASET_ID));
        // 2 x 200 epochs of a few batches: seconds of training left when the broker goes.
        TrainingSettings settings = new TrainingSettings(200, 32, 2, 200, 0.5, 200, 1e-6, 0.0, 42);
        send(Topics.TUNING_TRIALS, "t-outage", trial("t-outage", "Basic_CNN_LSTM", BASIC, DATASET_ID, settings));
        Awaitility.await().atMost(TrainerTopics.WAIT).until(() -> "t-outage".equals(running()));

        Instant brokerGoes = Instant.now();
        RestartableKafkaResource.takeAway();
        // Trained: its answer waits for the broker.
        Awaitility.await().atMost(TRAINING).until(() -> running() == null);
        RestartableKafkaResource.bringBack();

        TrialResult result = await(Topics.TRAINING_RESULTS, "t-outage", TrialResult.class, 1).get(0);
        assertThat(result.state()).as("%s", result.error()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.finishedAt()).as("finished while the broker was away").isAfter(brokerGoes);
        send(Topics.TUNING_TRIALS, "t-after-outage", trial("t-after-outage", "Basic_CNN_LSTM", BASIC, DATASET_ID,
                TrainerTopics.TINY));
        assertThat(await(Topics.TRAINING_RESULTS, "t-after-outage", TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.COMPLETE);
        // The next trial was taken after the outage's trial was settled: a dead letter or a second
        // answer of it would be on the broker by now.
        assertThat(TrainerTopics.publishedSoFar(Topics.DEAD_LETTERS, r -> true)).isEmpty();
        assertThat(TrainerTopics.publishedSoFar(Topics.TRAINING_RESULTS, keyed("t-outage"))).hasSize(1);
    }

    /** The run id of the attempt the trainer trains now; null when idle. */
    private static String running() {
        return given().get("/api/trainer").then().statusCode(200).extract().path("running.runId");
    }
}
