package io.vixlab.report.web;

import static io.vixlab.report.web.Html.escape;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.CombinationRow;
import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.DieboldMarianoResult;
import io.vixlab.contracts.report.FittingSample;
import io.vixlab.contracts.report.HealthFlag;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.report.api.PathSegment;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.report.service.StudyReportView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A study's report as one HTML page: the verdict, a warning for any model whose forecast looks
 * degenerate, the comparison table with the combination, the baselines, the Diebold-Mariano tests
 * with their verdicts, the model confidence sets, every trial in a table, and the charts: Apache ECharts
 * draws them in the browser from one JSON object embedded in the page ({@link StudyPageData}). The
 * standalone export carries ECharts and the drawing script inline, so it fetches nothing.
 */
public final class ReportPage {

    /** Where the page is shown. */
    public enum Mode {
        /** Served by the application: links to the list and the downloads; a partial report reloads itself. */
        APP,
        /** A file to keep or send: scripts inline, no links back into the application, no reloading. */
        STANDALONE
    }

    /** A partial report reloads this often while the study runs. */
    private static final int PARTIAL_REFRESH_SECONDS = 15;

    private ReportPage() {
    }

    /**
     * @param modelDownloads the download path of each architecture's model this service serves
     *     (none in a standalone file, which links nowhere)
     */
    public static String render(StudyReportView view, Map<String, TrialConfig> configs, Integer trialsPerArchitecture,
            Mode mode, Map<String, String> modelDownloads) {
        StudyReport report = view.report();
        StudyPageData data = StudyPageData.of(view, configs);
        StringBuilder body = new StringBuilder();
        if (mode == Mode.APP) {
            String base = "/api/studies/" + escape(PathSegment.encode(report.studyId()));
            body.append("<nav><a href=\"/\">All studies</a><a href=\"").append(base).append("/report\">JSON</a>")
                    .append("<a href=\"").append(base).append("/report.csv\">CSV</a>")
                    .append("<a href=\"/studies/").append(escape(PathSegment.encode(report.studyId())))
                    .append("/export.html\">Standalone HTML</a></nav>\n");
        }
        body.append("<h1>Study ").append(escape(report.studyId())).append("</h1>\n");
        summary(body, view, StudyPageData.settings(view, configs), trialsPerArchitecture);
        healthWarning(body, report);
        verdict(body, report);
        comparison(body, report, modelDownloads);
        baselines(body, report);
        tests(body, report);
        confidenceSets(body, report);
        charts(body, data);
        trialTable(body, data);
        body.append("<script type=\"application/json\" id=\"study-data\">").append(Html.json(data)).append("</script>\n");
        int refresh = mode == Mode.APP && !view.published() ? PARTIAL_REFRESH_SECONDS : 0;
        String scripts = mode == Mode.APP
                ? "<script src=\"" + PageScripts.ECHARTS + "\"></script><script src=\"" + PageScripts.STUDY_CHARTS + "\"></script>"
                : Html.inlineScript(PageScripts.text(PageScripts.ECHARTS)) + Html.inlineScript(PageScripts.text(PageScripts.STUDY_CHARTS));
        return Html.document("vixlab study " + report.studyId(), refresh, body + scripts);
    }

    private static void summary(StringBuilder body, StudyReportView view, StudyPageData.Settings settings,
            Integer trialsPerArchitecture) {
        StudyReport report = view.report();
        if (!view.published()) {
            body.append("<p class=\"notice\">Partial report: built from what the study has produced so far; it is "
                    + "published on reports.studies when the study completes.</p>\n");
        }
        body.append("<table class=\"summary\">");
        summaryRow(body, "status", report.status());
        summaryRow(body, "best architecture (test MSE)", report.bestArchitecture());
        summaryRow(body, "architectures", String.join(", ", view.architectures()));
        StudySetup setup = report.setup();
        if (setup != null) {
            summaryRow(body, "budget", setup.trialsPerArchitecture() + " trials per architecture, at most "
                    + setup.timeoutMinutesPerArchitecture() + " min each");
            summaryRow(body, "search", setup.sampler() + " sampler (seed " + setup.samplerSeed() + "), "
                    + setup.pruner() + " pruner, " + (setup.reproducibleWindow() > 0
                    ? "reproducible (window " + setup.reproducibleWindow() + ")" : "as results arrive"));
        } else if (trialsPerArchitecture != null) {
            summaryRow(body, "budget", trialsPerArchitecture + " trials per architecture");
        }
        if (report.target() != null) {
            summaryRow(body, "target", report.target());
        }
        if (settings.tuning() != null) {
            summaryRow(body, "trials trained with", training(settings.tuning()) + ", " + settings.tuning().folds()
                    + " folds");
        }
        if (settings.finalTraining() != null) {
            summaryRow(body, "finals trained with", training(settings.finalTraining()));
        }
        summaryRow(body, "dataset", report.datasetId());
        summaryRow(body, "test period", report.testStart() + " to " + report.testEnd() + " (" + report.testDays()
                + " days)");
        // Reports published before these fields existed lack them.
        if (report.bestBaseline() != null) {
            summaryRow(body, "best baseline (test MSE)", report.bestBaseline());
        }
        if (report.baselineFittingSample() != null) {
            summaryRow(body, "baselines fitted on", fittingSample(report.baselineFittingSample()));
        }
        summaryRow(body, "generated at", report.generatedAt());
        body.append("</table>\n");
    }

