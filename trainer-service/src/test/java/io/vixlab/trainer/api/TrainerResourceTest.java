package io.vixlab.trainer.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.trainer.fixture.TrainerTopics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TrainerResourceTest {

    @Test
    void statusNamesTheTrainerItsDevicesAndTheDatasetsItHolds() {
        TrainerTopics.publishDataset();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/trainer").then()
                .statusCode(200)
                .body("name", not(emptyString()))
                .body("devices", hasItem("/job:localhost/replica:0/task:0/device:CPU:0"))
                .body("datasets", hasItem(TrainerTopics.DATASET_ID)));
    }
}
