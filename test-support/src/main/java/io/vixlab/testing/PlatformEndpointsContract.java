package io.vixlab.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every vixlab service exposes: health with Kafka readiness, Prometheus metrics and an
 * OpenAPI document. A service's test class extends this and is annotated {@code @QuarkusTest}
 * with {@code @QuarkusTestResource(KafkaTestResource.class)}.
 */
public abstract class PlatformEndpointsContract {

    /** The service's name as it appears in its OpenAPI title and metrics. */
    protected abstract String serviceName();

    @Test
    void readinessIncludesKafkaAndIsUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        // Prometheus asks for the classic text format; without it the endpoint answers OpenMetrics.
        given().accept("text/plain").when().get("/q/metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("application=\"" + serviceName() + "\""));
    }

    @Test
    void openApiDocumentNamesTheService() {
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", containsString(serviceName()));
    }
}
