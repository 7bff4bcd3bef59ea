package io.vixlab.report.web;

import io.vixlab.kit.rest.Problems;
import io.vixlab.report.api.StudiesResource;
import io.vixlab.report.service.ModelDownloads;
import io.vixlab.report.service.ReportUnavailableException;
import io.vixlab.report.service.StudyReportView;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The web pages: the list of studies and each study's report, also as a standalone file. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StudyPagesResource {

    /** A study whose report cannot be built yet is asked again this often. */
    private static final int UNAVAILABLE_REFRESH_SECONDS = 10;

    private final StudyTracker tracker;
    private final StudyReports reports;
    private final ModelDownloads downloads;

    public StudyPagesResource(StudyTracker tracker, StudyReports reports, ModelDownloads downloads) {
        this.tracker = tracker;
        this.reports = reports;
        this.downloads = downloads;
    }

    @GET
    public String studies() {
        return StudyListPage.render(tracker.studies());
    }

    @GET
    @Path("studies/{id}")
    public String report(@PathParam("id") String studyId) {
        StudyReportView view = reports.view(studyId);
        return ReportPage.render(view, ReportPage.Mode.APP, StudiesResource.modelDownloads(view.report(), downloads));
    }

    /** The report page as one file that renders offline: styles and charts inline, no links back. */
    @GET
    @Path("studies/{id}/export.html")
    public Response export(@PathParam("id") String studyId) {
        return Response.ok(ReportPage.render(reports.view(studyId), ReportPage.Mode.STANDALONE, Map.of()))
                .header("Content-Disposition", "attachment; filename=\"" + StudiesResource.fileName(studyId) + ".html\"")
                .build();
    }

    /**
     * A browser (it names text/html in Accept) gets a page that asks again later; any other client
     * (a script sending {@code *}{@code /*}) gets the problem+json every API error is.
     */
    @ServerExceptionMapper
    public Response unavailable(ReportUnavailableException e, HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(MediaType.TEXT_HTML_TYPE));
        if (!browser) {
            return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
        }
        String body = "<nav><a href=\"/\">All studies</a></nav><h1>No report yet</h1><p>"
                + Html.escape(e.getMessage()) + "</p>";
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(Html.document("vixlab: no report yet", UNAVAILABLE_REFRESH_SECONDS, body)).build();
    }
}
