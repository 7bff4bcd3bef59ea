package io.vixlab.trainer.client;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerPodResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * In a cluster the trainer marks its own pod costly to delete while it trains and cheap while idle,
 * through the Kubernetes API (fabric8's API server stand-in, over HTTP). Every test of the module
 * runs so ({@link TrainerPodResource}).
 */
@QuarkusTest
@QuarkusTestResource(TrainerPodResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class PodDeletionCostTest {

    @KubernetesTestServer
    KubernetesServer kubernetes;

    @Test
    void aTrainingPodCostsMoreToDeleteThanAnIdleOne() {
        TrainerTopics.publishDataset();
        // Runs for minutes unless pruned.
        TrainingSettings endless = new TrainingSettings(10_000, 32, 2, 10_000, 0.5, 10_000, 1e-6, 0.0, 42);
        send(Topics.TUNING_TRIALS, "t-cost", trial("t-cost", "Basic_CNN_LSTM", BASIC, DATASET_ID, endless));
        await(Topics.TRAINING_PROGRESS, "t-cost", TrainingProgress.class, 1);

        assertThat(deletionCost()).isEqualTo("1000");

        send(Topics.TUNING_CONTROL, "t-cost", new TrialControl(TrialControl.SCHEMA_VERSION, "study-trainer-test",
                "t-cost", 1, TrialControl.Action.PRUNE, "below the median", Instant.now()));
        assertThat(await(Topics.TRAINING_RESULTS, "t-cost", TrialResult.class, 1).get(0).state())
                .isEqualTo(TrialState.PRUNED);
        org.awaitility.Awaitility.await().atMost(TrainerTopics.WAIT).until(() -> "0".equals(deletionCost()));
    }

    private String deletionCost() {
        Pod pod = kubernetes.getClient().pods().inNamespace(TrainerPodResource.NAMESPACE)
                .withName(TrainerPodResource.POD).get();
        return pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get(PodDeletionCost.ANNOTATION);
    }
}
