package io.vixlab.launcher.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.launcher.ServiceProcess;
import io.vixlab.launcher.progress.ProgressDisplay;
import io.vixlab.launcher.progress.StudySnapshot;
import io.vixlab.launcher.stack.Http;
import io.vixlab.launcher.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/** The steps of a local study over the services' REST APIs: ingest, dataset, study, progress, report. */
public final class StudyPipeline {

    private static final Set<String> ENDED_BADLY = Set.of("CANCELLED", "FAILED");

    /**
     * How long a new dataset may take after an ingest: feature-service builds it in seconds on an
     * idle machine, and took over 2 minutes on a loaded 2-core one.
     */
    public static final Duration DATASET_WAIT = Duration.ofMinutes(7);

    private final LocalStack stack;
    private final Consumer<String> say;

    public StudyPipeline(LocalStack stack, Consumer<String> say) {
        this.stack = stack;
        this.say = say;
    }

    /** The latest published dataset's manifest, or null before the first. */
    public JsonNode latestDataset() {
        Http.Answer latest = Http.get(stack.uri(LocalStack.FEATURE_SERVICE, "/api/datasets/latest"));
        if (latest.status() == 404) {
            return null;
        }
        require(latest, "GET /api/datasets/latest on feature-service");
        return latest.json();
    }

    /** Runs an ingest ({@code POST /api/ingest/runs}); returns the run. A re-run of the same data changes nothing. */
    public JsonNode ingest(String source) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("source", source);
        Http.Answer run = Http.post(stack.uri(LocalStack.DATA_INGEST, "/api/ingest/runs"), body);
        require(run, "POST /api/ingest/runs on data-ingest");
        return run.json();
    }

    /** Bars the run stored or changed, over all symbols. */
    public static int changedBars(JsonNode run) {
        int changed = 0;
        for (JsonNode s : run.path("symbols")) {
            changed += s.path("changed").asInt();
        }
        return changed;
    }

    /**
     * Waits for the dataset the current bars make: a new one when the ingest changed bars
     * (feature-service rebuilds once its copy of the bars matches), else the latest one, asking for a
     * rebuild when there is none yet (a previous run stopped before it).
     */
    public JsonNode awaitDataset(String previousId, boolean dataChanged, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextRebuild = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            failIfDead();
            JsonNode latest = latestDataset();
            if (latest != null && (!dataChanged || !latest.path("datasetId").asText().equals(previousId))) {
                return latest;
            }
            if (latest == null && !dataChanged && System.nanoTime() > nextRebuild) {
                Http.Answer rebuilt = Http.post(stack.uri(LocalStack.FEATURE_SERVICE, "/api/datasets/rebuild"), null);
                if (rebuilt.ok()) {
                    return rebuilt.json();
                }
                nextRebuild = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            }
            sleep(1000);
        }
        throw new IllegalStateException("no dataset within " + timeout + "; see "
                + stack.service(LocalStack.FEATURE_SERVICE).log());
    }

    /** Creates the study ({@code POST /api/studies} on tuner-service); returns its id. */
    public String createStudy(JsonNode body) {
        Http.Answer created = Http.post(stack.uri(LocalStack.TUNER_SERVICE, "/api/studies"), body);
        require(created, "POST /api/studies on tuner-service");
        return created.json().path("id").asText();
    }

    /**
     * Shows the study's progress on {@code display} at each answer until the study's report is
     * published; fails when the study is cancelled or fails, a service dies, or the deadline passes.
     *
     * @return report-service's last progress entry of the study
     */
    public JsonNode watch(String studyId, ProgressDisplay display, Duration timeout, Duration pollEvery) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            failIfDead();
            JsonNode progress = progress(studyId);
            if (progress != null) {
                JsonNode tuner = tunerView(studyId);
                display.show(StudySnapshot.of(progress, tuner));
                String status = progress.path("status").asText();
                if ("COMPLETED".equals(status) && progress.path("reportPublished").asBoolean()) {
                    return progress;
                }
                if (ENDED_BADLY.contains(status)) {
                    String detail = tuner == null ? "" : tuner.path("detail").asText("");
                    throw new IllegalStateException("the study ended " + status + (detail.isEmpty() ? "" : ": " + detail)
                            + "; see " + stack.service(LocalStack.TUNER_SERVICE).log());
                }
            }
            sleep(pollEvery.toMillis());
        }
        throw new IllegalStateException("the study did not finish within " + timeout);
    }

    /** report-service's progress entry of the study, or null while it has not heard of it. */
    public JsonNode progress(String studyId) {
        Http.Answer studies = Http.get(stack.uri(LocalStack.REPORT_SERVICE, "/api/studies"));
        if (!studies.ok()) {
            return null;
        }
        for (JsonNode s : studies.json()) {
            if (studyId.equals(s.path("studyId").asText())) {
                return s;
            }
        }
        return null;
    }

    private JsonNode tunerView(String studyId) {
        try {
            Http.Answer view = Http.get(stack.uri(LocalStack.TUNER_SERVICE, "/api/studies/" + studyId));
            return view.ok() ? view.json() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The study's report as JSON (published once complete). */
    public JsonNode report(String studyId) {
        Http.Answer report = Http.get(stack.uri(LocalStack.REPORT_SERVICE, "/api/studies/" + studyId + "/report"));
        require(report, "GET /api/studies/" + studyId + "/report on report-service");
        return report.json();
    }

    /** Saves the report JSON and the standalone HTML page into {@code dir}; returns the HTML file. */
    public Path saveReport(String studyId, JsonNode report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName(studyId) + ".json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the report in " + dir, e);
        }
        return Http.download(stack.uri(LocalStack.REPORT_SERVICE, "/studies/" + studyId + "/export.html"),
                dir.resolve(fileName(studyId) + ".html"));
    }

    /** {@code vixlab-study-1a2b3c4d}: a study's id already says that it is one. */
    static String fileName(String studyId) {
        return "vixlab-" + studyId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void failIfDead() {
        stack.deadService().ifPresent((ServiceProcess dead) -> {
            throw new IllegalStateException(dead.name() + " stopped unexpectedly; see " + dead.log());
        });
    }

    private static void require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
