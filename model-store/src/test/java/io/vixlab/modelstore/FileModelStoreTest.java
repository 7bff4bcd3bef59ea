package io.vixlab.modelstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileModelStoreTest extends ModelStoreContract {

    private Path root;
    private FileModelStore store;

    @BeforeEach
    void openStore() {
        root = work.resolve("models");
        store = new FileModelStore(root);
    }

    @Override
    ModelStore store() {
        return store;
    }

    @Override
    URI expectedUri(ModelKey key) {
        return URI.create("models:/" + key.study() + "/" + key.model());
    }

    @Override
    void leaveObject(ModelKey key, String name, byte[] content) throws IOException {
        Path file = root.resolve(key.study()).resolve(key.model()).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    @Override
    List<URI> foreignUris() {
        return List.of(URI.create("models:/study-1/../../etc"), URI.create("models:/study-1"),
                URI.create("models:/a/b/c"), URI.create("file:/etc/passwd"),
                URI.create("s3://bucket/study-1/Basic_CNN_LSTM-final-1"), URI.create("models:/.."
                        + "/Basic_CNN_LSTM-final-1"));
    }

    @Test
    void modelsLieInTheDirectoryAsSavedModelDirectories() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Basic_CNN_LSTM", "final-1");

        store.put(key, savedModel("saved_model.pb", "variables/variables.index"), METADATA);

        Path model = root.resolve("study-1").resolve("Basic_CNN_LSTM-final-1");
        assertThat(model.resolve("saved_model.pb")).isRegularFile();
        assertThat(model.resolve("variables/variables.index")).isRegularFile();
        assertThat(model.resolve(ModelStore.METADATA_FILE)).isRegularFile();
        try (var entries = Files.list(model)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no partial file left beside the metadata")
                    .containsExactlyInAnyOrder("saved_model.pb", "variables", ModelStore.METADATA_FILE);
        }
    }

    @Test
    void aStaleFileIsRemovedWithTheFoldersItLeavesEmpty() throws IOException {
        ModelKey key = ModelKey.of("study-1", "Basic_CNN_LSTM", "final-1");
        leaveObject(key, "assets/extra/vocabulary.txt", new byte[] {1});

        store.put(key, savedModel("saved_model.pb"), METADATA);

        assertThat(root.resolve("study-1/Basic_CNN_LSTM-final-1/assets")).doesNotExist();
    }
}
