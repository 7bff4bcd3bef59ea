package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.StoredBars;
import io.vixlab.ingest.TopicLog;
import io.vixlab.ingest.run.MalformedFiles;
import io.vixlab.testing.KafkaTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input through {@code POST /api/ingest/runs}: every kind of bad file the domain refuses (written to a
 * temp directory and read by a file source) and the requests the service refuses. Each answers problem+json
 * with the exact message and leaves the bars and {@code market.bars} untouched; a bad file is recorded as a
 * failed run and announced on {@code market.updates} with the same error.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MalformedInputResourceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.vixlab.ingest.run.MalformedFiles#cases")
    void badFileFailsTheRunAndChangesNoBar(String kind, String symbol, String content, String domainError,
            @TempDir Path directory) throws IOException {
        Path file = directory.resolve(MalformedFiles.fileName(symbol));
        Files.writeString(file, content);
        String error = file + domainError.substring(MalformedFiles.fileName(symbol).length());

        expectFailedRun("{\"source\":\"file\",\"path\":\"" + file + "\"}", error);
    }

    static Stream<Arguments> unreadableSources() {
        return Stream.of(
                arguments("missing file", "missing.csv", "cannot be read (java.nio.file.NoSuchFileException: %s)"),
                arguments("directory without CSV files", "", "%s: no .csv files"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableSources")
    void unreadableSourceFailsTheRun(String kind, String name, String errorPattern, @TempDir Path directory) {
        Path path = directory.resolve(name);
        String error = name.isEmpty() ? errorPattern.formatted(path) : path + ": " + errorPattern.formatted(path);

        expectFailedRun("{\"source\":\"file\",\"path\":\"" + path + "\"}", error);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments("unknown source", "{\"source\":\"ftp\"}", "source", "must be snapshot, cboe or file"),
                arguments("file source without a path", "{\"source\":\"file\"}", "path",
                        "a file source needs the path of a file or directory"),
                arguments("path for the snapshot", "{\"source\":\"snapshot\",\"path\":\"vix.csv\"}", "path",
                        "only a file source takes a path, not snapshot"),
                arguments("path outside the file root", "{\"source\":\"file\",\"path\":\"/etc/passwd\"}", "path",
                        "/etc/passwd lies outside the file root " + fileRoot()),
                arguments("path climbing out of the file root", "{\"source\":\"file\",\"path\":\"../../etc/passwd\"}",
                        "path", "../../etc/passwd lies outside the file root " + fileRoot()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestStartsNoRun(String kind, String body, String parameter, String reason) {
        Unchanged unchanged = Unchanged.now();

        given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("'invalid-params'[0].name", equalTo(parameter))
                .body("'invalid-params'[0].reason", equalTo(reason));

        unchanged.assertBarsAndBarTopic();
        assertThat(TopicLog.end(Topics.MARKET_UPDATES)).isEqualTo(unchanged.updatesEnd());
    }

    private static void expectFailedRun(String body, String error) {
        Unchanged unchanged = Unchanged.now();

        JsonPath problem = given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();

        assertThat(problem.getString("detail")).isEqualTo(error);
        String run = problem.getString("instance");
        given().when().get(run).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", equalTo(error))
                .body("publication", equalTo("PUBLISHED"));
        unchanged.assertBarsAndBarTopic();
        List<ConsumerRecord<String, String>> updates = TopicLog.since(Topics.MARKET_UPDATES, unchanged.updatesEnd());
        assertThat(updates).singleElement().satisfies(record -> {
            assertThat(run).endsWith("/" + record.key());
            MarketUpdate update = EventSchemas.parse(record.value(), MarketUpdate.class);
            assertThat(update.status()).isEqualTo(MarketUpdate.Status.FAILED);
            assertThat(update.error()).isEqualTo(error);
            assertThat(update.symbols()).isEmpty();
        });
    }

    private static Path fileRoot() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    }

    /** The stored bars and the ends of both topics before a request. */
    private record Unchanged(String bars, long barsEnd, long updatesEnd) {

        static Unchanged now() {
            return new Unchanged(StoredBars.fingerprint(), TopicLog.end(Topics.MARKET_BARS),
                    TopicLog.end(Topics.MARKET_UPDATES));
        }

        void assertBarsAndBarTopic() {
            assertThat(StoredBars.fingerprint()).isEqualTo(bars);
            assertThat(TopicLog.end(Topics.MARKET_BARS)).isEqualTo(barsEnd);
        }
    }
}
