package io.vixlab.tuner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.contracts.tuning.StudySetup;
import io.vixlab.contracts.tuning.TrainingSettings;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import io.vixlab.tuner.messaging.out.StudyEventPublisher;
import io.vixlab.tuner.persistence.OutboxMessageEntity;
import io.vixlab.tuner.persistence.StudyEntity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyResourceTest {

    @Test
    void emptyBodyCreatesTheSeedsFullStudyAndAnnouncesIt() throws Exception {
        String id = given().contentType("application/json").body("{}")
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("status", equalTo("CREATED"))
                .body("plan.architectures", hasSize(5))
                .body("plan.trialsPerArchitecture", equalTo(50))
                .body("plan.timeoutMinutesPerArchitecture", equalTo(60))
                .body("plan.sampler", equalTo("tpe"))
                .body("plan.samplerSeed", equalTo(42))
                .body("plan.training.folds", equalTo(3))
                .body("plan.finalTraining.epochs", equalTo(100))
                .body("plan.training.target", equalTo("LEVEL"))
                .body("plan.finalTraining.target", equalTo("LEVEL"))
                .extract().path("id");

        given().when().get("/api/studies/" + id).then().statusCode(200).body("id", equalTo(id));

        var records = TopicReader.await(KafkaTestResource.bootstrapServers(), Topics.TUNING_STUDIES,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        JsonNode json = EventJson.mapper().readTree(records.get(0).value());
        assertThat(EventSchemas.violations(StudyEvent.class, json)).isEmpty();
        StudyEvent event = EventSchemas.parse(records.get(0).value(), StudyEvent.class);
        assertThat(event.status()).isEqualTo(StudyEvent.Status.CREATED);
        assertThat(event.trialsPerArchitecture()).isEqualTo(50);
        assertThat(event.architectures()).containsExactly("Basic_CNN_LSTM", "Deep_CNN_LSTM",
                "Bidirectional_CNN_LSTM", "Attention_CNN_LSTM", "Multiscale_CNN_LSTM");
        // The resolved setup travels with the event, for the study's report.
        assertThat(event.setup()).isEqualTo(new StudySetup(50, 60, "tpe", 42, "median", 4,
                TrainingSettings.tuningDefaults(), TrainingSettings.finalDefaults()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "tpe-multivariate", "gp", "random"})
    void everySamplerIsSelectablePerStudy(String sampler) {
        String id = given().contentType("application/json").body("{\"sampler\":\"" + sampler + "\"}")
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("plan.sampler", equalTo(sampler))
                .extract().path("id");

        given().when().post("/api/studies/" + id + "/cancel").then().statusCode(200);
    }

    @Test
    void createdEventIsStoredWithTheStudyAndKeptInTheOutboxUntilTheBrokerAcknowledgesIt() {
        // A broker that acknowledges no study event: the study is created all the same, and its
        // CREATED event, sent once the study was committed, stays in the outbox for the sweep.
        record Sent(StudyEvent event, boolean studyCommitted) {
        }
        List<Sent> sent = new CopyOnWriteArrayList<>();
        QuarkusMock.installMockForType(new StudyEventPublisher(null) {
            @Override
            public CompletionStage<Void> publish(StudyEvent event) {
                sent.add(new Sent(event, QuarkusTransaction.requiringNew()
                        .call(() -> StudyEntity.findById(event.studyId()) != null)));
                return CompletableFuture.failedFuture(new IllegalStateException("no acknowledgement"));
            }
        }, StudyEventPublisher.class);

        String id = given().contentType("application/json").body("{\"name\":\"unannounced\"}")
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("name", equalTo("unannounced"))
                .extract().path("id");

        List<StudyEvent> stored = QuarkusTransaction.requiringNew().call(() -> OutboxMessageEntity
                .<OutboxMessageEntity>list("studyId = ?1 and channel = ?2 order by id", id,
                        OutboxMessageEntity.Channel.STUDY)
                .stream().map(row -> EventSchemas.parse(row.payload, StudyEvent.class)).toList());
        assertThat(stored).as("the unacknowledged CREATED event waits in the outbox").first()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(StudyEvent.Status.CREATED);
                    assertThat(event.detail()).isEqualTo("unannounced");
                });
        assertThat(sent).filteredOn(s -> s.event().studyId().equals(id)).as("sent once the study was committed")
                .first().isEqualTo(new Sent(stored.get(0), true));
        QuarkusTransaction.requiringNew().run(() -> OutboxMessageEntity.delete("studyId", id));
    }

    @Test
    void theTargetAppliesToTuningAndFinalTrainingAlike() {
        given().contentType("application/json")
                .body("{\"architectures\":[\"Basic_CNN_LSTM\"],\"target\":\"log-change\",\"training\":{\"epochs\":5}}")
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("plan.training.target", equalTo("LOG_CHANGE"))
                .body("plan.training.epochs", equalTo(5))
                .body("plan.finalTraining.target", equalTo("LOG_CHANGE"));
    }

    @Test
    void architectureNamesAreCaseInsensitiveAndCanonicalised() {
        given().contentType("application/json")
                .body("{\"architectures\":[\"attention_cnn_lstm\"],\"trialsPerArchitecture\":3}")
                .when().post("/api/studies")
                .then().statusCode(201)
                .body("plan.architectures", containsInAnyOrder("Attention_CNN_LSTM"))
                .body("plan.trialsPerArchitecture", equalTo(3));
    }

    @Test
    void invalidSpecAnswersProblemJsonNamingEachBadField() {
        given().contentType("application/json")
                .body("{\"architectures\":[\"Transformer\"],\"trialsPerArchitecture\":0,\"sampler\":\"grid\","
                        + "\"parallelism\":-1,\"training\":{\"epochs\":0,\"reduceLrFactor\":1.5}}")
                .when().post("/api/studies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("'invalid-params'.name", containsInAnyOrder("architectures[0].<list element>",
                        "parallelism", "sampler", "training.epochs", "training.reduceLrFactor",
                        "trialsPerArchitecture"));
    }

    @Test
    void unknownStudyIs404Problem() {
        given().when().get("/api/studies/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("no study nope"));
    }
}
