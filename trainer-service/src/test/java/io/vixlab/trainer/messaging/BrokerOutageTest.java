package io.vixlab.trainer.messaging;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.bootstrap;
import static io.vixlab.trainer.fixture.TrainerTopics.keyed;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.TopicReader;
import io.vixlab.trainer.fixture.RestartableKafkaResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for a minute while a trial trains: its answer waits for the broker and
 * arrives, nothing is dead-lettered, and the trainer takes the next trial afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = true)
class BrokerOutageTest {

    @Test
    void aSixtySecondOutageDelaysTheAnswerAndDeadLettersNothing() throws Exception {
        TrainerTopics.publishDataset();
        // Long enough to be running when the broker goes, short enough to finish during the outage.
        TrainingSettings settings = new TrainingSettings(300, 32, 2, 300, 0.5, 300, 1e-6, 0.0, 42);
        send(Topics.TUNING_TRIALS, "t-outage", trial("t-outage", "Basic_CNN_LSTM", BASIC, DATASET_ID, settings));
        await(Topics.TRAINING_PROGRESS, "t-outage", TrainingProgress.class, 1);

        RestartableKafkaResource.outage(Duration.ofSeconds(60));

        TrialResult result = await(Topics.TRAINING_RESULTS, "t-outage", TrialResult.class, 1).get(0);
        assertThat(result.state()).as("%s", result.error()).isEqualTo(TrialState.COMPLETE);
        send(Topics.TUNING_TRIALS, "t-after-outage", trial("t-after-outage", "Basic_CNN_LSTM", BASIC, DATASET_ID,
                TrainerTopics.TINY));
        assertThat(await(Topics.TRAINING_RESULTS, "t-after-outage", TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.COMPLETE);
        assertThat(TopicReader.all(bootstrap(), Topics.DEAD_LETTERS, r -> true, Duration.ofSeconds(2))).isEmpty();
        assertThat(TopicReader.all(bootstrap(), Topics.TRAINING_RESULTS, keyed("t-outage"), Duration.ofSeconds(2)))
                .hasSize(1);
    }
}
