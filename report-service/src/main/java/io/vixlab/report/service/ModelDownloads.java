package io.vixlab.report.service;

import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.training.ModelResult;
import io.vixlab.modelstore.ModelKey;
import io.vixlab.modelstore.ModelStore;
import io.vixlab.report.comparison.FinalModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The final models a report shows, as downloads from the model store the trainers put them in
 * (the same {@code vixlab.model-store.location}). Only artifact URIs of this store are served: a
 * result naming anything else is refused, never followed.
 */
@ApplicationScoped
public class ModelDownloads {

    private final ResultStore results;
    private final ModelStore models;

    public ModelDownloads(ResultStore results, ModelStore models) {
        this.results = results;
        this.models = models;
    }

    /**
     * The stored model of the study's architecture: the one its report row shows (the latest
     * complete final).
     *
     * @throws ModelUnavailableException naming what is missing: the final model, its artifact, or
     *     the model in the store; or that its artifact lies outside this service's store
     */
    public ModelKey find(String studyId, String architecture) throws IOException {
        Map<String, ModelResult> finals = FinalModels.latestComplete(results.finals(studyId));
        ModelResult result = finals.get(architecture);
        if (result == null) {
            throw new ModelUnavailableException("study '" + MessageLimits.quoted(studyId) + "' has no complete final "
                    + "model of '" + MessageLimits.quoted(architecture) + "'"
                    + (finals.isEmpty() ? "" : " (complete: " + String.join(", ", finals.keySet()) + ")"));
        }
        if (result.artifactUri() == null) {
            throw new ModelUnavailableException("the final model of " + architecture + " in study '"
                    + MessageLimits.quoted(studyId) + "' names no artifact");
        }
        ModelKey key = keyInStore(result.artifactUri()).orElseThrow(() -> new ModelUnavailableException(
                "the final model of " + architecture + " lies at '" + MessageLimits.quoted(result.artifactUri())
                        + "', outside this service's model store (" + models.root() + ")"));
        if (!models.exists(key)) {
            throw new ModelUnavailableException("the model store holds no model at " + models.uri(key));
        }
        return key;
    }

    /** Whether the row's model can be served: it names an artifact in this service's model store. */
    public boolean downloadable(ArchitectureRow row) {
        return row.artifactUri() != null && keyInStore(row.artifactUri()).isPresent();
    }

    /** Writes the model as a zip archive (a folder holding the SavedModel and its metadata). */
    public void writeZip(ModelKey key, OutputStream out) throws IOException {
        models.writeZip(key, out);
    }

    private Optional<ModelKey> keyInStore(String artifactUri) {
        try {
            return Optional.of(models.key(URI.create(artifactUri)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
