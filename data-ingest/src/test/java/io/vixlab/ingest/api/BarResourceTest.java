package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Reading stored bars as JSON and CSV, and the runs that stored them, over REST. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarResourceTest {

    private Path directory;
    private String runId;

    /** Once per class; in a {@code @BeforeEach} because REST Assured knows the test port only from then on. */
    @BeforeEach
    void ingestAnOhlcAndACloseOnlySeries() throws IOException {
        if (runId != null) {
            return;
        }
        directory = Files.createTempDirectory("bar-resource-test");
        Files.writeString(directory.resolve("OHLCTEST.csv"), """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-01-02,13.21,14.23,13.10,13.20,13.20,0
                2024-01-03,13.38,14.22,13.36,14.04,14.04,0
                2024-01-04,13.97,14.20,13.64,14.13,14.13,0
                """);
        Files.writeString(directory.resolve("CLOSETEST_History.csv"), "DATE,CLOSETEST\n01/02/2024,80.5\n01/03/2024,82.25\n");
        runId = given().contentType("application/json")
                .body("{\"source\":\"file\",\"path\":\"" + directory + "\"}")
                .when().post("/api/ingest/runs")
                .then().statusCode(201).extract().path("id");
    }

    @AfterAll
    void deleteTheFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Test
    void barsOfARangeAsJsonOldestFirst() {
        given().when().get("/api/bars/ohlctest?from=2024-01-03&to=2024-01-04").then().statusCode(200)
                .contentType("application/json")
                .body("date", contains("2024-01-03", "2024-01-04"))
                .body("symbol", contains("OHLCTEST", "OHLCTEST"))
                .body("[0].open", equalTo(13.38f))
                .body("[0].high", equalTo(14.22f))
                .body("[0].low", equalTo(13.36f))
                .body("[0].close", equalTo(14.04f))
                .body("[0].source", equalTo("file:" + directory.getFileName()));
        given().when().get("/api/bars/OHLCTEST").then().statusCode(200).body("$", hasSize(3));
        given().when().get("/api/bars/OHLCTEST?to=2024-01-02").then().statusCode(200).body("date", contains("2024-01-02"));
        given().when().get("/api/bars/OHLCTEST?from=2025-01-01").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void closeOnlyBarsLeaveOutOpenHighAndLow() {
        given().when().get("/api/bars/CLOSETEST").then().statusCode(200)
                .body("close", contains(80.5f, 82.25f))
                .body("[0]", not(hasKey("open")));
    }

    @Test
    void barsAsCsvReadableByTheIngest() {
        given().accept("text/csv").when().get("/api/bars/OHLCTEST?from=2024-01-02&to=2024-01-03").then().statusCode(200)
                .contentType("text/csv")
                .body(equalTo("DATE,OPEN,HIGH,LOW,CLOSE\n2024-01-02,13.21,14.23,13.1,13.2\n2024-01-03,13.38,14.22,13.36,14.04\n"));
        given().accept("text/csv").when().get("/api/bars/CLOSETEST").then().statusCode(200)
                .body(equalTo("DATE,OPEN,HIGH,LOW,CLOSE\n2024-01-02,,,,80.5\n2024-01-03,,,,82.25\n"));
    }

    @Test
    void unknownSymbolIs404() {
        given().when().get("/api/bars/NOPE").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no bars of symbol NOPE"));
    }

    @Test
    void badDatesAre400NamingEachParameter() {
        given().when().get("/api/bars/OHLCTEST?from=2024-13-01&to=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("'invalid-params'.name", contains("from", "to"))
                .body("'invalid-params'.reason", contains("'2024-13-01' is not a date; expected YYYY-MM-DD",
                        "'yesterday' is not a date; expected YYYY-MM-DD"));
        given().when().get("/api/bars/OHLCTEST?from=2024-01-04&to=2024-01-02").then().statusCode(400)
                .body("'invalid-params'[0].reason", equalTo("must not be before from (2024-01-04)"));
    }

    @Test
    void runsAreListedNewestFirstAndShownById() {
        given().when().get("/api/ingest/runs/" + runId).then().statusCode(200)
                .body("status", equalTo("SUCCEEDED"))
                .body("symbols.symbol", containsInAnyOrder("CLOSETEST", "OHLCTEST"))
                .body("symbols.changed", contains(2, 3));
        given().when().get("/api/ingest/runs?limit=1000").then().statusCode(200).body("id", hasItem(runId));
        given().when().get("/api/ingest/runs/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("no ingest run nope"));
    }
}
