package io.vixlab.report.messaging.in;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StudyEventsConsumerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static StudyEvent event(String id, StudyEvent.Status status, Instant at) {
        return new StudyEvent(StudyEvent.SCHEMA_VERSION, id, status, List.of("Basic_CNN_LSTM"), 4, "ds-1", null,
                "smoke", at, null, null);
    }

    private static String statusOf(String id) {
        return given().when().get("/api/studies").then().statusCode(200)
                .extract().jsonPath().getString("find { it.studyId == '" + id + "' }.status");
    }

    @Test
    void lifecycleIsTrackedAndRedeliveredOrOlderEventsChangeNothing() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-life", EventJson.write(event("s-life",
                StudyEvent.Status.CREATED, T0)));
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-life", EventJson.write(event("s-life",
                StudyEvent.Status.RUNNING, T0.plusSeconds(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(statusOf("s-life")));

        // A redelivered CREATED (older) must not move the study back.
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-life", EventJson.write(event("s-life",
                StudyEvent.Status.CREATED, T0)));
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-life", EventJson.write(event("s-life",
                StudyEvent.Status.COMPLETED, T0.plusSeconds(5))));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(statusOf("s-life")));
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWithItsReasonAndConsumptionContinues() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-poison", "{\"schemaVersion\":1,\"studyId\":\"s-poison\"}");
        TopicReader.send(bootstrap, Topics.TUNING_STUDIES, "s-after", EventJson.write(event("s-after",
                StudyEvent.Status.CREATED, T0)));

        var dead = TopicReader.await(bootstrap, Topics.DEAD_LETTERS, r -> "s-poison".equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value());
        assertThat(reason).contains("StudyEvent breaks its schema").contains("status").contains("architectures");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CREATED".equals(statusOf("s-after")));
        assertThat(statusOf("s-poison")).isNull();
    }
}