    private static String training(TrainingSettings settings) {
        return settings.epochs() + " epochs, batch size " + settings.batchSize() + ", seed " + settings.seed();
    }

    private static String fittingSample(FittingSample sample) {
        return sample == null ? null : "the dataset's training part, " + sample.firstDate() + " to " + sample.lastDate()
                + " (" + sample.days() + " days)";
    }

    /** Every model whose test forecast shows a sign of degeneration, with the figures, above everything else. */
    private static void healthWarning(StringBuilder body, StudyReport report) {
        StringBuilder items = new StringBuilder();
        for (ArchitectureRow row : report.rows()) {
            healthItems(items, row.architecture(), row.healthFlags());
        }
        if (report.combination() != null) {
            healthItems(items, report.combination().name(), report.combination().healthFlags());
        }
        if (!items.isEmpty()) {
            body.append("<div class=\"health-warning\" role=\"alert\"><strong>Model health warning:</strong> these test"
                    + " forecasts look degenerate; their error metrics may hide it.<ul>").append(items)
                    .append("</ul></div>\n");
        }
    }

    private static void healthItems(StringBuilder items, String model, List<HealthFlag> flags) {
        for (HealthFlag flag : flags == null ? List.<HealthFlag>of() : flags) {
            items.append("<li>").append(escape(model)).append(" — ").append(escape(kindName(flag))).append(": ")
                    .append(escape(flag.reason())).append("</li>");
        }
    }

