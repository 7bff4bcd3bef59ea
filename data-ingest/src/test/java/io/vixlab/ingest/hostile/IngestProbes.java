package io.vixlab.ingest.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.StoredBars;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.testing.TopicLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What every hostile-input probe of the ingest API checks: the answer (status, problem+json naming the problem),
 * that no bar changed and nothing reached {@code market.bars} (a refused file is announced as a FAILED run on
 * {@code market.updates}, a refused request publishes nothing), that the service is still healthy, and that a
 * good file is accepted right after.
 */
final class IngestProbes {

    /** Where the tests' file runs may read: {@code vixlab.ingest.file-root} of the test profile. */
    static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    /** The good input: VIX of March 2024 exactly as CBOE published it, so ingesting it never rewrites history. */
    static final String GOOD_VIX = goodVix();

    private IngestProbes() {
    }

    /** A path as a request names it and as errors show it: relative to the file root. */
    static String shown(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString();
    }

    static String fileRun(Path path) {
        return "{\"source\":\"file\",\"path\":\"" + shown(path) + "\"}";
    }

    /** A file run that must fail with 422 and a detail the check accepts; the run and its FAILED event say the same. */
    static void expectRefusedFile(String body, Consumer<String> detailCheck) {
        Before before = Before.now();

        JsonPath problem = given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();

        String detail = problem.getString("detail");
        detailCheck.accept(detail);
        assertThat(detail).doesNotContain(ROOT.toString() + "/").hasSizeLessThan(1000);
        String run = problem.getString("instance");
        given().when().get(run).then().statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("error", equalTo(detail));
        before.assertNoBarChanged();
        List<ConsumerRecord<String, String>> updates = TopicLog.since(Topics.MARKET_UPDATES, before.updatesEnd());
        assertThat(updates).singleElement().satisfies(record -> {
            MarketUpdate update = EventSchemas.parse(record.value(), MarketUpdate.class);
            assertThat(update.status()).isEqualTo(MarketUpdate.Status.FAILED);
            assertThat(update.error()).isEqualTo(detail);
        });
        assertHealthyAndAcceptsGoodInput();
    }

    /** A request that must be refused with 400 naming the parameter; nothing is run, stored or published. */
    static void expectBadRequest(String body, String parameter, Consumer<String> reasonCheck) {
        Before before = Before.now();

        JsonPath problem = given().contentType("application/json").body(body)
                .when().post("/api/ingest/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();

        assertThat(problem.getString("'invalid-params'[0].name")).isEqualTo(parameter);
        String reason = problem.getString("'invalid-params'[0].reason");
        reasonCheck.accept(reason);
        assertThat(reason).doesNotContain(ROOT.toString() + "/").hasSizeLessThan(300);
        before.assertNoBarChanged();
        assertThat(TopicLog.end(Topics.MARKET_UPDATES)).isEqualTo(before.updatesEnd());
        assertHealthyAndAcceptsGoodInput();
    }

    /**
     * A repair request ({@code DELETE /api/bars/...} or {@code POST .../restore}) that must be refused with this
     * status and a problem naming the problem; nothing is changed, recorded or published.
     */
    static void expectRefusedRepair(String method, String path, int status, String problem) {
        Before before = Before.now();
        String runsBefore = given().when().get("/api/ingest/runs?limit=1").then().extract().asString();

        String body = given().when().request(method, path)
                .then().statusCode(status).contentType("application/problem+json")
                .extract().asString();

        assertThat(body).contains(problem).hasSizeLessThan(1000);
        before.assertNoBarChanged();
        assertThat(TopicLog.end(Topics.MARKET_UPDATES)).isEqualTo(before.updatesEnd());
        assertThat(given().when().get("/api/ingest/runs?limit=1").then().extract().asString()).isEqualTo(runsBefore);
        assertHealthyAndAcceptsGoodInput();
    }

    /** Health UP and the good VIX file accepted (201, SUCCEEDED). */
    static void assertHealthyAndAcceptsGoodInput() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        Path good = write("vix.csv", GOOD_VIX);
        given().contentType("application/json").body(fileRun(good))
                .when().post("/api/ingest/runs")
                .then().statusCode(201).body("status", equalTo("SUCCEEDED"));
    }

    /** Writes a file into a directory of its own under the root. */
    static Path write(String name, String content) {
        try {
            return Files.writeString(Files.createTempDirectory(ROOT, "hostile").resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String goodVix() {
        String snapshot = new SnapshotSource().fetch().get(0).content();
        return snapshot.lines().limit(1).collect(Collectors.joining()) + "\n"
                + snapshot.lines().filter(line -> line.startsWith("03/") && line.contains("/2024,"))
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** The stored bars and the ends of both topics before a probe. */
    private record Before(String bars, long barsEnd, long updatesEnd) {

        static Before now() {
            return new Before(StoredBars.fingerprint(), TopicLog.end(Topics.MARKET_BARS),
                    TopicLog.end(Topics.MARKET_UPDATES));
        }

        void assertNoBarChanged() {
            assertThat(StoredBars.fingerprint()).isEqualTo(bars);
            assertThat(TopicLog.end(Topics.MARKET_BARS)).isEqualTo(barsEnd);
        }
    }
}
