package io.vixlab.report.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.ScalerParams;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.report.BaselineRow;
import io.vixlab.contracts.report.FittingSample;
import io.vixlab.contracts.report.StudyReport;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.training.Metrics;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baselines are fitted on the dataset's training part, the days the models train on: real CBOE
 * closes of 2005-2006 with VIX days that VVIX lacks and VVIX days before the dataset's first day go
 * in as {@code market.bars} would bring them, and the report's baseline metrics are those that
 * {@code baselines/baselines_reference.py} computes independently (numpy) on the documented sample.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class BaselineFittingSampleTest {

    private static final Instant INGESTED = Instant.parse("2026-11-01T00:00:00Z");
    private static final double TOLERANCE = 1e-9;

    @Inject
    ResultStore store;

    @Inject
    StudyTracker tracker;

    @Inject
    StudyReports reports;

    private JsonNode expected;

    @BeforeEach
    void storeTheClosesAndTheDataset() throws IOException {
        expected = new ObjectMapper().readTree(resource("expected.json"));
        String csv = new String(resource("closes.csv"), StandardCharsets.UTF_8);
        csv.lines().skip(1).map(line -> line.split(",")).forEach(field -> store.record(MarketBar.of(
                field[1], LocalDate.parse(field[0]), null, null, null, Double.parseDouble(field[2]), "snapshot", INGESTED)));
        store.record(dataset());
    }

    @Test
    void baselinesAreFittedOnTheDatasetsTrainingPartOnly() {
        String studyId = "fitting-" + UUID.randomUUID();
        tracker.apply(new StudyEvent(StudyEvent.SCHEMA_VERSION, studyId, StudyEvent.Status.CREATED,
                List.of("Basic_CNN_LSTM"), 5, dataset().datasetId(), null, "fitting sample", INGESTED, null, null));

        StudyReport report = reports.view(studyId).report();

        JsonNode sample = expected.get("fittingSample");
        assertThat(report.baselineFittingSample()).isEqualTo(new FittingSample(
                LocalDate.parse(sample.get("firstDate").asText()), LocalDate.parse(sample.get("lastDate").asText()),
                sample.get("days").asInt()));
        assertThat(report.testDays()).isEqualTo(expected.get("dataset").get("testCount").asInt());
        assertThat(report.baselines()).extracting(BaselineRow::name)
                .containsExactly("Random walk", "Training mean", "AR(1)", "HAR");
        for (BaselineRow baseline : report.baselines()) {
            assertMetrics(baseline.name(), baseline.metrics(), expected.get("baselines").get(baseline.name()));
        }
        // The fixture tells the documented sample from every VIX close before the split date.
        JsonNode before = expected.get("fittedOnEveryVixCloseBeforeTheSplit");
        assertThat(Math.abs(metrics(report, "AR(1)").mse() - before.get("AR(1)").get("mse").asDouble())).isGreaterThan(1e-3);
        assertThat(Math.abs(metrics(report, "HAR").mse() - before.get("HAR").get("mse").asDouble())).isGreaterThan(1e-3);
    }

    private static void assertMetrics(String name, Metrics actual, JsonNode expected) {
        assertThat(actual.mse()).as("%s MSE", name).isCloseTo(expected.get("mse").asDouble(), within(TOLERANCE));
        assertThat(actual.rmse()).as("%s RMSE", name).isCloseTo(expected.get("rmse").asDouble(), within(TOLERANCE));
        assertThat(actual.mae()).as("%s MAE", name).isCloseTo(expected.get("mae").asDouble(), within(TOLERANCE));
        assertThat(actual.r2()).as("%s R²", name).isCloseTo(expected.get("r2").asDouble(), within(TOLERANCE));
        assertThat(actual.directionalAccuracy()).as("%s directional accuracy", name)
                .isCloseTo(expected.get("directionalAccuracy").asDouble(), within(TOLERANCE));
    }

    private static Metrics metrics(StudyReport report, String baseline) {
        return report.baselines().stream().filter(b -> b.name().equals(baseline)).findFirst().orElseThrow().metrics();
    }

    private DatasetManifest dataset() {
        JsonNode d = expected.get("dataset");
        return new DatasetManifest(DatasetManifest.SCHEMA_VERSION, "ds-baselines-2006", List.of("vix_close", "vvix_close"),
                d.get("sequenceLength").asInt(), d.get("horizon").asInt(), d.get("windowCount").asInt(),
                d.get("trainCount").asInt(), d.get("testCount").asInt(), LocalDate.parse(d.get("splitDate").asText()),
                LocalDate.parse(d.get("firstDate").asText()), LocalDate.parse(d.get("lastDate").asText()),
                new ScalerParams(ScalerParams.Kind.STANDARD, List.of(14.0, 95.0), List.of(3.0, 10.0), 14.0, 3.0),
                "b".repeat(64), 1, INGESTED);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BaselineFittingSampleTest.class.getResourceAsStream("/baselines/" + name)) {
            if (in == null) {
                throw new IOException("test resource baselines/" + name + " is missing");
            }
            return in.readAllBytes();
        }
    }
}
