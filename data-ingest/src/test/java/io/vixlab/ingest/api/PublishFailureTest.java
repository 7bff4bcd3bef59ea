package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that does not acknowledge in time (a zero publish timeout): the data stays stored, the run is marked,
 * the API answers 503, readiness is DOWN naming the run and why, and the next run first retries the stranded
 * events and is refused while that fails.
 */
@QuarkusTest
@TestProfile(PublishFailureTest.NoTimeToPublish.class)
class PublishFailureTest {

    /** The test profile with no time for the broker's acknowledgements. */
    public static class NoTimeToPublish implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.ingest.publish-timeout", "0s");
        }
    }

    @Test
    void theDataStaysStoredAndTheRunIsMarkedUntilItsEventsArePublished(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("STRANDED.csv");
        Files.writeString(file, "DATE,CLOSE\n2024-01-02,20.5\n2024-01-03,21.25\n");
        String body = "{\"source\":\"file\",\"path\":\"" + file + "\"}";

        String detail = given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(503).contentType("application/problem+json")
                .extract().path("detail");

        JsonPath run = given().when().get("/api/ingest/runs?limit=1").then().statusCode(200).extract().jsonPath();
        String runId = run.getString("[0].id");
        assertThat(run.getString("[0].status")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("[0].publication")).isEqualTo("FAILED");
        assertThat(run.getString("[0].publishError"))
                .isEqualTo("2 bars of run " + runId + " not acknowledged by the broker in time");
        assertThat(detail).isEqualTo("run " + runId + " is stored but its events are not on the broker (2 bars of run "
                + runId + " not acknowledged by the broker in time); the next run publishes them");
        given().when().get("/api/bars/STRANDED").then().statusCode(200).body("$", hasSize(2));
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'ingest-publication' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'ingest-publication' }.data.run", equalTo(runId))
                .body("checks.find { it.name == 'ingest-publication' }.data.reason",
                        equalTo("2 bars of run " + runId + " not acknowledged by the broker in time"));

        given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(503)
                .body("detail", equalTo(detail));
        given().when().get("/api/ingest/runs").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].publication", equalTo("FAILED"));
    }
}
