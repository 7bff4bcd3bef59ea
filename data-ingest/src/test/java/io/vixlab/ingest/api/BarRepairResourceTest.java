package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.BarChecksum;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.ingest.StoredBars;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History protection and operators' repairs: a rewrite beyond the plausible distance is accepted only with
 * replaceHistory and keeps the old bars, which a restore puts back; a delete removes bars and publishes tombstones.
 * Each change is a run, and its update's checksum describes the store after it. A symbol of its own (HISTORYTEST)
 * keeps this apart.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class BarRepairResourceTest {

    private static final String SYMBOL = "HISTORYTEST";
    private static final LocalDate FIRST = LocalDate.of(2024, 2, 1);

    @Test
    void rewriteNeedsReplaceHistoryAndIsRestorableAndDeletedBarsBecomeTombstones(@TempDir Path directory) throws IOException {
        StoredBars.deleteSymbols(SYMBOL);
        Path file = directory.resolve("historytest.csv");
        Files.writeString(file, closes(20.0));
        given().contentType("application/json").body(run(directory, false)).when().post("/api/ingest/runs")
                .then().statusCode(201);

        Files.writeString(file, closes(50.0));
        given().contentType("application/json").body(run(directory, false)).when().post("/api/ingest/runs")
                .then().statusCode(422).body("detail", startsWith(directory.getFileName() + "/historytest.csv, row 2, field CLOSE: "
                        + "2024-02-01 close 50.0 would rewrite the stored close 20.0"));
        JsonPath replaced = given().contentType("application/json").body(run(directory, true)).when().post("/api/ingest/runs")
                .then().statusCode(201).body("symbols[0].changed", equalTo(12)).extract().jsonPath();
        assertThat(replaced.getList("warnings", String.class)).anySatisfy(warning -> assertThat(warning)
                .contains("2024-02-01 close 50.0 would rewrite the stored close 20.0").contains("replaced (replaceHistory)"));
        given().when().get("/api/bars/" + SYMBOL + "?from=2024-02-01&to=2024-02-02").then().statusCode(200)
                .body("close", equalTo(List.of(50.0f, 50.0f)));

        long barsEnd = TopicLog.end(Topics.MARKET_BARS);
        given().when().post("/api/bars/" + SYMBOL + "/restore?from=2024-02-01&to=2024-02-02").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("source", equalTo("restore:HISTORYTEST:2024-02-01..2024-02-02"))
                .body("publication", equalTo("PUBLISHED"));
        given().when().get("/api/bars/" + SYMBOL + "?from=2024-02-01&to=2024-02-02").then().statusCode(200)
                .body("close", equalTo(List.of(20.0f, 20.0f)));
        assertThat(TopicLog.since(Topics.MARKET_BARS, barsEnd)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("HISTORYTEST:2024-02-01", "HISTORYTEST:2024-02-02");

        barsEnd = TopicLog.end(Topics.MARKET_BARS);
        long updatesEnd = TopicLog.end(Topics.MARKET_UPDATES);
        JsonPath deleted = given().when().delete("/api/bars/" + SYMBOL + "?from=2024-02-10&to=2024-02-11").then().statusCode(200)
                .body("symbols[0].changed", equalTo(2)).extract().jsonPath();
        List<ConsumerRecord<String, String>> tombstones = TopicLog.since(Topics.MARKET_BARS, barsEnd);
        assertThat(tombstones).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("HISTORYTEST:2024-02-10", "HISTORYTEST:2024-02-11");
        assertThat(tombstones).allSatisfy(record -> assertThat(record.value()).isNull());
        given().when().get("/api/bars/" + SYMBOL).then().statusCode(200).body("$", hasSize(10))
                .body("date", org.hamcrest.Matchers.not(hasItem("2024-02-10")));
        List<MarketBar> remaining = given().when().get("/api/bars/" + SYMBOL).then().extract().jsonPath()
                .getList(".", MarketBar.class);
        assertThat(TopicLog.since(Topics.MARKET_UPDATES, updatesEnd)).singleElement().satisfies(record -> {
            MarketUpdate update = EventSchemas.parse(record.value(), MarketUpdate.class);
            assertThat(update.runId()).isEqualTo(deleted.getString("id"));
            assertThat(update.changedData()).isTrue();
            assertThat(update.checksum()).isEqualTo(BarChecksum.of(remaining));
        });

        given().when().post("/api/bars/" + SYMBOL + "/restore?from=2024-02-10&to=2024-02-11").then().statusCode(200);
        given().when().get("/api/bars/" + SYMBOL).then().statusCode(200).body("$", hasSize(12));
    }

    /** 12 days from 2024-02-01, each with this close. */
    private static String closes(double close) {
        return "DATE,CLOSE\n" + IntStream.range(0, 12)
                .mapToObj(i -> FIRST.plusDays(i) + "," + close).collect(Collectors.joining("\n")) + "\n";
    }

    private static String run(Path directory, boolean replaceHistory) {
        return "{\"source\":\"file\",\"path\":\"" + directory.getFileName() + "\",\"replaceHistory\":" + replaceHistory + "}";
    }
}
