package io.vixlab.features.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vixlab.contracts.dataset.DatasetManifest;
import io.vixlab.contracts.dataset.DatasetWindows;
import io.vixlab.contracts.market.MarketBar;
import io.vixlab.features.SyntheticMarket;
import io.vixlab.features.config.FeatureConfig;
import io.vixlab.features.dataset.DatasetVersion;
import io.vixlab.features.persistence.BarStore;
import io.vixlab.testing.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DatasetResourceTest {

    @Inject
    BarStore barStore;

    @Inject
    FeatureConfig config;

    private DatasetVersion expected;

    /** Puts the shared synthetic series into the store, whatever an earlier test left there. */
    @BeforeEach
    void storeTheSyntheticMarket() {
        List<MarketBar> bars = SyntheticMarket.bars(Instant.now());
        bars.forEach(barStore::upsert);
        expected = SyntheticMarket.expected(config, bars);
    }

    @Test
    void rebuildPublishesTheStoredBarsDatasetOnceAndTheEndpointsShowIt() {
        String id = expected.id();
        given().when().post("/api/datasets/rebuild").then()
                .statusCode(oneOf(200, 201)) // 200 when an earlier test already published this content
                .body("datasetId", equalTo(id))
                .body("checksum", equalTo(expected.manifest().checksum()));
        given().when().post("/api/datasets/rebuild").then()
                .statusCode(200)
                .body("datasetId", equalTo(id));

        given().when().get("/api/datasets").then()
                .statusCode(200)
                .body("datasetId", hasItem(id));
        DatasetManifest m = expected.manifest();
        given().when().get("/api/datasets/" + id).then()
                .statusCode(200)
                .body("windowCount", equalTo(m.windowCount()))
                .body("trainCount", equalTo(m.trainCount()))
                .body("splitDate", equalTo(m.splitDate().toString()))
                .body("firstDate", equalTo(m.firstDate().toString()))
                .body("featureNames", equalTo(m.featureNames()))
                .body("scaler.kind", equalTo("STANDARD"))
                .body("scaler.targetCenter", equalTo((float) m.scaler().targetCenter()));
        String newest = given().when().get("/api/datasets").then().extract().jsonPath().getString("[0].datasetId");
        given().when().get("/api/datasets/latest").then()
                .statusCode(200)
                .body("datasetId", equalTo(newest));
    }

    @Test
    void unknownDatasetIsAProblem() {
        given().when().get("/api/datasets/ds-0000000000000000").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no published dataset ds-0000000000000000"));
        given().accept("text/csv").when().get("/api/datasets/ds-0000000000000000/windows").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void windowsAreServedAsJsonWithTheirManifest() {
        given().when().post("/api/datasets/rebuild").then().statusCode(oneOf(200, 201));
        DatasetWindows w = expected.windows();
        JsonPath json = given().when().get("/api/datasets/" + expected.id() + "/windows").then()
                .statusCode(200)
                .contentType("application/json")
                .extract().jsonPath();

        int n = w.size();
        int last = n - 1;
        int trainCount = expected.manifest().trainCount();
        assertThat(json.getString("manifest.datasetId")).isEqualTo(expected.id());
        assertThat(json.getList("windows")).hasSize(n);
        assertThat(json.getString("windows[0].targetDate")).isEqualTo(w.targetDates()[0].toString());
        assertThat(json.getFloat("windows[0].target")).isEqualTo(w.targets()[0]);
        assertThat(json.getFloat("windows[" + last + "].previousClose")).isEqualTo(w.previousCloses()[last]);
        assertThat(json.getFloat("windows[" + last + "].features[29][14]")).isEqualTo(w.features()[last][29][14]);
        assertThat(json.getFloat("windows[7].features[3][5]")).isEqualTo(w.features()[7][3][5]);
        assertThat(json.getString("windows[" + (trainCount - 1) + "].part")).isEqualTo("TRAIN");
        assertThat(json.getString("windows[" + trainCount + "].part")).isEqualTo("TEST");
    }

    @Test
    void windowsAreServedAsCsvOneRowPerWindow() {
        given().when().post("/api/datasets/rebuild").then().statusCode(oneOf(200, 201));
        DatasetWindows w = expected.windows();
        String csv = given().accept("text/csv").when().get("/api/datasets/" + expected.id() + "/windows").then()
                .statusCode(200)
                .contentType("text/csv")
                .extract().asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(w.size() + 1);
        String[] header = lines.get(0).split(",");
        assertThat(header).hasSize(4 + 30 * 15);
        assertThat(header).startsWith("target_date", "part", "target", "previous_close", "vix_close_lag29",
                "vix_log_return_lag29");
        assertThat(header[header.length - 1]).isEqualTo("vix_rsi_14_lag0");

        int trainCount = expected.manifest().trainCount();
        String[] row = lines.get(1 + trainCount).split(",");
        assertThat(row[0]).isEqualTo(w.targetDates()[trainCount].toString());
        assertThat(row[1]).isEqualTo("test");
        assertThat(Float.parseFloat(row[2])).isEqualTo(w.targets()[trainCount]);
        assertThat(Float.parseFloat(row[3])).isEqualTo(w.previousCloses()[trainCount]);
        assertThat(Float.parseFloat(row[4])).isEqualTo(w.features()[trainCount][0][0]);
        assertThat(Float.parseFloat(row[row.length - 1])).isEqualTo(w.features()[trainCount][29][14]);
        assertThat(lines.get(1).split(",")[1]).isEqualTo("train");
    }
}
