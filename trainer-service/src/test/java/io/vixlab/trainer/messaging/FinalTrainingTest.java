package io.vixlab.trainer.messaging;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.SCALER;
import static io.vixlab.trainer.fixture.TrainerTopics.TRAIN;
import static io.vixlab.trainer.fixture.TrainerTopics.WINDOWS;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.Prediction;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.modelstore.ModelStore;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import io.vixlab.trainer.fixture.TrainerTopics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A final training over the real broker: metrics, dated predictions in VIX points, a SavedModel on disk. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class FinalTrainingTest {

    @Inject
    ModelStore models;

    @Test
    void finalTrainingPublishesTestMetricsPredictionsAndTheSavedModelsLocation() throws IOException {
        DatasetWindows windows = TrainerTopics.publishDataset();
        TrainingSettings settings = new TrainingSettings(3, 32, 0, 20, 0.5, 10, 1e-6, 0.1, 42);
        send(Topics.TRAINING_FINALS, "f-basic", new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION,
                "study-final-test", "f-basic", 1, "Basic_CNN_LSTM", BASIC, "t-best", 0.5, DATASET_ID, settings,
                Instant.now()));

        ModelResult result = await(Topics.MODELS_RESULTS, "f-basic", ModelResult.class, 1).get(0);
        assertThat(result.state()).as("%s", result.error()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.epochsTrained()).isEqualTo(3);
        assertThat(result.parameterCount()).isPositive();
        assertThat(result.metrics().rmse()).isCloseTo(Math.sqrt(result.metrics().mse()), within(1e-9));
        // VIX points are the scaled units times the target scale
        assertThat(result.metrics().mae()).isCloseTo(result.scaledMetrics().mae() * SCALER.targetScale(), within(1e-4));

        List<Prediction> predictions = result.predictions();
        assertThat(predictions).hasSize(WINDOWS - TRAIN);
        for (int i = 0; i < predictions.size(); i++) {
            int w = TRAIN + i;
            assertThat(predictions.get(i).date()).isEqualTo(windows.targetDates()[w]);
            assertThat(predictions.get(i).actual()).isCloseTo(SCALER.toPoints(windows.targets()[w]), within(1e-4));
            assertThat(predictions.get(i).previousClose()).isCloseTo(SCALER.toPoints(windows.previousCloses()[w]), within(1e-4));
        }

        // A location in the model store, not a server path
        assertThat(result.artifactUri()).isEqualTo("models:/study-final-test/Basic_CNN_LSTM-f-basic");
        assertThat(models.files(models.key(URI.create(result.artifactUri()))))
                .contains("saved_model.pb", "variables/variables.index", ModelStore.METADATA_FILE);
        assertThat(Path.of("target/test-model-store/study-final-test/Basic_CNN_LSTM-f-basic/saved_model.pb"))
                .as("in the configured directory").isRegularFile();

        assertThat(await(Topics.TRAINING_PROGRESS, "f-basic", TrainingProgress.class, 3))
                .extracting(TrainingProgress::kind).containsOnly(TrainingProgress.RunKind.FINAL);
    }

    @Test
    void anInvalidFinalIsAnsweredFailedAndDeadLettered() {
        TrainerTopics.publishDataset();
        send(Topics.TRAINING_FINALS, "f-unknown", new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION,
                "study-final-test", "f-unknown", 1, "Transformer_9000", BASIC, "t-best", 0.5, DATASET_ID,
                TrainingSettings.finalDefaults(), Instant.now()));

        ModelResult result = await(Topics.MODELS_RESULTS, "f-unknown", ModelResult.class, 1).get(0);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.error()).contains("unknown architecture Transformer_9000");
        assertThat(result.artifactUri()).isNull();
        assertThat(TopicReader.await(TrainerTopics.bootstrap(), Topics.DEAD_LETTERS, TrainerTopics.keyed("f-unknown"), 1,
                TrainerTopics.WAIT)).hasSize(1);
    }
}
