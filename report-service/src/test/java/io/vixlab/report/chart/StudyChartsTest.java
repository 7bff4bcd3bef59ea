package io.vixlab.report.chart;

import static io.vixlab.report.chart.SvgDocument.number;
import static io.vixlab.report.chart.SvgDocument.points;
import static io.vixlab.report.fixture.StudyFixture.ATTENTION_ERRORS;
import static io.vixlab.report.fixture.StudyFixture.BASIC_ERRORS;
import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.training.TrainingProgress;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.report.comparison.StudyReportBuilder;
import io.vixlab.report.fixture.StudyFixture;
import io.vixlab.report.stats.Forecast;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class StudyChartsTest {

    private static final StudyReport REPORT =
            new StudyReportBuilder(Clock.systemUTC()).build(StudyFixture.study(), StudyFixture.closes());

    @Test
    void eachSeedMetricHasOneBarPerArchitectureInReportOrder() {
        for (ComparisonMetric metric : ComparisonMetric.values()) {
            SvgDocument svg = SvgDocument.parse(StudyCharts.metricBars(REPORT, metric));

            List<Element> bars = svg.select("//rect[@class='bar']");
            assertThat(bars).extracting(bar -> bar.getAttribute("data-label"))
                    .containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM", "Attention_CNN_LSTM");
            assertThat(bars).extracting(bar -> Double.parseDouble(bar.getAttribute("data-value")))
                    .containsExactlyElementsOf(REPORT.rows().stream().map(row -> metric.of(row.metrics())).toList());
            assertThat(svg.select("//text[@class='title']").get(0).getTextContent()).isEqualTo(metric.title());
        }
    }

    /*
     * Basic's trials by number: 0 complete 0.6, 1 complete 0.5 (finished first), 2 pruned, 3
     * complete 0.3 (delivered twice), 4 complete 0.4 on its second attempt (its failed first
     * attempt is gone).
     */
    @Test
    void optimizationHistoryShowsCompleteTrialsBestSoFarAndPrunedMarksByTrialNumber() {
        SvgDocument svg = SvgDocument.parse(StudyCharts.optimizationHistory("Basic_CNN_LSTM", StudyFixture.trials()));

        List<Element> complete = svg.select("//g[@data-name='complete trial']/circle");
        assertThat(complete).hasSize(4);
        assertThat(complete).extracting(c -> number(c, "cx")).isSorted();
        // Best so far 0.6, 0.5, 0.5, 0.3, 0.3 as a step line: it drops at trials 1 and 3 to their points.
        List<double[]> best = points(svg.select("//g[@data-name='best so far']/polyline").get(0));
        assertThat(best).hasSize(7);
        assertThat(best.get(0)[1]).isEqualTo(number(complete.get(0), "cy"));
        assertThat(best.get(1)[0]).isEqualTo(best.get(2)[0]).isEqualTo(number(complete.get(1), "cx"));
        assertThat(best.get(2)[1]).isEqualTo(best.get(3)[1]).isEqualTo(best.get(4)[1])
                .isEqualTo(number(complete.get(1), "cy"));
        assertThat(best.get(4)[0]).isEqualTo(best.get(5)[0]).isEqualTo(number(complete.get(2), "cx"));
        assertThat(best.get(5)[1]).isEqualTo(best.get(6)[1]).isEqualTo(number(complete.get(2), "cy"));
        List<Element> pruned = svg.select("//g[@data-name='pruned']/line[@class='mark']");
        assertThat(pruned).hasSize(1);
        assertThat(number(pruned.get(0), "x1")).isEqualTo(best.get(3)[0]);
        assertThat(svg.select("//g[@data-name='failed']/line")).isEmpty();
    }

    @Test
    void predictionsChartDrawsTheActualSeriesAndEachForecast() {
        SvgDocument svg = SvgDocument.parse(StudyCharts.predictionsVsActual(List.of(
                new Forecast("Basic_CNN_LSTM", StudyFixture.predictions(BASIC_ERRORS)),
                new Forecast("Attention_CNN_LSTM", StudyFixture.predictions(ATTENTION_ERRORS)))));

        assertThat(svg.select("//g[@class='series']")).extracting(g -> g.getAttribute("data-name"))
                .containsExactly("actual", "Basic_CNN_LSTM", "Attention_CNN_LSTM");
        assertThat(svg.select("//polyline")).allSatisfy(line -> assertThat(points(line)).hasSize(5));
    }

    @Test
    void intermediateValuesDrawTheLatestAttemptOfEachTrialOnce() {
        List<TrainingProgress> progress = List.of(
                progress("t8", 1, 0, 0.95),
                progress("t2", 1, 0, 5.0),
                progress("t2", 2, 0, 1.0), progress("t2", 2, 1, 0.8), progress("t2", 2, 1, 0.8),
                progress("t2", 2, 2, 0.6),
                progress("t1", 1, 0, 0.9), progress("t1", 1, 1, 0.7),
                progress("Deep_CNN_LSTM", "t9", 1, 0, 7.0));

        SvgDocument svg = SvgDocument.parse(StudyCharts.intermediateValues("Basic_CNN_LSTM", progress,
                StudyFixture.trials()));

        // t1 is trial 1 and t2 trial 2 by their results, drawn in that order; t8 has no result yet.
        assertThat(svg.select("//g[@class='series']")).extracting(g -> g.getAttribute("data-name"))
                .containsExactly("trial 1", "trial 2", "t8");
        assertThat(points(svg.select("//g[@data-name='trial 1']/polyline").get(0))).hasSize(2);
        assertThat(points(svg.select("//g[@data-name='trial 2']/polyline").get(0))).hasSize(3);
        // The stale 5.0 of t2's first attempt and Deep's 7.0 do not stretch the axis.
        assertThat(svg.select("//g[@class='y-axis']/text[@class='tick']")).extracting(Element::getTextContent)
                .last().isEqualTo("1");
    }

    private static TrainingProgress progress(String trialId, int attempt, int step, double valLoss) {
        return progress("Basic_CNN_LSTM", trialId, attempt, step, valLoss);
    }

    private static TrainingProgress progress(String architecture, String trialId, int attempt, int step,
            double valLoss) {
        return new TrainingProgress(TrainingProgress.SCHEMA_VERSION, StudyFixture.STUDY_ID, trialId, attempt,
                architecture, RunKind.TRIAL, 0, step, step, valLoss, valLoss, 1e-3, StudyFixture.FINISHED);
    }
}
