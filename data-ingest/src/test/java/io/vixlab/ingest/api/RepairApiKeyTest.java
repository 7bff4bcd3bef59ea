package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.Topics;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With keys required (as in the prod profile), an operator's repairs need the key like ingest runs:
 * without it or with a wrong one they are refused before anything is read, changed or published.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(RepairApiKeyTest.KeyRequired.class)
class RepairApiKeyTest {

    private static final String KEY = "s3cret-test-key";

    public static class KeyRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vixlab.security.api-key-required", "true", "vixlab.security.api-key", KEY);
        }
    }

    @Test
    void deleteAndRestoreWithoutTheKeyAre401AndChangeNothing() {
        long barsEnd = TopicLog.end(Topics.MARKET_BARS);
        long updatesEnd = TopicLog.end(Topics.MARKET_UPDATES);

        given().when().delete("/api/bars/VIX?from=2024-01-02&to=2024-01-05").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("missing or wrong API key in header X-API-Key"));
        given().header("X-API-Key", "guess").when().delete("/api/bars/VIX?from=2024-01-02&to=2024-01-05")
                .then().statusCode(401);
        given().when().post("/api/bars/VIX/restore?from=2024-01-02&to=2024-01-05").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/ingest/runs").then().statusCode(401);

        assertThat(TopicLog.end(Topics.MARKET_BARS)).isEqualTo(barsEnd);
        assertThat(TopicLog.end(Topics.MARKET_UPDATES)).isEqualTo(updatesEnd);
        given().when().get("/api/ingest/runs").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void withTheKeyARepairIsHandled() {
        // Nothing of this symbol is stored: the key is accepted and the repair answers that there is nothing to delete.
        given().header("X-API-Key", KEY).when().delete("/api/bars/VIX?from=1990-01-02&to=1990-01-05")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