    private static String kindName(HealthFlag flag) {
        return flag.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void verdict(StringBuilder body, StudyReport report) {
        if (report.summary() == null || report.summary().isEmpty()) {
            return;
        }
        body.append("<h2>Verdict</h2>\n<ul class=\"verdict\">");
        report.summary().forEach(sentence -> body.append("<li>").append(escape(sentence)).append("</li>"));
        body.append("</ul>\n");
    }

    private static void summaryRow(StringBuilder body, String name, Object value) {
        body.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static void comparison(StringBuilder body, StudyReport report, Map<String, String> modelDownloads) {
        body.append("<h2>Comparison (sorted by test MSE, metrics in VIX points)</h2>\n");
        if (report.rows().isEmpty()) {
            body.append("<p>No architecture has a complete final model yet.</p>\n");
            return;
        }
        body.append("<table class=\"comparison\"><tr><th>#</th><th>architecture</th>").append(metricHeaders())
                .append("<th>parameters</th><th>trials complete / pruned / failed</th><th>best value</th>"
                        + "<th>training time</th><th>best parameters</th><th>model</th><th>health</th></tr>\n");
        int rank = 1;
        for (ArchitectureRow row : report.rows()) {
            body.append("<tr><td class=\"number\">").append(rank++).append("</td><td>")
                    .append(escape(row.architecture())).append("</td>").append(metricCells(row.metrics()))
                    .append(numberCell(row.parameterCount())).append("<td class=\"number\">")
                    .append(row.trialsComplete()).append(" / ").append(row.trialsPruned()).append(" / ")
                    .append(row.trialsFailed()).append("</td>").append(numberCell(row.bestValue()))
                    .append("<td class=\"number\">").append(escape(Html.duration(row.trainingMillis()))).append("</td><td>")
                    .append(escape(params(row.bestParams()))).append("</td>")
                    .append(modelCell(row, modelDownloads.get(row.architecture())))
                    .append(healthCell(row.healthFlags())).append("</tr>\n");
        }
        CombinationRow combination = report.combination();
        if (combination != null) {
            body.append("<tr class=\"combination\"><td>—</td><td>").append(escape(combination.name()))
                    .append("<br><em>mean of ").append(escape(String.join(", ", combination.architectures())))
                    .append("</em></td>")
                    .append(metricCells(combination.metrics())).append("<td></td>".repeat(6))
                    .append(healthCell(combination.healthFlags())).append("</tr>\n");
        }
        body.append("</table>\n");
    }

    /** A link to the model's zip where this service serves it, else where the model lies. */
    private static String modelCell(ArchitectureRow row, String download) {
        if (download != null) {
            return "<td><a href=\"" + escape(download) + "\" download>SavedModel (zip)</a></td>";
        }
        return "<td>" + escape(row.artifactUri() == null ? "" : row.artifactUri()) + "</td>";
    }

    /** Empty for a model without test predictions (nothing checked), else "ok" or the flags' kinds. */
    private static String healthCell(List<HealthFlag> flags) {
        if (flags == null) {
            return "<td></td>";
        }
        if (flags.isEmpty()) {
            return "<td class=\"health-ok\">ok</td>";
        }
        return "<td class=\"health-flag\" title=\"" + escape(flags.stream().map(HealthFlag::reason)
                .collect(Collectors.joining("; "))) + "\">⚠ " + escape(flags.stream().map(ReportPage::kindName)
                .collect(Collectors.joining(", "))) + "</td>";
    }

    private static void baselines(StringBuilder body, StudyReport report) {
        body.append("<h2>Baselines on the same test days</h2>\n");
        String fitted = fittingSample(report.baselineFittingSample());
        if (fitted != null) {
            body.append("<p>Fitted on ").append(escape(fitted)).append(": the days the models train on.</p>\n");
        }
        body.append("<table class=\"baselines\"><tr><th>baseline</th>")
                .append(metricHeaders()).append("<th>definition</th></tr>\n");
        for (BaselineRow row : report.baselines()) {
            boolean best = row.name().equals(report.bestBaseline());
            body.append("<tr><td>").append(escape(row.name())).append(best ? " <strong>(best)</strong>" : "")
                    .append("</td>").append(metricCells(row.metrics()))
                    .append("<td>").append(escape(row.definition())).append("</td></tr>\n");
        }
        body.append("</table>\n");
    }

    private static void tests(StringBuilder body, StudyReport report) {
        body.append("<h2>Diebold-Mariano tests (HLN correction, 5% level)</h2>\n");
        if (report.tests().isEmpty()) {
            body.append("<p>No test: no architecture has test predictions yet.</p>\n");
            return;
        }
        body.append("<table class=\"tests\"><tr><th>A</th><th>B</th><th>loss</th><th>days</th>"
                + "<th>mean loss A − B</th><th>DM statistic</th><th>p-value</th><th>verdict</th></tr>\n");
        for (DieboldMarianoResult test : report.tests()) {
            body.append("<tr><td>").append(escape(test.modelA())).append("</td><td>").append(escape(test.modelB()))
                    .append("</td><td>").append(lossName(test.loss())).append("</td>").append(numberCell(test.observations())).append(numberCell(test.meanLossDifference()))
                    .append(numberCell(test.statistic())).append(textCell(Numbers.pValue(test.pValue()))).append(verdict(test))
                    .append("</tr>\n");
        }
        body.append("</table>\n");
    }

    /** Both losses side by side: each forecast's mean loss, MCS p-value and membership of the two sets. */
    private static void confidenceSets(StringBuilder body, StudyReport report) {
        List<ConfidenceSet> sets = report.confidenceSets();
        if (sets == null || sets.isEmpty()) {
            return;
        }
        ConfidenceSet first = sets.get(0);
        body.append("<h2>Model confidence set (Hansen, Lunde and Nason 2011)</h2>\n<p>")
                .append(escape(first.statistic().label()))
                .append(" statistic, moving-block bootstrap with blocks of ").append(first.blockLength())
                .append(" days, ").append(first.replications()).append(" replications, seed ").append(first.seed())
                .append(", ").append(first.days()).append(" test days. A forecast is in the 90% set when its MCS"
                        + " p-value is at least 0.10, in the 75% set when at least 0.25: the test days cannot tell it"
                        + " from the best forecast at that confidence.</p>\n<table class=\"mcs\"><tr><th>forecast</th>"
                        + "<th>kind</th>");
        for (ConfidenceSet set : sets) {
            String loss = lossName(set.loss());
            body.append("<th>mean ").append(loss).append(" loss</th><th>MCS p-value (").append(loss)
                    .append(")</th><th>90% set</th><th>75% set</th>");
        }
        body.append("</tr>\n");
        for (int i = 0; i < first.members().size(); i++) {
            ConfidenceSetMember member = first.members().get(i);
            body.append("<tr><td>").append(escape(member.name())).append("</td><td>")
                    .append(member.kind().name().toLowerCase(Locale.ROOT)).append("</td>");
            for (ConfidenceSet set : sets) {
                ConfidenceSetMember same = set.members().get(i);
                body.append(numberCell(same.meanLoss())).append(textCell(Numbers.pValue(same.pValue())))
                        .append(membershipCell(same.inSet90())).append(membershipCell(same.inSet75()));
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    private static String membershipCell(boolean in) {
        return in ? "<td class=\"mcs-in\">in</td>" : "<td class=\"mcs-out\">out</td>";
    }

    private static String lossName(DieboldMarianoResult.LossFunction loss) {
        return loss == DieboldMarianoResult.LossFunction.SQUARED ? "squared" : "absolute";
    }

    private static String verdict(DieboldMarianoResult test) {
        return switch (test.verdict()) {
            case A_BETTER -> "<td class=\"verdict-better\">" + escape(test.modelA()) + " more accurate</td>";
            case B_BETTER -> "<td class=\"verdict-better\">" + escape(test.modelB()) + " more accurate</td>";
            case NO_SIGNIFICANT_DIFFERENCE -> "<td class=\"verdict-none\">no significant difference</td>";
        };
    }

    /**
     * Where the charts go: study-charts.js draws each {@code data-chart} element from the embedded
     * data, an architecture's charts from its {@code data-architecture}.
     */
    private static void charts(StringBuilder body, StudyPageData data) {
        body.append("<h2>Test metrics (dashed: the random walk and the best baseline)</h2>\n<div class=\"charts\">");
        for (StudyPageData.MetricBars metric : data.metrics()) {
            chart(body, "metric", "data-metric=\"" + escape(metric.key()) + "\"");
        }
        body.append("</div>\n<h2>Predictions against actual VIX</h2>\n<div class=\"charts\">");
        chart(body, "predictions wide", "");
        chart(body, "residuals wide", "");
        chart(body, "scatter", "");
        chart(body, "edf", "");
        body.append("</div>\n<h2>Tuning</h2>\n");
        for (StudyPageData.Tuning tuning : data.tuning()) {
            String architecture = "data-architecture=\"" + escape(tuning.architecture()) + "\"";
            body.append("<h3>").append(escape(tuning.architecture())).append("</h3>\n<div class=\"charts\">");
            for (String kind : List.of("history", "intermediate", "importances", "parallel", "slice", "contour",
                    "final-history")) {
                chart(body, kind, architecture);
            }
            body.append("</div>\n");
        }
    }

    private static void chart(StringBuilder body, String kind, String attributes) {
        String[] classes = kind.split(" ");
        body.append("<div class=\"chart").append(classes.length > 1 ? " " + classes[1] : "").append("\" data-chart=\"")
                .append(classes[0]).append("\" ").append(attributes).append("></div>");
    }

    /** Every trial of every architecture; study-charts.js sorts it by a column's header and filters it by text. */
    private static void trialTable(StringBuilder body, StudyPageData data) {
        List<String> names = data.parameterNames();
        body.append("<h2>Trials</h2>\n<p><input type=\"search\" id=\"trial-filter\" placeholder=\"filter trials\">"
                + " click a column's header to sort</p>\n<table class=\"trials sortable\" id=\"trials\"><thead><tr>"
                + "<th>architecture</th><th>trial</th><th>state</th><th>value</th><th>duration</th>");
        names.forEach(name -> body.append("<th>").append(escape(name)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (StudyPageData.Tuning tuning : data.tuning()) {
            for (StudyPageData.Trial trial : tuning.trials()) {
                body.append("<tr><td>").append(escape(tuning.architecture())).append("</td>")
                        .append(sortCell(String.valueOf(trial.number()), trial.number()))
                        .append("<td>").append(trial.state().name().toLowerCase(Locale.ROOT)).append("</td>")
                        .append(trial.value() == null ? "<td></td>" : sortCell(Numbers.format(trial.value()), trial.value()))
                        .append(sortCell(Html.duration(trial.durationMillis()), trial.durationMillis()));
                for (String name : names) {
                    Object value = trial.params().get(name);
                    body.append(value == null ? "<td></td>" : value instanceof Number n
                            ? sortCell(Numbers.parameter(value), n) : "<td>" + escape(value) + "</td>");
                }
                body.append("</tr>\n");
            }
        }
        body.append("</tbody></table>\n");
    }

    private static String sortCell(String text, Number sortKey) {
        return "<td class=\"number\" data-sort=\"" + sortKey + "\">" + escape(text) + "</td>";
    }

    private static String metricHeaders() {
        return "<th>MSE</th><th>RMSE</th><th>MAE</th><th>R²</th><th>directional accuracy</th>";
    }

    private static String metricCells(Metrics metrics) {
        return numberCell(metrics.mse()) + numberCell(metrics.rmse()) + numberCell(metrics.mae())
                + numberCell(metrics.r2()) + numberCell(metrics.directionalAccuracy());
    }

    private static String numberCell(Number value) {
        return textCell(value == null ? "" : value instanceof Double d ? Numbers.format(d) : value.toString());
    }

    private static String textCell(String text) {
        return "<td class=\"number\">" + escape(text) + "</td>";
    }

    private static String params(Map<String, Object> params) {
        return params == null ? "" : new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + Numbers.parameter(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
