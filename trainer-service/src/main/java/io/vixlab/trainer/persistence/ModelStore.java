package io.vixlab.trainer.persistence;

import io.vixlab.contracts.search.Architecture;
import io.vixlab.trainer.config.TrainerConfig;
import io.vixlab.trainer.model.CnnLstmModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Final models as TensorFlow SavedModels under {@code <model-store>/<studyId>/<architecture>-<finalId>}. */
@ApplicationScoped
public class ModelStore {

    private final Path root;

    public ModelStore(TrainerConfig config) {
        this.root = config.modelStore().toAbsolutePath().normalize();
    }

    /**
     * Exports the model, replacing what an earlier, interrupted export of the same final left;
     * returns the SavedModel's directory.
     */
    public Path export(String studyId, Architecture architecture, String finalId, CnnLstmModel<?> model) throws IOException {
        Path directory = root.resolve(segment(studyId)).resolve(segment(architecture.displayName() + "-" + finalId));
        deleteRecursively(directory);
        Files.createDirectories(directory.getParent());
        model.export(directory);
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
