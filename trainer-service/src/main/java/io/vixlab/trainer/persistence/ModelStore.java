package io.vixlab.trainer.persistence;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.model.CnnLstmModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Final models as TensorFlow SavedModels under {@code <model-store>/<studyId>/<architecture>-<finalId>}.
 * A model's location leaves the trainer as a URI relative to the store,
 * {@code models:/<studyId>/<architecture>-<finalId>}: events and reports never show a server path.
 */
@ApplicationScoped
public class ModelStore {

    public static final String SCHEME = "models";

    private final Path root;

    public ModelStore(TrainerConfig config) {
        this.root = config.modelStore().toAbsolutePath().normalize();
    }

    /**
     * Exports the model, replacing what an earlier, interrupted export of the same final left;
     * returns the SavedModel's location in the store.
     */
    public URI export(String studyId, Architecture architecture, String finalId, CnnLstmModel<?> model) throws IOException {
        String study = segment(studyId);
        String saved = segment(architecture.displayName() + "-" + finalId);
        Path directory = root.resolve(study).resolve(saved);
        deleteRecursively(directory);
        Files.createDirectories(directory.getParent());
        model.export(directory);
        return URI.create(SCHEME + ":/" + study + "/" + saved);
    }

    /** The SavedModel's directory of a location {@link #export} returned. */
    public Path resolve(URI location) {
        Path directory = root.resolve(location.getPath().substring(1)).normalize();
        if (!SCHEME.equals(location.getScheme()) || !directory.startsWith(root)) {
            throw new IllegalArgumentException("not a location in the model store: " + location);
        }
        return directory;
    }

    /** Ids come from messages: keep them one harmless path segment. */
    private static String segment(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.matches("\\.*") ? "_" + safe : safe;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
