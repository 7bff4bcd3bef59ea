package io.vixlab.report.api;

import io.vixlab.contracts.report.StudyReport;
import io.vixlab.kit.rest.Problems;
import io.vixlab.report.export.ComparisonCsv;
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
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The studies the report service has heard of, with their progress and reports. */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    static final String CSV = "text/csv";

    private final StudyTracker tracker;
    private final StudyReports reports;

    public StudiesResource(StudyTracker tracker, StudyReports reports) {
        this.tracker = tracker;
        this.reports = reports;
    }

    /** Every study, newest first, with trials done and running per architecture and elapsed time. */
    @GET
    public List<StudyProgress> list() {
        return tracker.studies();
    }

    /**
     * The published report of a completed study, or a partial report built from what has arrived
     * so far; 404 with the reason while the study, its dataset or its VIX closes are missing.
     */
    @GET
    @Path("{id}/report")
    public StudyReport report(@PathParam("id") String studyId) {
        return reports.view(studyId).report();
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

    /** A file name that keeps only safe characters of the study id. */
    public static String fileName(String studyId) {
        return "study-" + studyId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
