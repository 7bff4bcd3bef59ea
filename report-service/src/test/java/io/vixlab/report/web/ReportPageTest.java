package io.vixlab.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.ArchitectureRow;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.report.comparison.StudyReportBuilder;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.service.StudyReportView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's header, and a report published before the verdict fields existed still renders. */
class ReportPageTest {

    @Test
    void theHeaderStatesTheBudgetTheSearchAndTheTargetFromTheStudysSetup() {
        StudyReport report = new StudyReportBuilder(Clock.systemUTC()).build(StudyFixture.study(), StudyFixture.closes());

        String html = ReportPage.render(new StudyReportView(report, StudyFixture.study(), List.of(),
                List.of("Basic_CNN_LSTM"), true), Map.of(), null, ReportPage.Mode.STANDALONE, Map.of());

        assertThat(html).contains("<th>budget</th><td>5 trials per architecture, at most 60 min each</td>")
                .contains("<th>search</th><td>tpe sampler (seed 42), median pruner, reproducible (window 4)</td>")
                .contains("<th>target</th><td>level</td>");
    }

    @Test
    void reportWithoutVerdictFieldsRendersWithoutThoseSections() {
        StudyReport full = new StudyReportBuilder(Clock.systemUTC()).build(StudyFixture.study(), StudyFixture.closes());
        List<ArchitectureRow> rows = full.rows().stream().map(r -> new ArchitectureRow(r.architecture(), r.metrics(),
                r.parameterCount(), r.bestParams(), r.bestValue(), r.trialsComplete(), r.trialsPruned(),
                r.trialsFailed(), r.trainingMillis(), r.artifactUri(), null)).toList();
        StudyReport older = new StudyReport(full.schemaVersion(), full.studyId(), full.status(), full.datasetId(),
                full.testStart(), full.testEnd(), full.testDays(), null, rows, null, full.baselines(), null,
                full.tests(), null, full.bestArchitecture(), null, full.target(), full.setup(), full.architectures(),
                full.forecasts(), full.generatedAt());

        String html = ReportPage.render(new StudyReportView(older, StudyFixture.study(), List.of(),
                List.of("Basic_CNN_LSTM"), true), Map.of(), null, ReportPage.Mode.STANDALONE, Map.of());

        assertThat(html).contains("<h2>Comparison").contains("<h2>Diebold-Mariano tests")
                .doesNotContain("<h2>Verdict</h2>").doesNotContain("health-warning\" role")
                .doesNotContain("<h2>Model confidence set").doesNotContain("class=\"combination\"")
                .doesNotContain("(best)").doesNotContain("baselines fitted on");
    }
}
