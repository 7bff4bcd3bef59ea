package io.vixlab.report.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.report.comparison.StudyReportBuilder;
import io.vixlab.report.consumer.ComparisonFromEvent.Accuracy;
import io.vixlab.report.fixture.FullStudy;
import io.vixlab.report.fixture.StudyFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer of {@code reports.studies} rebuilds the comparison table and every forecast's metrics
 * from one message alone, and gets the report's own numbers.
 */
class ComparisonFromEventTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void fixtureStudysTableAndMetricsFollowFromItsForecasts() throws Exception {
        assertRebuilt(message(new StudyReportBuilder(CLOCK).build(StudyFixture.study(), StudyFixture.closes())));
    }

    @Test
    void fullStudysTableAndMetricsFollowFromItsForecasts() throws Exception {
        FullStudy study = new FullStudy();

        JsonNode report = message(new StudyReportBuilder(CLOCK).build(study.results(), study.closes()));

        assertThat(report.get("forecasts").get("days")).hasSize(FullStudy.TEST_DAYS);
        assertThat(ComparisonFromEvent.accuracies(report).values()).allSatisfy(
                accuracy -> assertThat(accuracy.days()).isEqualTo(FullStudy.TEST_DAYS));
        assertRebuilt(report);
    }

    /** The report as it travels, read back with nothing but Jackson; it validates against its schema. */
    private static JsonNode message(StudyReport report) throws Exception {
        JsonNode json = new ObjectMapper().readTree(EventJson.write(report));
        assertThat(EventSchemas.violations(StudyReport.class, json)).isEmpty();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        return json;
    }

    private static void assertRebuilt(JsonNode report) {
        Map<String, Accuracy> rebuilt = ComparisonFromEvent.accuracies(report);

        List<String> expectedNames = new ArrayList<>();
        report.get("rows").forEach(row -> expectedNames.add(row.get("architecture").asText()));
        if (report.has("combination")) {
            expectedNames.add(report.get("combination").get("name").asText());
        }
        report.get("baselines").forEach(baseline -> expectedNames.add(baseline.get("name").asText()));
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(expectedNames);

        report.get("rows").forEach(row -> assertSameMetrics(rebuilt.get(row.get("architecture").asText()), row));
        if (report.has("combination")) {
            assertSameMetrics(rebuilt.get(report.get("combination").get("name").asText()), report.get("combination"));
        }
        report.get("baselines").forEach(baseline -> assertSameMetrics(rebuilt.get(baseline.get("name").asText()),
                baseline));

        List<String> rows = new ArrayList<>();
        report.get("rows").forEach(row -> rows.add(row.get("architecture").asText()));
        assertThat(ComparisonFromEvent.architecturesByMse(rebuilt)).isEqualTo(rows);
        assertThat(rows.get(0)).isEqualTo(report.get("bestArchitecture").asText());
        assertThat(ComparisonFromEvent.bestBaseline(rebuilt)).isEqualTo(report.get("bestBaseline").asText());
    }

    private static void assertSameMetrics(Accuracy rebuilt, JsonNode reported) {
        JsonNode metrics = reported.get("metrics");
        assertThat(rebuilt.mse()).as("%s mse", rebuilt.name()).isCloseTo(metrics.get("mse").asDouble(), within(1e-9));
        assertThat(rebuilt.rmse()).as("%s rmse", rebuilt.name()).isCloseTo(metrics.get("rmse").asDouble(), within(1e-9));
        assertThat(rebuilt.mae()).as("%s mae", rebuilt.name()).isCloseTo(metrics.get("mae").asDouble(), within(1e-9));
        assertThat(rebuilt.r2()).as("%s r2", rebuilt.name()).isCloseTo(metrics.get("r2").asDouble(), within(1e-9));
        assertThat(rebuilt.directionalAccuracy()).as("%s directional accuracy", rebuilt.name())
                .isEqualTo(metrics.get("directionalAccuracy").asDouble());
    }
}
