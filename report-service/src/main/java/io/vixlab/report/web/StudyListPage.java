package io.vixlab.report.web;

import static io.vixlab.report.web.Html.escape;

import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.report.api.PathSegment;
import io.vixlab.report.service.StudyProgress;
import io.vixlab.report.service.StudyProgress.ArchitectureProgress;
import java.util.List;

/**
 * The studies with their live progress: per architecture the trials done, the runs training now
 * with their latest epoch and loss. The page renders the list once; live.js then replaces it with
 * each version the server pushes (server-sent events from {@link #EVENTS}), so it never polls.
 */
public final class StudyListPage {

    /** The stream of the list's new versions, one server-sent event each, the list's HTML as data. */
    static final String EVENTS = "/live/studies";

    private StudyListPage() {
    }

    static String render(List<LiveStudies.LiveStudy> studies) {
        String body = "<h1>vixlab studies</h1>\n<p id=\"live-status\">live: connecting…</p>\n"
                + "<div id=\"live-studies\" data-events=\"" + EVENTS + "\">" + studies(studies) + "</div>\n"
                + "<script src=\"" + PageScripts.LIVE + "\"></script>";
        return Html.document("vixlab studies", 0, body);
    }

    /** The list itself: what each server-sent event carries. */
    static String studies(List<LiveStudies.LiveStudy> studies) {
        if (studies.isEmpty()) {
            return "<p>No study yet: create one on the tuner service (POST /api/studies).</p>\n";
        }
        StringBuilder body = new StringBuilder("<table class=\"studies\"><tr><th>study</th><th>status</th>"
                + "<th>created</th><th>elapsed</th><th>trials per architecture (done of total, running)</th>"
                + "<th>report</th></tr>\n");
        studies.forEach(study -> row(body, study));
        return body.append("</table>\n").toString();
    }

    private static void row(StringBuilder body, LiveStudies.LiveStudy live) {
        StudyProgress study = live.progress();
        String link = "/studies/" + escape(PathSegment.encode(study.studyId()));
        body.append("<tr data-study=\"").append(escape(study.studyId())).append("\"><td><a href=\"").append(link)
                .append("\">").append(escape(study.name() == null ? study.studyId() : study.name())).append("</a><br><small>")
                .append(escape(study.studyId())).append("</small></td><td>").append(escape(study.status()))
                .append("</td><td>").append(escape(study.createdAt())).append("</td><td class=\"number\">")
                .append(escape(Html.duration(study.elapsedMillis()))).append("</td><td><table>");
        for (ArchitectureProgress architecture : study.progress()) {
            body.append("<tr data-architecture=\"").append(escape(architecture.architecture())).append("\"><td>")
                    .append(escape(architecture.architecture())).append("</td><td><progress value=\"")
                    .append(architecture.trialsDone()).append("\" max=\"").append(architecture.trialsTotal())
                    .append("\"></progress></td><td class=\"number trials-done\">").append(architecture.trialsDone())
                    .append(" of ").append(architecture.trialsTotal()).append("</td><td>")
                    .append(architecture.trialsRunning()).append(" running</td><td>")
                    .append(architecture.finalState() == null ? "" : "final " + escape(architecture.finalState()))
                    .append("</td></tr>");
        }
        body.append("</table>");
        running(body, live.running());
        body.append("</td><td>").append(study.reportPublished() ? "published" : "in progress")
                .append(" — <a href=\"").append(link).append("\">report</a></td></tr>\n");
    }

    /** The runs training now, each with its latest epoch (fold and epoch counted from 1, as people do). */
    private static void running(StringBuilder body, List<RunningRuns.Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        body.append("<table class=\"running\"><tr><th>training now</th><th>fold</th><th>epoch</th>"
                + "<th>train loss</th><th>validation loss</th><th>at</th></tr>");
        for (RunningRuns.Run run : runs) {
            String name = run.kind() == TrainingProgress.RunKind.FINAL ? "final"
                    : run.trialNumber() == null ? run.runId() : "trial " + run.trialNumber();
            body.append("<tr class=\"run-live\" data-run=\"").append(escape(run.runId())).append("\"><td>")
                    .append(escape(run.architecture())).append(" ").append(escape(name))
                    .append(run.attempt() > 1 ? " (attempt " + run.attempt() + ")" : "").append("</td><td class=\"number\">")
                    .append(run.kind() == TrainingProgress.RunKind.FINAL ? "" : String.valueOf(run.fold() + 1))
                    .append("</td><td class=\"number\">").append(run.epoch() + 1).append("</td><td class=\"number\">")
                    .append(escape(Numbers.format(run.trainLoss()))).append("</td><td class=\"number\">")
                    .append(escape(Numbers.format(run.valLoss()))).append("</td><td>").append(escape(run.at()))
                    .append("</td></tr>");
        }
        body.append("</table>");
    }
}
