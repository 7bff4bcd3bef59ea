package io.vixlab.tuner.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.contracts.training.TrainingProgress.RunKind;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.tuner.demand.DemandFixture;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demand as KEDA reads it ({@code GET /api/demand}) and as Prometheus scrapes it. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(DemandFixture.Profile.class)
class DemandResourceTest {


    @BeforeEach
    void storeRuns() {
        DemandFixture.storeRuns();
    }

    @Test
    void demandShowsTheRunsPerKindAndTheTrainersTheyWant() {
        given().when().get("/api/demand").then()
                .statusCode(200)
                .body("waiting.TRIAL", equalTo(3))
                .body("waiting.FINAL", equalTo(2))
                .body("running.TRIAL", equalTo(1))
                .body("running.FINAL", equalTo(3))
                .body("wantedTrainers", equalTo(DemandFixture.WANTED_TRAINERS));
    }

    @Test
    void metricsShowTheRunsPerKindAsGauges() {
        // The gauges share a count for up to a second: one taken before the fixture may still be served.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = given().accept("text/plain").when().get("/q/metrics").then()
                    .statusCode(200).extract().asString();
            assertThat(metrics).contains("# TYPE vixlab_runs_waiting gauge", "# TYPE vixlab_runs_running gauge");
            assertThat(gauges(metrics, "vixlab_runs_waiting")).isEqualTo(DemandFixture.WAITING);
            assertThat(gauges(metrics, "vixlab_runs_running")).isEqualTo(DemandFixture.RUNNING);
        });
    }

    /** The values of the gauge {@code name} of tuner-service, by their {@code kind} label. */
    private static Map<RunKind, Long> gauges(String metrics, String name) {
        Pattern sample = Pattern.compile(Pattern.quote(name) + "\\{(.*)} (\\S+)");
        Pattern kind = Pattern.compile("kind=\"(\\w+)\"");
        Map<RunKind, Long> values = new EnumMap<>(RunKind.class);
        for (String line : metrics.lines().toList()) {
            Matcher m = sample.matcher(line);
            if (m.matches() && m.group(1).contains("application=\"tuner-service\"")) {
                Matcher k = kind.matcher(m.group(1));
                assertThat(k.find()).as("kind label of " + line).isTrue();
                values.put(RunKind.valueOf(k.group(1)), (long) Double.parseDouble(m.group(2)));
            }
        }
        return values;
    }
}
