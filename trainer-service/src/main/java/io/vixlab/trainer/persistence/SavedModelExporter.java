package io.vixlab.trainer.persistence;

import io.vixlab.modelstore.ModelKey;
import io.vixlab.modelstore.ModelMetadata;
import io.vixlab.modelstore.ModelStore;
import io.vixlab.trainer.model.CnnLstmModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Puts a trained final model into the model store: exported as a TensorFlow SavedModel to a scratch
 * directory (TensorFlow writes files, not objects), then stored with its metadata under the final's
 * key {@code <studyId>/<architecture>-<finalId>}, replacing what an earlier attempt left there.
 */
@ApplicationScoped
public class SavedModelExporter {

    private final ModelStore store;

    public SavedModelExporter(ModelStore store) {
        this.store = store;
    }

    /** Returns the model's artifact URI. */
    public URI export(CnnLstmModel<?> model, ModelMetadata metadata) throws IOException {
        ModelKey key = ModelKey.of(metadata.studyId(), metadata.architecture(), metadata.finalId());
        Path scratch = Files.createTempDirectory("vixlab-final-");
        try {
            Path savedModel = scratch.resolve(key.model());
            model.export(savedModel);
            return store.put(key, savedModel, metadata);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
