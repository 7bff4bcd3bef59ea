package io.vixlab.tuner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Topics;
import io.vixlab.testing.HostileMessages;
import io.vixlab.testing.HostileMessages.Probe;
import io.vixlab.testing.HostileMessages.Target;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.SampleEvents;
import io.vixlab.tuner.persistence.KnownDatasetEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.persistence.TrialEntity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The poison catalogue ({@link HostileMessages}) on the four topics this service consumes, all kinds sent at
 * once: each is dead-lettered with its reason and nothing of it is stored; every channel takes the good
 * events sent after it (about a trial no study has, which the tuner ignores), and the service stays healthy.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileMessagesTest {

    private static final HostileMessages.Consumption CONSUMED = HostileMessages.committedBy("tuner-service");

    private static final List<Target> TARGETS = List.of(
            new Target(Topics.TRAINING_PROGRESS, SampleEvents::trainingProgress, CONSUMED, "studyId", "kind", true),
            new Target(Topics.TRAINING_RESULTS, SampleEvents::trialResult, CONSUMED, "studyId", "state", true),
            new Target(Topics.MODELS_RESULTS, SampleEvents::modelResult, CONSUMED, "studyId", "state", true),
            new Target(Topics.FEATURE_DATASETS, SampleEvents::datasetManifest, CONSUMED, "datasetId", null, true));

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
                    StudyEntity.count("id in ?1", poisonIds),
                    TrialEntity.count("studyId in ?1", poisonIds),
                    KnownDatasetEntity.count("id in ?1", poisonIds))))
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
}
