package io.vixlab.report.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.MessageLimits;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.modelstore.ModelFiles;
import io.vixlab.modelstore.ModelKey;
import io.vixlab.modelstore.ModelMetadata;
import io.vixlab.modelstore.ModelStore;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.ResultStore;
import io.vixlab.report.web.FixtureStudies;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's final model downloads through the REST endpoint from the model store the trainers put
 * it in, and the report links to it; what cannot be served is a 404 naming what is missing. Run
 * against each kind of store.
 */
abstract class ModelDownloadContract {

    private static final List<String> FILES = List.of("saved_model.pb", "variables/variables.data-00000-of-00001",
            "variables/variables.index");

    @Inject
    ModelStore models;

    @Inject
    ResultStore results;

    @Inject
    FixtureStudies fixtures;

    /** What the artifact URIs of the service's store begin with. */
    abstract String storeUriPrefix();

    @Test
    void theReportLinksItsModelWhichDownloadsAsAZipOfTheSavedModel(@TempDir Path work) throws IOException {
        String studyId = fixtures.study(false);
        Path savedModel = ModelFiles.savedModel(work, new Random(11), FILES.toArray(String[]::new));
        ModelKey key = ModelKey.of(studyId, "Basic_CNN_LSTM", "final-basic");
        URI uri = models.put(key, savedModel, metadata(studyId));
        assertThat(uri.toString()).startsWith(storeUriPrefix());
        results.record(StudyFixture.finalModel(studyId, "Basic_CNN_LSTM", 2, TrialState.COMPLETE,
                StudyFixture.BASIC_ERRORS, uri.toString()));
        String download = "/api/studies/" + studyId + "/models/Basic_CNN_LSTM";

        JsonPath report = given().get("/api/studies/{id}/report", studyId).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("rows.find { it.architecture == 'Basic_CNN_LSTM' }.artifactUri")).isEqualTo(uri.toString());
        assertThat(report.getString("rows.find { it.architecture == 'Basic_CNN_LSTM' }.modelDownload")).isEqualTo(download);
        assertThat(report.getString("rows.find { it.architecture == 'Deep_CNN_LSTM' }.modelDownload"))
                .as("its artifact (file:/...) lies outside the store").isNull();
        assertThat(given().accept("text/html").get("/studies/{id}", studyId).then().statusCode(200).extract().asString())
                .contains("<a href=\"" + download + "\" download>");

        ExtractableResponse<Response> response = given().get(download).then().statusCode(200)
                .contentType("application/zip").extract();
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"vixlab-study-" + studyId + "-Basic_CNN_LSTM-final-basic.zip\"");
        Map<String, byte[]> zip = ModelFiles.unzip(response.asByteArray());
        String folder = "Basic_CNN_LSTM-final-basic/";
        assertThat(zip.keySet()).containsExactly(folder + FILES.get(0), folder + FILES.get(1), folder + FILES.get(2),
                folder + ModelStore.METADATA_FILE);
        for (String file : FILES) {
            assertThat(zip.get(folder + file)).as(file).isEqualTo(Files.readAllBytes(savedModel.resolve(file)));
        }
        assertThat(EventJson.read(zip.get(folder + ModelStore.METADATA_FILE), ModelMetadata.class))
                .isEqualTo(metadata(studyId));
    }

    @Test
    void aModelThatCannotBeServedIsA404NamingWhatIsMissing() {
        String studyId = fixtures.study(false);
        URI nothingThere = models.uri(ModelKey.of(studyId, "Attention_CNN_LSTM", "gone"));
        results.record(StudyFixture.finalModel(studyId, "Attention_CNN_LSTM", 3, TrialState.COMPLETE,
                StudyFixture.ATTENTION_ERRORS, nothingThere.toString()));

        assertThat(problem(studyId, "Bidirectional_CNN_LSTM")).isEqualTo("study '" + MessageLimits.quoted(studyId)
                + "' has no complete final model of 'Bidirectional_CNN_LSTM' (complete: Attention_CNN_LSTM, "
                + "Basic_CNN_LSTM, Deep_CNN_LSTM)");
        assertThat(problem("no-such-study", "Basic_CNN_LSTM"))
                .isEqualTo("study 'no-such-study' has no complete final model of 'Basic_CNN_LSTM'");
        assertThat(problem(studyId, "Deep_CNN_LSTM")).isEqualTo("the final model of Deep_CNN_LSTM lies at "
                + "'file:/models/Deep_CNN_LSTM/2', outside this service's model store (" + models.root() + ")");
        assertThat(problem(studyId, "Attention_CNN_LSTM")).isEqualTo("the model store holds no model at " + nothingThere);
    }

    private static String problem(String studyId, String architecture) {
        return given().get("/api/studies/{id}/models/{architecture}", studyId, architecture).then().statusCode(404)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
    }

    private static ModelMetadata metadata(String studyId) {
        return new ModelMetadata(studyId, "Basic_CNN_LSTM", "final-basic", 2, "dataset-1",
                Map.of("dense_units", 16, "learning_rate", 0.001), TrainingSettings.finalDefaults(), 12_345, 40,
                new Metrics(0.014, 0.1183, 0.1, 0.8799, 1.0), new Metrics(0.0006, 0.024, 0.02, 0.8799, 1.0),
                Instant.parse("2026-11-25T14:11:14Z"));
    }
}
