package io.vixlab.trainer.messaging;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.TINY;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.bootstrap;
import static io.vixlab.trainer.fixture.TrainerTopics.keyed;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import io.vixlab.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trials over the real broker: progress and results out, pruning, poison trials, duplicates. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TrialConsumptionTest {

    @BeforeEach
    void dataset() {
        TrainerTopics.publishDataset();
    }

    @Test
    void trialIsCrossValidatedWithProgressEveryEpochAndACompleteResult() {
        send(Topics.TUNING_TRIALS, "t-complete", trial("t-complete", "Basic_CNN_LSTM", BASIC, DATASET_ID, TINY));

        TrialResult result = await(Topics.TRAINING_RESULTS, "t-complete", TrialResult.class, 1).get(0);
        assertThat(result.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.foldScores()).hasSize(2);
        assertThat(result.value()).isEqualTo(result.foldScores().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        assertThat(result.parameterCount()).isPositive();
        assertThat(result.trainer()).isNotBlank();
        assertThat(result.error()).isNull();

        List<TrainingProgress> progress = await(Topics.TRAINING_PROGRESS, "t-complete", TrainingProgress.class, 6);
        assertThat(progress).extracting(TrainingProgress::step).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(progress).extracting(TrainingProgress::fold).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(TrainingProgress.RunKind.TRIAL);
            assertThat(p.architecture()).isEqualTo("Basic_CNN_LSTM");
            assertThat(p.learningRate()).isEqualTo(3e-3);
        });
        // each fold's score is its best epoch's validation loss
        assertThat(result.foldScores().get(1)).isEqualTo(progress.subList(3, 6).stream()
                .mapToDouble(TrainingProgress::valLoss).min().orElseThrow());
        // the result repeats the whole curve the progress messages carried, fold by fold
        assertThat(result.foldCurves()).containsExactly(
                progress.subList(0, 3).stream().map(TrainingProgress::valLoss).toList(),
                progress.subList(3, 6).stream().map(TrainingProgress::valLoss).toList());
    }

    @Test
    void pruneStopsARunningTrialWithinAnEpoch() {
        // Enough epochs (and patience) to run for minutes: only the prune can end it in time.
        TrainingSettings endless = new TrainingSettings(10_000, 32, 2, 10_000, 0.5, 10_000, 1e-6, 0.0, 42);
        send(Topics.TUNING_TRIALS, "t-prune", trial("t-prune", "Basic_CNN_LSTM", BASIC, DATASET_ID, endless));
        await(Topics.TRAINING_PROGRESS, "t-prune", TrainingProgress.class, 1);
        given().when().get("/api/trainer").then().statusCode(200)
                .body("running.runId", equalTo("t-prune")).body("running.kind", equalTo("TRIAL"));

        send(Topics.TUNING_CONTROL, "t-prune", new TrialControl(TrialControl.SCHEMA_VERSION, "study-trainer-test",
                "t-prune", 1, TrialControl.Action.PRUNE, "below the median", Instant.now()));

        TrialResult result = await(Topics.TRAINING_RESULTS, "t-prune", TrialResult.class, 1).get(0);
        assertThat(result.state()).isEqualTo(TrialState.PRUNED);
        assertThat(result.error()).contains("PRUNE").contains("below the median");
        assertThat(result.value()).isNull();
        assertThat(result.foldScores()).hasSize(1);
        // Read to where the topic ends now: progress still in flight could only add epochs of fold 0.
        List<TrainingProgress> progress = TrainerTopics.publishedSoFar(Topics.TRAINING_PROGRESS, keyed("t-prune"))
                .stream().map(r -> EventJson.read(r.value(), TrainingProgress.class)).toList();
        assertThat(progress).hasSizeLessThan(10_000).allSatisfy(p -> assertThat(p.fold()).isZero());
    }

    @Test
    void invalidTrialsAreAnsweredFailedAndDeadLetteredAndTheNextTrialStillRuns() {
        Map<String, Object> outOfRange = new HashMap<>(BASIC);
        outOfRange.put("cnn_filters_1", 999);
        send(Topics.TUNING_TRIALS, "t-unknown-arch", trial("t-unknown-arch", "Transformer_9000", BASIC, DATASET_ID, TINY));
        send(Topics.TUNING_TRIALS, "t-out-of-range", trial("t-out-of-range", "Basic_CNN_LSTM", outOfRange, DATASET_ID, TINY));
        send(Topics.TUNING_TRIALS, "t-unknown-data", trial("t-unknown-data", "Basic_CNN_LSTM", BASIC, "ds-nobody-made", TINY));
        send(Topics.TUNING_TRIALS, "t-after-poison", trial("t-after-poison", "Basic_CNN_LSTM", BASIC, DATASET_ID, TINY));

        assertFailedAndDeadLettered("t-unknown-arch", "unknown architecture Transformer_9000");
        assertFailedAndDeadLettered("t-out-of-range", "cnn_filters_1");
        assertFailedAndDeadLettered("t-unknown-data", "unknown dataset ds-nobody-made");
        assertThat(await(Topics.TRAINING_RESULTS, "t-after-poison", TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.COMPLETE);
    }

    private static void assertFailedAndDeadLettered(String trialId, String reason) {
        TrialResult result = await(Topics.TRAINING_RESULTS, trialId, TrialResult.class, 1).get(0);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.error()).contains(reason);
        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap(), Topics.DEAD_LETTERS, keyed(trialId), 1,
                TrainerTopics.WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains(reason);
        assertThat(EventJson.read(dead.get(0).value(), TrialConfig.class).trialId()).isEqualTo(trialId);
    }

    @Test
    void aTrialWhoseLossIsNotFiniteIsAnsweredFailedButNotDeadLettered() {
        DatasetWindows poisoned = TrainerTopics.windows();
        poisoned.features()[5][7][0] = Float.NaN;
        TrainerTopics.publish("ds-with-nan", poisoned);
        send(Topics.TUNING_TRIALS, "t-nan", trial("t-nan", "Basic_CNN_LSTM", BASIC, "ds-with-nan", TINY));

        TrialResult result = await(Topics.TRAINING_RESULTS, "t-nan", TrialResult.class, 1).get(0);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.error()).contains("loss is not finite in fold 0, epoch 0");
        TrainerTopics.assertNotDeadLettered("t-nan");
    }

    @Test
    void aTrialSentAgainAfterItsAnswerIsAcknowledgedWithoutTrainingOrAnsweringAgain() {
        TrialConfig trial = trial("t-duplicate", "Basic_CNN_LSTM", BASIC, DATASET_ID, TINY);
        send(Topics.TUNING_TRIALS, "t-duplicate", trial);
        TrialResult first = await(Topics.TRAINING_RESULTS, "t-duplicate", TrialResult.class, 1).get(0);
        int alreadyAnswered = given().get("/api/trainer").then().extract().path("runs.ALREADY_ANSWERED");

        // As the tuner's outbox may after a crash: the same attempt again.
        send(Topics.TUNING_TRIALS, "t-duplicate", trial);

        org.awaitility.Awaitility.await().atMost(TrainerTopics.WAIT).until(() ->
                given().get("/api/trainer").then().extract().<Integer>path("runs.ALREADY_ANSWERED") > alreadyAnswered);
        // The duplicate is settled: an answer or progress of it would be on the broker by now.
        assertThat(TrainerTopics.publishedSoFar(Topics.TRAINING_RESULTS, keyed("t-duplicate")))
                .hasSize(1).allSatisfy(r -> assertThat(EventJson.read(r.value(), TrialResult.class)).isEqualTo(first));
        await(Topics.TRAINING_PROGRESS, "t-duplicate", TrainingProgress.class, 6);
        assertThat(TrainerTopics.publishedSoFar(Topics.TRAINING_PROGRESS, keyed("t-duplicate"))).hasSize(6);
    }
}
