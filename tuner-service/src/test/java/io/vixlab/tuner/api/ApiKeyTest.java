package io.vixlab.tuner.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.testing.KafkaTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With keys required (as in the prod profile), changing state needs the key; reading does not. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ApiKeyTest.KeyRequired.class)
class ApiKeyTest {

    public static class KeyRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.security.api-key-required", "true", "vixlab.security.api-key", "s3cret-test-key");
        }
    }

    @Test
    void createWithoutKeyIs401() {
        given().contentType("application/json").body("{}").when().post("/api/studies")
                .then().statusCode(401).body("detail", equalTo("missing or wrong API key in header X-API-Key"));
    }

    @Test
    void createWithWrongKeyIs401() {
        given().header("X-API-Key", "guess").contentType("application/json").body("{}").when().post("/api/studies")
                .then().statusCode(401);
    }

    @Test
    void cancelWithoutKeyIs401() {
        given().when().post("/api/studies/any/cancel").then().statusCode(401);
    }

    @Test
    void createWithKeySucceedsAndReadingNeedsNoKey() {
        given().header("X-API-Key", "s3cret-test-key").contentType("application/json")
                .body("{\"architectures\":[\"Basic_CNN_LSTM\"]}")
                .when().post("/api/studies").then().statusCode(201);
        given().when().get("/api/studies").then().statusCode(200);
    }

    @Test
    void readingTheDemandNeedsNoKey() {
        // KEDA's metrics-api trigger reads it without credentials.
        given().when().get("/api/demand").then().statusCode(200).body("wantedTrainers", notNullValue());
    }
}
