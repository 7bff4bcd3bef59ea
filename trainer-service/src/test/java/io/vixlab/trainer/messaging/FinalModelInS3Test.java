package io.vixlab.trainer.messaging;

import static io.vixlab.trainer.fixture.TrainerTopics.BASIC;
import static io.vixlab.trainer.fixture.TrainerTopics.DATASET_ID;
import static io.vixlab.trainer.fixture.TrainerTopics.DAYS;
import static io.vixlab.trainer.fixture.TrainerTopics.FEATURES;
import static io.vixlab.trainer.fixture.TrainerTopics.SCALER;
import static io.vixlab.trainer.fixture.TrainerTopics.TRAIN;
import static io.vixlab.trainer.fixture.TrainerTopics.WINDOWS;
import static io.vixlab.trainer.fixture.TrainerTopics.await;
import static io.vixlab.trainer.fixture.TrainerTopics.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.FinalTrainingRequest;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.modelstore.ModelFiles;
import io.vixlab.modelstore.ModelMetadata;
import io.vixlab.modelstore.ModelStore;
import io.vixlab.modelstore.S3ModelStoreResource;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import io.vixlab.trainer.model.CnnLstmModel;
import io.vixlab.trainer.model.ModelContext;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A final model goes to an S3 bucket (a real S3-compatible server) that outlives the trainer: its
 * artifact URI names the object, the objects are there with the metadata beside, and the model
 * downloaded from the bucket forecasts what the trainer published.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = S3ModelStoreResource.class, restrictToAnnotatedClass = true)
class FinalModelInS3Test {

    private static final String PREFIX = S3ModelStoreResource.PREFIX + "/study-s3-test/Basic_CNN_LSTM-f-s3/";

    @Inject
    ModelStore models;

    @Test
    void theFinalModelIsStoredInTheBucketAndDownloadsAsTheTrainedModel(@TempDir Path download) throws IOException {
        DatasetWindows windows = TrainerTopics.publishDataset();
        send(Topics.TRAINING_FINALS, "f-s3", new FinalTrainingRequest(FinalTrainingRequest.SCHEMA_VERSION,
                "study-s3-test", "f-s3", 1, "Basic_CNN_LSTM", BASIC, "t-best", 0.5, DATASET_ID,
                new TrainingSettings(3, 32, 0, 20, 0.5, 10, 1e-6, 0.1, 42), Instant.now()));

        ModelResult result = await(Topics.MODELS_RESULTS, "f-s3", ModelResult.class, 1).get(0);
        assertThat(result.state()).as("%s", result.error()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.artifactUri()).isEqualTo(S3ModelStoreResource.LOCATION + "/study-s3-test/Basic_CNN_LSTM-f-s3");

        try (S3Client s3 = S3ModelStoreResource.server().client()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(S3ModelStoreResource.BUCKET).prefix(PREFIX)).contents())
                    .extracting(S3Object::key)
                    .contains(PREFIX + "saved_model.pb", PREFIX + "variables/variables.index",
                            PREFIX + ModelStore.METADATA_FILE);
            ModelMetadata metadata = EventJson.read(s3.getObjectAsBytes(r -> r.bucket(S3ModelStoreResource.BUCKET)
                    .key(PREFIX + ModelStore.METADATA_FILE)).asByteArray(), ModelMetadata.class);
            assertThat(metadata.finalId()).isEqualTo("f-s3");
            assertThat(metadata.datasetId()).isEqualTo(DATASET_ID);
            assertThat(metadata.parameterCount()).isEqualTo(result.parameterCount());
            assertThat(metadata.epochsTrained()).isEqualTo(result.epochsTrained());
            assertThat(metadata.testMetrics()).isEqualTo(result.metrics());
        }

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        models.writeZip(models.key(URI.create(result.artifactUri())), zip);
        ModelFiles.unzip(zip.toByteArray(), download);
        Path savedModel = download.resolve("Basic_CNN_LSTM-f-s3");
        int count = WINDOWS - TRAIN;
        float[] x = new float[count * DAYS * FEATURES];
        for (int w = 0; w < count; w++) {
            for (int d = 0; d < DAYS; d++) {
                System.arraycopy(windows.features()[TRAIN + w][d], 0, x, (w * DAYS + d) * FEATURES, FEATURES);
            }
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), SavedModelBundle.DEFAULT_TAG);
             TFloat32 input = TFloat32.tensorOf(Shape.of(count, DAYS, FEATURES), DataBuffers.of(x));
             Result forecast = bundle.function(CnnLstmModel.SIGNATURE_KEY).call(Map.of(CnnLstmModel.INPUT_NAME, input))) {
            double[] scaled = ModelContext.toDoubles(forecast.get(CnnLstmModel.OUTPUT_NAME).orElseThrow());
            for (int i = 0; i < count; i++) {
                assertThat(SCALER.toPoints(scaled[i])).as("test day %d", i)
                        .isCloseTo(result.predictions().get(i).predicted(), within(1e-3));
            }
        }
    }
}
