package io.vixlab.report.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.kit.rest.Problems;
import io.vixlab.modelstore.ModelKey;
import io.vixlab.report.export.ComparisonCsv;
import io.vixlab.report.service.ModelDownloads;
import io.vixlab.report.service.ModelUnavailableException;
import io.vixlab.report.service.ReportUnavailableException;
import io.vixlab.report.service.StudyProgress;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The studies the report service has heard of, with their progress and reports. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    static final String CSV = "text/csv";
    static final String ZIP = "application/zip";

    private final StudyTracker tracker;
    private final StudyReports reports;
    private final ModelDownloads downloads;

    public StudiesResource(StudyTracker tracker, StudyReports reports, ModelDownloads downloads) {
        this.tracker = tracker;
        this.reports = reports;
        this.downloads = downloads;
    }

    /** Every study, newest first, with trials done and running per architecture and elapsed time. */
    @GET
    public List<StudyProgress> list() {
        return tracker.studies();
    }

    /**
     * The published report of a completed study, or a partial report built from what has arrived
     * so far; 404 with the reason while the study, its dataset or its VIX closes are missing. A row
     * whose model this service can serve also has {@code modelDownload}, the path of its zip.
     */
    @GET
    @Path("{id}/report")
    public ObjectNode report(@PathParam("id") String studyId) {
        StudyReport report = reports.view(studyId).report();
        Map<String, String> links = modelDownloads(report, downloads);
        ObjectNode json = EventJson.mapper().valueToTree(report);
        for (JsonNode row : json.get("rows")) {
            String link = links.get(row.get("architecture").asText());
            if (link != null) {
                ((ObjectNode) row).put("modelDownload", link);
            }
        }
        return json;
    }

    /**
     * The final model of the study's architecture that its report shows, as a zip of its SavedModel
     * directory and metadata, streamed from the model store; 404 naming what is missing.
     */
    @GET
    @Path("{id}/models/{architecture}")
    @Produces(ZIP)
    public Response model(@PathParam("id") String studyId, @PathParam("architecture") String architecture)
            throws IOException {
        ModelKey key = downloads.find(studyId, architecture);
        StreamingOutput zip = out -> downloads.writeZip(key, out);
        return Response.ok(zip, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(studyId) + "-" + key.model() + ".zip\"")
                .build();
    }

    /** The report's comparison table as CSV (architectures by test MSE, then baselines). */
    @GET
    @Path("{id}/report.csv")
    @Produces(CSV)
    public Response reportCsv(@PathParam("id") String studyId) {
        return Response.ok(ComparisonCsv.write(reports.view(studyId).report()), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(studyId) + ".csv\"")
                .build();
    }

    @ServerExceptionMapper
    public Response unavailable(ReportUnavailableException e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(ModelUnavailableException e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    /** The download path of each row's model that this service can serve, by architecture. */
    public static Map<String, String> modelDownloads(StudyReport report, ModelDownloads downloads) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ArchitectureRow row : report.rows()) {
            if (downloads.downloadable(row)) {
                links.put(row.architecture(), "/api/studies/" + PathSegment.encode(report.studyId()) + "/models/"
                        + PathSegment.encode(row.architecture()));
            }
        }
        return links;
    }

    /**
     * The name of a study's downloads without extension: {@code vixlab-study-<id>}, where the tuner's
     * ids already start with {@code study-}, which is not repeated; characters a file name cannot
     * safely hold become {@code _}.
     */
    public static String fileName(String studyId) {
        String safe = studyId.replaceAll("[^A-Za-z0-9._-]", "_");
        return "vixlab-" + (safe.startsWith("study-") ? safe : "study-" + safe);
    }
}
