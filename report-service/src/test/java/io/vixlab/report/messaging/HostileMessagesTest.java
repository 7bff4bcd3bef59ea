package io.vixlab.report.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.report.persistence.DatasetEntity;
import io.vixlab.report.persistence.ModelResultEntity;
import io.vixlab.report.persistence.StudyEntity;
import io.vixlab.report.persistence.StudyReportEntity;
import io.vixlab.report.persistence.TrainingProgressEntity;
import io.vixlab.report.persistence.TrialResultEntity;
import io.vixlab.testing.HostileMessages;
import io.vixlab.testing.HostileMessages.Probe;
import io.vixlab.testing.HostileMessages.Target;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.SampleEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The poison catalogue ({@link HostileMessages}) on the six topics this service consumes, all kinds sent at
 * once: each is dead-lettered with its reason and nothing of it is stored; every channel takes the good
 * events sent after it (about a study no one knows, so that no report changes), and the service stays
 * healthy. Before this, a poison message too large to dead-letter stopped the channels and a finished
 * study never got its report.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileMessagesTest {

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final HostileMessages.Consumption CONSUMED = HostileMessages.committedBy("report-service");

    private static final List<Target> TARGETS = List.of(
            new Target(Topics.TRAINING_RESULTS, SampleEvents::trialResult, CONSUMED, "studyId", "state", true),
            new Target(Topics.MODELS_RESULTS, SampleEvents::modelResult, CONSUMED, "studyId", "state", true),
            new Target(Topics.TUNING_STUDIES, SampleEvents::studyEvent, CONSUMED, "studyId", "status", true),
            new Target(Topics.FEATURE_DATASETS, SampleEvents::datasetManifest, CONSUMED, "datasetId", null, true),
            new Target(Topics.TRAINING_PROGRESS, SampleEvents::trainingProgress, CONSUMED, "studyId", "kind", true),
            new Target(Topics.MARKET_BARS, HostileMessagesTest::bar, CONSUMED, "date", null, false));

    private static HostileMessages.Batch poison;

    @BeforeAll
    static void sendAllPoison() {
        poison = HostileMessages.sendAll(TARGETS);
    }

    static Stream<Probe> probes() {
        return HostileMessages.probesFor(TARGETS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void poisonIsDeadLetteredAndNothingOfItIsStored(Probe probe) {
        List<String> poisonIds = poison.deadLettered(probe).stream().map(HostileMessages.Poison::key).toList();

        // Every poison carries its key as its study or dataset id (the good event it was made from did).
        if (!poisonIds.isEmpty()) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> List.of(
                    StudyEntity.count("studyId in ?1", poisonIds),
                    TrialResultEntity.count("studyId in ?1", poisonIds),
                    ModelResultEntity.count("studyId in ?1", poisonIds),
                    TrainingProgressEntity.count("studyId in ?1", poisonIds),
                    StudyReportEntity.count("studyId in ?1", poisonIds),
                    DatasetEntity.count("datasetId in ?1", poisonIds))))
                    .as("rows stored from poison").containsOnly(0L);
        }
    }

    /** {@link HostileMessages#sendAll} saw every channel take the good events after the poison. */
    @Test
    void everyChannelGoesOnAndTheServiceStaysHealthy() {
        assertThat(poison.goodKeys()).isNotEmpty();
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** A bar of a symbol of its own, so that no report's market data changes. */
    private static String bar(String key) {
        return EventJson.write(MarketBar.of("VIX1D", LocalDate.of(2010, 1, 4).plusDays(DAYS.getAndIncrement()), 13.9,
                14.6, 13.7, 14.2, "test", Instant.parse("2026-11-25T12:00:00Z")));
    }
}
