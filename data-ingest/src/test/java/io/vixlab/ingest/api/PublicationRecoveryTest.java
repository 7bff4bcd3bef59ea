package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.persistence.IngestRunEntity;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose events did not reach the broker after its commit has them published before the next run. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PublicationRecoveryTest {

    @Test
    void theNextRunPublishesTheEventsOfARunMarkedFailed(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("RECOVERY.csv");
        Files.writeString(file, "DATE,CLOSE\n2024-01-02,20.5\n2024-01-03,21.25\n");
        String body = "{\"source\":\"file\",\"path\":\"" + file + "\"}";
        String stranded = given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs").then().statusCode(201).extract().path("id");
        // What a broker outage after the commit leaves behind.
        QuarkusTransaction.requiringNew().run(() -> {
            IngestRunEntity run = IngestRunEntity.findById(stranded);
            run.publication = IngestRunEntity.Publication.FAILED;
            run.publishError = "simulated broker outage";
        });
        long barsEnd = TopicLog.end(Topics.MARKET_BARS);
        long updatesEnd = TopicLog.end(Topics.MARKET_UPDATES);

        given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs").then().statusCode(201).body("publication", equalTo("NONE"));

        assertThat(TopicLog.since(Topics.MARKET_BARS, barsEnd)).extracting(ConsumerRecord::key)
                .containsExactly("RECOVERY:2024-01-02", "RECOVERY:2024-01-03");
        assertThat(TopicLog.since(Topics.MARKET_UPDATES, updatesEnd)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(stranded);
            assertThat(EventSchemas.parse(record.value(), MarketUpdate.class).symbols().get(0).changed()).isEqualTo(2);
        });
        given().when().get("/api/ingest/runs/" + stranded).then().statusCode(200)
                .body("publication", equalTo("PUBLISHED"))
                .body("publishError", equalTo(null));
    }
}
