package io.vixlab.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.contracts.market.MarketUpdate;
import io.vixlab.contracts.market.SymbolRange;
import io.vixlab.ingest.StoredBars;
import io.vixlab.ingest.source.SnapshotSource;
import io.vixlab.ingest.source.SourceFile;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled snapshot through the service: stored into an empty store, published over the real broker,
 * re-ingested without effect, then changed by one close. Each method builds on the state the previous one
 * left (one snapshot ingest for the class), hence the order.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SnapshotIngestResourceTest {

    private static final int VIX_ROWS = 9234;
    private static final int VVIX_STORED = 5063;

    private long barsOffset;
    private long updatesOffset;
    private JsonPath firstRun;

    @Test
    @Order(1)
    void storesEveryValidRowOfBothFiles() {
        StoredBars.deleteSymbols("VIX", "VVIX");
        barsOffset = TopicLog.end(Topics.MARKET_BARS);
        updatesOffset = TopicLog.end(Topics.MARKET_UPDATES);

        firstRun = given().contentType("application/json").body("{\"source\":\"snapshot\"}")
                .when().post("/api/ingest/runs")
                .then().statusCode(201).extract().jsonPath();

        assertThat(firstRun.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(firstRun.getString("publication")).isEqualTo("PUBLISHED");
        assertThat(firstRun.getString("source")).isEqualTo("snapshot");
        assertThat(firstRun.getList("symbols", SymbolRange.class)).containsExactly(
                new SymbolRange("VIX", LocalDate.of(1990, 1, 2), LocalDate.of(2026, 7, 22), VIX_ROWS, VIX_ROWS, 0),
                new SymbolRange("VVIX", LocalDate.of(2006, 3, 6), LocalDate.of(2026, 7, 22), 5066, VVIX_STORED, 3));
        assertThat(firstRun.getList("warnings", String.class)).hasSize(47 + 3)
                .contains("snapshot/VVIX_History.csv, row 3, field VVIX: 2006-03-15 close 15.71 is implausible:"
                        + " ln(close / 61.64, the median of 10 neighbours) = -1.367, beyond ±0.7; excluded");
        assertThat(firstRun.getString("checksum")).hasSize(64);

        assertThat(StoredBars.count("VIX")).isEqualTo(VIX_ROWS);
        assertThat(StoredBars.count("VVIX")).isEqualTo(VVIX_STORED);
        given().when().get("/api/bars/VIX").then().statusCode(200).body("$", hasSize(VIX_ROWS));
        given().when().get("/api/bars/VVIX").then().statusCode(200).body("$", hasSize(VVIX_STORED));
        given().when().get("/api/bars/VVIX?from=2006-03-15&to=2006-03-17").then().statusCode(200).body("$", hasSize(0));
        given().when().get("/api/ingest/runs/" + firstRun.getString("id")).then().statusCode(200)
                .body("checksum", equalTo(firstRun.getString("checksum")));
    }

    @Test
    @Order(2)
    void publishesEveryStoredBarAndThenTheUpdateOverTheBroker() throws IOException {
        Instant startedAt = Instant.parse(firstRun.getString("startedAt"));
        List<ConsumerRecord<String, String>> bars = TopicLog.since(Topics.MARKET_BARS, barsOffset);
        assertThat(bars).hasSize(VIX_ROWS + VVIX_STORED);
        List<MarketBar> published = bars.stream().map(r -> EventJson.read(r.value(), MarketBar.class)).toList();
        assertThat(bars).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyElementsOf(published.stream().map(MarketBar::key).toList());
        assertThat(published).allSatisfy(bar -> {
            assertThat(bar.ingestedAt()).isEqualTo(startedAt);
            assertThat(bar.source()).isEqualTo("snapshot");
        });
        assertThat(published).filteredOn(bar -> bar.symbol().equals("VIX")).hasSize(VIX_ROWS);
        assertThat(published).extracting(MarketBar::key).doesNotContain("VVIX:2006-03-15")
                .contains("VIX:1990-01-02", "VIX:2026-07-22", "VVIX:2006-03-06", "VVIX:2026-07-22");
        // Validating all 14k against the schema takes seconds; a sample across both symbols shows the layout.
        for (int i = 0; i < bars.size(); i += 500) {
            JsonNode json = EventJson.mapper().readTree(bars.get(i).value());
            assertThat(EventSchemas.violations(MarketBar.class, json)).as(bars.get(i).value()).isEmpty();
        }

        List<ConsumerRecord<String, String>> updates = TopicLog.since(Topics.MARKET_UPDATES, updatesOffset);
        assertThat(updates).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(firstRun.getString("id"));
            assertThat(EventSchemas.violations(MarketUpdate.class, EventJson.mapper().readTree(record.value()))).isEmpty();
            MarketUpdate update = EventSchemas.parse(record.value(), MarketUpdate.class);
            assertThat(update.status()).isEqualTo(MarketUpdate.Status.SUCCEEDED);
            assertThat(update.checksum()).isEqualTo(firstRun.getString("checksum"));
            assertThat(update.symbols()).extracting(SymbolRange::changed).containsExactly(VIX_ROWS, VVIX_STORED);
        });
    }

    @Test
    @Order(3)
    void reingestingTheSnapshotStoresAndPublishesNothing() {
        String stored = StoredBars.fingerprint();
        long barsEnd = TopicLog.end(Topics.MARKET_BARS);
        long updatesEnd = TopicLog.end(Topics.MARKET_UPDATES);

        given().contentType("application/json").body("{\"source\":\"snapshot\"}")
                .when().post("/api/ingest/runs")
                .then().statusCode(201)
                .body("status", equalTo("SUCCEEDED"))
                .body("publication", equalTo("NONE"))
                .body("symbols.changed", equalTo(List.of(0, 0)))
                .body("checksum", equalTo(firstRun.getString("checksum")));

        assertThat(StoredBars.fingerprint()).isEqualTo(stored);
        assertThat(TopicLog.end(Topics.MARKET_BARS)).isEqualTo(barsEnd);
        assertThat(TopicLog.end(Topics.MARKET_UPDATES)).isEqualTo(updatesEnd);
    }

    @Test
    @Order(4)
    void changingOneDaysCloseUpdatesThatRowAndPublishesOneBar(@TempDir Path directory) throws IOException {
        List<SourceFile> snapshot = new SnapshotSource().fetch();
        String vix = snapshot.get(0).content();
        String edited = vix.replace("07/21/2026,17.480000,17.990000,16.860000,17.050000",
                "07/21/2026,17.480000,17.990000,16.860000,17.150000");
        assertThat(edited).isNotEqualTo(vix);
        Files.writeString(directory.resolve("VIX_History.csv"), edited);
        Files.writeString(directory.resolve("VVIX_History.csv"), snapshot.get(1).content());
        long barsEnd = TopicLog.end(Topics.MARKET_BARS);
        long updatesEnd = TopicLog.end(Topics.MARKET_UPDATES);

        JsonPath run = given().contentType("application/json")
                .body("{\"source\":\"file\",\"path\":\"" + directory.toAbsolutePath() + "\"}")
                .when().post("/api/ingest/runs")
                .then().statusCode(201).extract().jsonPath();

        assertThat(run.getList("symbols.changed", Integer.class)).containsExactly(1, 0);
        assertThat(StoredBars.count("VIX")).isEqualTo(VIX_ROWS);
        assertThat(StoredBars.count("VVIX")).isEqualTo(VVIX_STORED);
        String source = "file:" + directory.getFileName(); // named relative to the import root, the temp directory
        given().when().get("/api/bars/VIX?from=2026-07-20&to=2026-07-22").then().statusCode(200)
                .body("$", hasSize(3))
                .body("find { it.date == '2026-07-21' }.close", equalTo(17.15f))
                .body("find { it.date == '2026-07-21' }.source", equalTo(source))
                .body("findAll { it.source == 'snapshot' }", hasSize(2));

        List<ConsumerRecord<String, String>> bars = TopicLog.since(Topics.MARKET_BARS, barsEnd);
        assertThat(bars).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("VIX:2026-07-21");
            MarketBar bar = EventSchemas.parse(record.value(), MarketBar.class);
            assertThat(bar.close()).isEqualTo(17.15);
            assertThat(bar.open()).isEqualTo(17.48);
            assertThat(bar.source()).isEqualTo(source);
        });
        assertThat(TopicLog.since(Topics.MARKET_UPDATES, updatesEnd)).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo(run.getString("id")));
    }
}
