package io.vixlab.trainer.client;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static io.vixlab.trainer.fixture.TrainerTopics.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In a cluster the trainer marks its own pod costly to delete while it trains and cheap while idle,
 * through the Kubernetes API (fabric8's API server stand-in, over HTTP).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(PodDeletionCostTest.InCluster.class)
@QuarkusTestResource(KafkaTestResource.class)
class PodDeletionCostTest {

    public static class InCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.trainer.deletion-cost.enabled", "true",
                    "vixlab.trainer.deletion-cost.pod", "trainer-7d9f",
                    "vixlab.trainer.deletion-cost.namespace", "vixlab");
        }
    }

    @KubernetesTestServer
    KubernetesServer kubernetes;

    @Test
    void aTrainingPodCostsMoreToDeleteThanAnIdleOne() {
        kubernetes.getClient().pods().inNamespace("vixlab").resource(new PodBuilder()
                .withNewMetadata().withName("trainer-7d9f").withNamespace("vixlab").endMetadata().build()).create();
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
        Pod pod = kubernetes.getClient().pods().inNamespace("vixlab").withName("trainer-7d9f").get();
        return pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get(PodDeletionCost.ANNOTATION);
    }
}
