package io.vixlab.tuner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.tuner.persistence.StudyEntity;
import io.vixlab.tuner.service.StudyRunner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile study specs: each is refused with 400 problem+json naming the bad field, stores no study
 * and announces none on {@code tuning.studies}; the tuner stays healthy and creates a good study
 * right after. The default test profile, as {@link StudyResourceTest}: no Quarkus restart.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileStudySpecTest {

    private static final String GOOD = "{\"name\":\"good after hostile\",\"architectures\":[\"Basic_CNN_LSTM\"],"
            + "\"trialsPerArchitecture\":1,\"datasetId\":\"ds-hostile-spec\"}";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    StudyRunner runner;

    private KafkaConsumer<String, String> studyEvents;

    static Stream<Arguments> hostileSpecs() {
        return Stream.of(
                probe("architectures [null]", "{\"architectures\":[null]}", "architectures[0].<list element>",
                        "must not be null"),
                probe("the same architecture in two cases", "{\"architectures\":[\"Basic_CNN_LSTM\",\"basic_cnn_lstm\"]}",
                        "architectures", "more than once"),
                probe("no architectures", "{\"architectures\":[]}", "architectures", "size must be between"),
                probe("an unknown architecture", "{\"architectures\":[\"Transformer_9000\"]}",
                        "architectures[0].<list element>", "unknown architecture"),
                probe("trialsPerArchitecture 0", "{\"trialsPerArchitecture\":0}", "trialsPerArchitecture",
                        "greater than or equal to 1"),
                probe("trialsPerArchitecture 10^9", "{\"trialsPerArchitecture\":1000000000}", "trialsPerArchitecture",
                        "less than or equal to 10000"),
                probe("timeoutMinutesPerArchitecture 0", "{\"timeoutMinutesPerArchitecture\":0}",
                        "timeoutMinutesPerArchitecture", "greater than or equal to 1"),
                probe("timeoutMinutesPerArchitecture a year", "{\"timeoutMinutesPerArchitecture\":525600}",
                        "timeoutMinutesPerArchitecture", "less than or equal to 10080"),
                probe("an unknown sampler", "{\"sampler\":\"grid\"}", "sampler", "must be tpe, tpe-multivariate, gp or random"),
                probe("an unknown pruner", "{\"pruner\":\"hyperband\"}", "pruner", "must be median"),
                probe("gp past its budget", "{\"sampler\":\"gp\",\"trialsPerArchitecture\":501}",
                        "trialsPerArchitecture", "at most 500 with the gp sampler"),
                probe("an unknown target", "{\"target\":\"returns\"}", "target", "must be level or log-change"),
                probe("parallelism 0", "{\"parallelism\":0}", "parallelism", "greater than or equal to 1"),
                probe("parallelism 10^6", "{\"parallelism\":1000000}", "parallelism", "less than or equal to 256"),
                probe("reproducibleWindow 0", "{\"reproducibleWindow\":0}", "reproducibleWindow",
                        "greater than or equal to 1"),
                probe("a 121-character name", "{\"name\":\"" + "n".repeat(121) + "\"}", "name", "size must be between"),
                probe("a NUL in the name", "{\"name\":\"bad\\u0000name\"}", "name", "control characters"),
                probe("an empty datasetId", "{\"datasetId\":\"\"}", "datasetId", "dataset id"),
                probe("a path as datasetId", "{\"datasetId\":\"../../etc/passwd\"}", "datasetId", "dataset id"),
                probe("training.epochs 0", "{\"training\":{\"epochs\":0}}", "training.epochs", "between 1 and 10000"),
                probe("training.epochs 10^9", "{\"training\":{\"epochs\":1000000000}}", "training.epochs",
                        "between 1 and 10000"),
                probe("training.batchSize 0", "{\"training\":{\"batchSize\":0}}", "training.batchSize",
                        "between 1 and 4096"),
                probe("training.batchSize 10^6", "{\"training\":{\"batchSize\":1000000}}", "training.batchSize",
                        "between 1 and 4096"),
                probe("training.folds 1", "{\"training\":{\"folds\":1}}", "training.folds", "between 2 and 20"),
                probe("training.folds 1000", "{\"training\":{\"folds\":1000}}", "training.folds", "between 2 and 20"),
                probe("training.earlyStoppingPatience 10^9", "{\"training\":{\"earlyStoppingPatience\":1000000000}}",
                        "training.earlyStoppingPatience", "between 0 and 10000"),
                probe("training.earlyStoppingPatience beyond the epochs",
                        "{\"training\":{\"epochs\":5,\"earlyStoppingPatience\":6}}", "training.earlyStoppingPatience",
                        "at most the epochs (5)"),
                probe("training.reduceLrPatience -1", "{\"training\":{\"reduceLrPatience\":-1}}",
                        "training.reduceLrPatience", "between 0 and 10000"),
                probe("training.reduceLrPatience beyond the epochs",
                        "{\"training\":{\"epochs\":5,\"reduceLrPatience\":7}}", "training.reduceLrPatience",
                        "at most the epochs (5)"),
                probe("training.reduceLrFactor 0", "{\"training\":{\"reduceLrFactor\":0}}", "training.reduceLrFactor",
                        "above 0 and below 1"),
                probe("training.reduceLrFactor 1.5", "{\"training\":{\"reduceLrFactor\":1.5}}",
                        "training.reduceLrFactor", "above 0 and below 1"),
                probe("training.minLearningRate 1e308", "{\"training\":{\"minLearningRate\":1e308}}",
                        "training.minLearningRate", "between 0 and 0.01"),
                probe("training.minLearningRate -1", "{\"training\":{\"minLearningRate\":-1}}",
                        "training.minLearningRate", "between 0 and 0.01"),
                probe("training.validationFraction in tuning", "{\"training\":{\"validationFraction\":0.2}}",
                        "training.validationFraction", "must be 0"),
                probe("finalTraining.epochs 10^9", "{\"finalTraining\":{\"epochs\":1000000000}}",
                        "finalTraining.epochs", "between 1 and 10000"),
                probe("finalTraining.earlyStoppingPatience 10^9",
                        "{\"finalTraining\":{\"earlyStoppingPatience\":1000000000}}",
                        "finalTraining.earlyStoppingPatience", "between 0 and 10000"),
                probe("finalTraining.folds 3", "{\"finalTraining\":{\"folds\":3}}", "finalTraining.folds",
                        "must be 0"),
                probe("finalTraining.validationFraction 0", "{\"finalTraining\":{\"validationFraction\":0}}",
                        "finalTraining.validationFraction", "above 0 and at most 0.5"),
                probe("finalTraining.validationFraction 0.9", "{\"finalTraining\":{\"validationFraction\":0.9}}",
                        "finalTraining.validationFraction", "above 0 and at most 0.5"),
                probe("finalTraining.minLearningRate 1e308", "{\"finalTraining\":{\"minLearningRate\":1e308}}",
                        "finalTraining.minLearningRate", "between 0 and 0.01"));
    }

    /**
     * Wrong JSON types and numbers that are not finite: refused by the REST mapper (contracts'
     * EventJson) before any field is checked, answered by service-kit's problem+json mapper.
     */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("a float for trialsPerArchitecture", "{\"trialsPerArchitecture\":2.5}",
                        "trialsPerArchitecture"),
                Arguments.of("a float for training.epochs", "{\"training\":{\"epochs\":3.7}}", "epochs"),
                Arguments.of("a string for parallelism", "{\"parallelism\":\"4\"}", "parallelism"),
                Arguments.of("a string for reproducible", "{\"reproducible\":\"yes\"}", "reproducible"),
                Arguments.of("a string for samplerSeed", "{\"samplerSeed\":\"abc\"}", "samplerSeed"),
                Arguments.of("1e400 (no finite number) for training.minLearningRate",
                        "{\"training\":{\"minLearningRate\":1e400}}", "minLearningRate"),
                Arguments.of("an object for architectures", "{\"architectures\":{\"a\":1}}", "architectures"));
    }

    private static Arguments probe(String name, String body, String field, String reason) {
        return Arguments.of(name, body, field, reason);
    }

    @BeforeAll
    void readStudyEvents() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        studyEvents = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        studyEvents.assign(studyEvents.partitionsFor(Topics.TUNING_STUDIES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList());
        studyEvents.seekToEnd(studyEvents.assignment());
        studyEvents.assignment().forEach(studyEvents::position);
    }

    @AfterAll
    void close() {
        studyEvents.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSpecs")
    void hostileSpecIsRefusedNamingTheField(String probe, String body, String field, String reason) {
        long studies = storedStudies();

        JsonPath problem = given().contentType("application/json").body(body)
                .when().post("/api/studies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(field))
                .body("'invalid-params'.name", hasItem(field))
                .extract().jsonPath();
        assertThat(problem.getList("'invalid-params'", Map.class))
                .anySatisfy(p -> assertThat(p).containsEntry("name", field)
                        .hasEntrySatisfying("reason", r -> assertThat((String) r).contains(reason)));

        assertNothingStoredOrAnnouncedAndAGoodStudyIsCreatedAfter(studies);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void wrongJsonTypeIsRefused(String probe, String body, String field) {
        long studies = storedStudies();

        given().contentType("application/json").body(body)
                .when().post("/api/studies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(field));

        assertNothingStoredOrAnnouncedAndAGoodStudyIsCreatedAfter(studies);
    }

    @Test
    void aStoredStudyThatCannotStartEndsFailedWithItsReasonInsteadOfStayingCreated() {
        // As an older tuner could store it: one architecture twice, which cannot be started.
        String id = "study-stuck-" + UUID.randomUUID().toString().substring(0, 8);
        String plan = "{\"architectures\":[\"Basic_CNN_LSTM\",\"Basic_CNN_LSTM\"],\"trialsPerArchitecture\":1,"
                + "\"timeoutMinutesPerArchitecture\":60,\"sampler\":\"tpe\",\"samplerSeed\":42,\"pruner\":\"median\","
                + "\"parallelism\":1,\"training\":" + EventJson.write(io.vixlab.contracts.tuning.TrainingSettings
                        .tuningDefaults()) + ",\"finalTraining\":" + EventJson.write(
                                io.vixlab.contracts.tuning.TrainingSettings.finalDefaults())
                + ",\"datasetId\":\"ds-hostile-spec\"}";
        QuarkusTransaction.requiringNew().run(() -> {
            StudyEntity study = new StudyEntity();
            study.id = id;
            study.status = StudyEvent.Status.CREATED;
            study.planJson = plan;
            study.datasetId = "ds-hostile-spec";
            study.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            study.persist();
        });

        runner.advance(id);

        given().when().get("/api/studies/" + id).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("detail", equalTo("the study could not start: the plan names Basic_CNN_LSTM twice"));
        assertThat(awaitStudyEvent(id, StudyEvent.Status.FAILED).detail()).contains("could not start");
        assertHealthy();
    }

    private void assertNothingStoredOrAnnouncedAndAGoodStudyIsCreatedAfter(long studiesBefore) {
        assertThat(storedStudies()).as("no study stored").isEqualTo(studiesBefore);
        assertHealthy();

        String good = given().contentType("application/json").body(GOOD)
                .when().post("/api/studies")
                .then().statusCode(201).extract().path("id");
        given().when().post("/api/studies/" + good + "/cancel").then().statusCode(200);
        // Every study event since the probe began is the good study's: the hostile one announced nothing.
        List<ConsumerRecord<String, String>> events = eventsUntil(good, StudyEvent.Status.CANCELLED);
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(good);
        assertThat(storedStudies()).isEqualTo(studiesBefore + 1);
    }

    private static void assertHealthy() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private StudyEvent awaitStudyEvent(String id, StudyEvent.Status status) {
        List<ConsumerRecord<String, String>> events = eventsUntil(id, status);
        return EventJson.read(events.get(events.size() - 1).value(), StudyEvent.class);
    }

    /** The study events from where the last call stopped, up to the given study's event of that status. */
    private List<ConsumerRecord<String, String>> eventsUntil(String id, StudyEvent.Status status) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Awaitility.await().atMost(WAIT).until(() -> {
            studyEvents.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> id.equals(r.key())
                    && EventJson.read(r.value(), StudyEvent.class).status() == status);
        });
        return seen;
    }

    private static long storedStudies() {
        return QuarkusTransaction.requiringNew().call(() -> StudyEntity.count());
    }
}
