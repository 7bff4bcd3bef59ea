package io.vixlab.report.web;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vixlab.kit.rest.Problems;
import io.vixlab.report.api.StudiesResource;
import io.vixlab.report.service.ModelDownloads;
import io.vixlab.report.service.ReportUnavailableException;
import io.vixlab.report.service.StudyChanges;
import io.vixlab.report.service.StudyProgress;
import io.vixlab.report.service.StudyReportView;
import io.vixlab.report.service.StudyReports;
import io.vixlab.report.service.StudyTracker;
import io.vixlab.report.service.TrialConfigs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The web pages: the live list of studies with the stream that keeps it current, and each study's
 * report, also as a standalone file.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StudyPagesResource {

    /** A study whose report cannot be built yet is asked again this often. */
    private static final int UNAVAILABLE_REFRESH_SECONDS = 10;

    private final StudyTracker tracker;
    private final StudyReports reports;
    private final ModelDownloads downloads;
    private final TrialConfigs configs;
    private final LiveStudies live;
    private final StudyChanges changes;

    public StudyPagesResource(StudyTracker tracker, StudyReports reports, ModelDownloads downloads,
            TrialConfigs configs, LiveStudies live, StudyChanges changes) {
        this.tracker = tracker;
        this.reports = reports;
        this.downloads = downloads;
        this.configs = configs;
        this.live = live;
        this.changes = changes;
    }

    @GET
    public String studies() {
        return StudyListPage.render(live.now());
    }

    /**
     * The study list's HTML, once now and again whenever a study's events change it (server-sent
     * events, one line of HTML each). The list is built on a worker thread: it reads the database.
     */
    @GET
    @Path("live/studies")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> liveStudies() {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(""), changes.stream())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(changed -> StudyListPage.studies(live.now()).replace("\n", ""));
    }

    @GET
    @Path("studies/{id}")
    public String report(@PathParam("id") String studyId) {
        StudyReportView view = reports.view(studyId);
        return ReportPage.render(view, configs.latestByTrial(studyId), budget(studyId), ReportPage.Mode.APP,
                StudiesResource.modelDownloads(view.report(), downloads));
    }

    /** The report page as one file that renders offline: styles and charts inline, no links back. */
    @GET
    @Path("studies/{id}/export.html")
    public Response export(@PathParam("id") String studyId) {
        return Response.ok(ReportPage.render(reports.view(studyId), configs.latestByTrial(studyId), budget(studyId),
                        ReportPage.Mode.STANDALONE, Map.of()))
                .header("Content-Disposition", "attachment; filename=\"" + StudiesResource.fileName(studyId) + ".html\"")
                .build();
    }

    /** Trials per architecture the study was planned with; null for a study this service has not seen created. */
    private Integer budget(String studyId) {
        return tracker.studies().stream().filter(s -> s.studyId().equals(studyId)).findFirst()
                .map(StudyProgress::trialsPerArchitecture).orElse(null);
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
