package io.vixlab.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HTTP requests every vixlab service must refuse the same way: a problem+json answer whose
 * detail names the problem and shows no server internals, the service healthy afterwards, nothing
 * stored, and a good request answered right after. A service's {@code HostileRequestsTest} extends
 * this with {@code @QuarkusTest} and {@code @QuarkusTestResource(KafkaTestResource.class)} (the
 * default test profile, so Quarkus does not boot again for it), adding probes of its own endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileRequestsContract {

    /** Text that would show server internals: a stack frame, a Java class, a server path. */
    private static final String[] INTERNALS = {"\tat ", "Exception", "io.vixlab.", "java.", "com.fasterxml",
            System.getProperty("user.dir"), System.getProperty("java.io.tmpdir")};

    private final String collection;

    /** @param collection the service's main collection, e.g. {@code /api/studies}: it answers GET with JSON */
    protected HostileRequestsContract(String collection) {
        this.collection = collection;
    }

    /** Probes of the service's own endpoints (bodies, parameters, items). */
    protected abstract Stream<HostileRequest> serviceProbes();

    /** What the service has stored and published; a refused request must leave it equal. */
    protected abstract Object storedState();

    /** A good request, right after a hostile one, is answered as usual: here, the collection's GET. */
    protected void goodRequestIsAccepted() {
        given().when().get(collection).then().statusCode(200).contentType("application/json");
    }

    /** A list in a GET's JSON answer, e.g. {@code id} of a list of studies: the ids of all of them. */
    protected static List<Object> listAt(String path, String jsonPath) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath().getList(jsonPath);
    }

    Stream<HostileRequest> probes() {
        int maxBodyBytes = (int) ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        return Stream.concat(Stream.of(
                HostileRequest.get("unknown path under /api", "/api/no-such-resource").answers(404, "no resource"),
                HostileRequest.get("unknown path outside /api", "/no-such-page.php").answers(404, "no resource"),
                HostileRequest.get("path traversal", "/api/..%2f..%2f..%2fetc%2fpasswd").answers(404, "no resource"),
                HostileRequest.get("over-long unknown path", "/api/" + "x".repeat(1400)).answers(404, "no resource"),
                HostileRequest.get("NUL in an unknown path", "/api/%00").answers(404, "no resource"),
                HostileRequest.post("wrong method on the collection", collection).method("DELETE").answers(405, "not allowed"),
                HostileRequest.get("unacceptable Accept header", collection).header("Accept", "application/xml")
                        .answers(406, "accepts"),
                HostileRequest.post("body over the size limit", collection)
                        .json("[" + "1,".repeat(maxBodyBytes / 2) + "1]").answers(413, "the limit is " + maxBodyBytes)),
                serviceProbes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void hostileRequestIsRefusedWithAProblemAndChangesNothing(HostileRequest probe) {
        Object before = storedState();

        Response answer = send(probe);

        assertThat(answer.statusCode()).as("status of %s", probe).isEqualTo(probe.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).isEqualTo(probe.status());
        assertThat(answer.jsonPath().getString("detail")).containsIgnoringCase(probe.detail());
        assertThat(answer.asString()).doesNotContain(INTERNALS);
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(storedState()).isEqualTo(before);
        goodRequestIsAccepted();
    }

    private static Response send(HostileRequest probe) {
        RequestSpecification request = given().urlEncodingEnabled(false).headers(probe.headers());
        if (probe.body() != null) {
            request.body(probe.body());
        }
        return request.when().request(probe.method(), probe.path());
    }

    /** For probes of a JSON endpoint: malformed bodies a client could send by mistake or malice. */
    protected static Stream<HostileRequest> malformedJsonProbes(String path) {
        return Stream.of(
                HostileRequest.post("malformed JSON", path).json("{\"a\": tru}").answers(400, "not valid JSON (line 1"),
                HostileRequest.post("truncated JSON", path).json("{\"a\": [1, 2").answers(400, "ends before its JSON is complete"),
                HostileRequest.post("JSON array instead of an object", path).json("[1, 2]").answers(400, "must be an object"),
                HostileRequest.post("JSON string instead of an object", path).json("\"snapshot\"").answers(400, "must be an object"),
                HostileRequest.post("JSON nested 2,000 deep", path).json("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}")
                        .answers(400, "exceeds a JSON parser limit"),
                HostileRequest.post("number of 2,000 digits", path).json("{\"a\": " + "9".repeat(2000) + "}")
                        .answers(400, "exceeds a JSON parser limit"),
                HostileRequest.post("text/plain body", path).body("text/plain", "{}")
                        .answers(415, "text/plain"),
                HostileRequest.post("form body", path).body("application/x-www-form-urlencoded", "a=1")
                        .answers(415, "form-urlencoded"));
    }
}
