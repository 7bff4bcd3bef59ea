package io.vixlab.modelstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.tuning.TrainingSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every model store does, whatever holds its models: run against each store. */
abstract class ModelStoreContract {

    static final ModelMetadata METADATA = new ModelMetadata("study-1", "Basic_CNN_LSTM", "final-1", 2,
            "9b1f0c4e", Map.of("filters", 64, "dropout_rate", 0.2, "learning_rate", 0.001),
            TrainingSettings.finalDefaults(), 12345, 37, new Metrics(4.2, 2.05, 1.5, 0.81, 0.55),
            new Metrics(0.042, 0.205, 0.15, 0.81, 0.55), Instant.parse("2026-11-25T14:11:14.635Z"));

    @TempDir
    Path work;

    private final Random random = new Random(7);

    /** The store under test, empty. */
    abstract ModelStore store();

    /** The URI a key has in this store. */
    abstract URI expectedUri(ModelKey key);

    /** Writes an object under the key past the store, as a put that was interrupted leaves it. */
    abstract void leaveObject(ModelKey key, String name, byte[] content) throws IOException;

    /** URIs that are not models of this store, though they may look like ones. */
    abstract List<URI> foreignUris();

    @Test
    void aPutModelIsListedAndDownloadsAsAZipOfTheSameBytes() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Basic_CNN_LSTM", "final-1");
        Path savedModel = savedModel("saved_model.pb", "fingerprint.pb", "variables/variables.index",
                "variables/variables.data-00000-of-00001");
        assertThat(store().exists(key)).isFalse();

        URI uri = store().put(key, savedModel, METADATA);

        assertThat(uri).isEqualTo(expectedUri(key));
        assertThat(store().key(uri)).isEqualTo(key);
        assertThat(store().exists(key)).isTrue();
        assertThat(store().files(key)).containsExactly("fingerprint.pb", "saved_model.pb", "variables/variables.data-00000-of-00001",
                "variables/variables.index", ModelStore.METADATA_FILE);
        Map<String, byte[]> zip = unzip(key);
        assertThat(zip.keySet()).containsExactly("Basic_CNN_LSTM-final-1/fingerprint.pb",
                "Basic_CNN_LSTM-final-1/saved_model.pb", "Basic_CNN_LSTM-final-1/variables/variables.data-00000-of-00001",
                "Basic_CNN_LSTM-final-1/variables/variables.index", "Basic_CNN_LSTM-final-1/" + ModelStore.METADATA_FILE);
        for (String file : List.of("saved_model.pb", "fingerprint.pb", "variables/variables.index",
                "variables/variables.data-00000-of-00001")) {
            assertThat(zip.get("Basic_CNN_LSTM-final-1/" + file)).as(file).isEqualTo(Files.readAllBytes(savedModel.resolve(file)));
        }
        assertThat(EventJson.read(zip.get("Basic_CNN_LSTM-final-1/" + ModelStore.METADATA_FILE), ModelMetadata.class))
                .isEqualTo(METADATA);
    }

    @Test
    void aPutReplacesWhatAnInterruptedPutOfTheSameKeyLeft() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Deep_CNN_LSTM", "final-2");
        leaveObject(key, "saved_model.pb", "half of an older model".getBytes(StandardCharsets.UTF_8));
        leaveObject(key, "variables/variables.data-00000-of-00002", new byte[] {1, 2, 3});
        assertThat(store().exists(key)).as("files without metadata are no model").isFalse();
        assertThatThrownBy(() -> store().files(key)).isInstanceOf(ModelNotFoundException.class);

        Path savedModel = savedModel("saved_model.pb", "variables/variables.index", "variables/variables.data-00000-of-00001");
        store().put(key, savedModel, METADATA);

        assertThat(store().files(key)).containsExactly("saved_model.pb", "variables/variables.data-00000-of-00001",
                "variables/variables.index", ModelStore.METADATA_FILE);
        assertThat(unzip(key).get("Deep_CNN_LSTM-final-2/saved_model.pb"))
                .isEqualTo(Files.readAllBytes(savedModel.resolve("saved_model.pb")));
    }

    @Test
    void puttingAModelAgainLeavesExactlyTheNewFiles() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Attention_CNN_LSTM", "final-3");
        store().put(key, savedModel("saved_model.pb", "assets/vocabulary.txt", "variables/variables.index"), METADATA);
        Path again = savedModel("saved_model.pb", "variables/variables.index");
        ModelMetadata redelivered = new ModelMetadata(METADATA.studyId(), METADATA.architecture(), METADATA.finalId(), 3,
                METADATA.datasetId(), METADATA.hyperparameters(), METADATA.training(), METADATA.parameterCount(),
                METADATA.epochsTrained(), METADATA.testMetrics(), METADATA.scaledTestMetrics(), METADATA.createdAt());

        store().put(key, again, redelivered);

        assertThat(store().files(key)).containsExactly("saved_model.pb", "variables/variables.index",
                ModelStore.METADATA_FILE);
        Map<String, byte[]> zip = unzip(key);
        assertThat(zip.get("Attention_CNN_LSTM-final-3/variables/variables.index"))
                .isEqualTo(Files.readAllBytes(again.resolve("variables/variables.index")));
        assertThat(EventJson.read(zip.get("Attention_CNN_LSTM-final-3/" + ModelStore.METADATA_FILE), ModelMetadata.class)
                .attempt()).isEqualTo(3);
    }

    @Test
    void idsFromMessagesBecomeSafeKeysThatRoundTripThroughTheirUri() throws IOException {
        ModelKey key = ModelKey.of("../../etc", "Basic_CNN_LSTM", "f/1 ?x");
        assertThat(key).isEqualTo(new ModelKey(".._.._etc", "Basic_CNN_LSTM-f_1__x"));

        URI uri = store().put(key, savedModel("saved_model.pb"), METADATA);

        assertThat(uri).isEqualTo(expectedUri(key));
        assertThat(store().key(uri)).isEqualTo(key);
        assertThat(store().files(key)).containsExactly("saved_model.pb", ModelStore.METADATA_FILE);
        assertThat(store().exists(ModelKey.of("..", "Basic_CNN_LSTM", "f"))).isFalse();
    }

    @Test
    void urisOutsideTheStoreAreRefusedNamingTheStore() {
        for (URI foreign : foreignUris()) {
            assertThatThrownBy(() -> store().key(foreign)).as("%s", foreign)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a model of the model store at " + store().root());
        }
    }

    @Test
    void aMissingModelIsNamedAndNothingIsWritten() {
        ModelKey key = ModelKey.of("study-9", "Basic_CNN_LSTM", "none");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> store().writeZip(key, out)).isInstanceOf(ModelNotFoundException.class)
                .hasMessage("the model store holds no model at " + expectedUri(key));
        assertThat(out.size()).isZero();
    }

    @Test
    void onlyADirectoryOfItsOwnFilesIsPut() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Basic_CNN_LSTM", "bad");
        Path notADirectory = Files.writeString(work.resolve("saved_model.pb"), "x");
        Path withMetadata = savedModel("saved_model.pb", ModelStore.METADATA_FILE);

        assertThatThrownBy(() -> store().put(key, notADirectory, METADATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a SavedModel directory");
        assertThatThrownBy(() -> store().put(key, withMetadata, METADATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not hold vixlab-model.json");
        assertThat(store().exists(key)).isFalse();
    }

    Path savedModel(String... files) throws IOException {
        return ModelFiles.savedModel(work, random, files);
    }

    private Map<String, byte[]> unzip(ModelKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store().writeZip(key, out);
        return ModelFiles.unzip(out.toByteArray());
    }
}
