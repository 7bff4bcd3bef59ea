package io.vixlab.report.web;

import static io.vixlab.report.web.Html.escape;

import io.vixlab.report.api.PathSegment;
import io.vixlab.report.service.StudyProgress;
import io.vixlab.report.service.StudyProgress.ArchitectureProgress;
import java.util.List;

/** The studies with their live progress; the page reloads itself, so it needs no script. */
public final class StudyListPage {

    static final int REFRESH_SECONDS = 5;

    private StudyListPage() {
    }

    public static String render(List<StudyProgress> studies) {
        StringBuilder body = new StringBuilder("<h1>vixlab studies</h1>\n");
        if (studies.isEmpty()) {
            body.append("<p>No study yet: create one on the tuner service (POST /api/studies).</p>\n");
        } else {
            body.append("<table class=\"studies\"><tr><th>study</th><th>status</th><th>created</th><th>elapsed</th>"
                    + "<th>trials per architecture (done of total, running)</th><th>report</th></tr>\n");
            studies.forEach(study -> row(body, study));
            body.append("</table>\n");
        }
        body.append("<p>Updated every ").append(REFRESH_SECONDS).append(" seconds.</p>");
        return Html.document("vixlab studies", REFRESH_SECONDS, body.toString());
    }

    private static void row(StringBuilder body, StudyProgress study) {
        String link = "/studies/" + escape(PathSegment.encode(study.studyId()));
        body.append("<tr data-study=\"").append(escape(study.studyId())).append("\"><td><a href=\"").append(link)
                .append("\">").append(escape(study.name() == null ? study.studyId() : study.name())).append("</a><br><small>")
                .append(escape(study.studyId())).append("</small></td><td>").append(escape(study.status()))
                .append("</td><td>").append(escape(study.createdAt())).append("</td><td class=\"number\">")
                .append(escape(Html.duration(study.elapsedMillis()))).append("</td><td><table>");
        for (ArchitectureProgress architecture : study.progress()) {
            body.append("<tr><td>").append(escape(architecture.architecture())).append("</td><td><progress value=\"")
                    .append(architecture.trialsDone()).append("\" max=\"").append(architecture.trialsTotal())
                    .append("\"></progress></td><td class=\"number\">").append(architecture.trialsDone()).append(" of ")
                    .append(architecture.trialsTotal()).append("</td><td>").append(architecture.trialsRunning())
                    .append(" running</td><td>")
                    .append(architecture.finalState() == null ? "" : "final " + escape(architecture.finalState()))
                    .append("</td></tr>");
        }
        body.append("</table></td><td>").append(study.reportPublished() ? "published" : "in progress")
                .append(" — <a href=\"").append(link).append("\">report</a></td></tr>\n");
    }
}
