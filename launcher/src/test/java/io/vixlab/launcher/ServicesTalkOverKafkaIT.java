package io.vixlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.launcher.stack.Http;
import io.vixlab.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tuner and report services, as they run in production (prod profile, PostgreSQL,
 * API key required), over the real local broker: a study created on the tuner is announced on
 * {@code tuning.studies} in exactly the schema's JSON and the report service records it.
 */
class ServicesTalkOverKafkaIT {

    @TempDir
    static Path work;

    static ProductionPlatform platform;
    static ServiceProcess tuner;
    static ServiceProcess report;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = ProductionPlatform.start(work);
        platform.createDatabase("tuner");
        platform.createDatabase("report");
        tuner = platform.startService("tuner-service", "tuner", Map.of());
        report = platform.startService("report-service", "report", Map.of());
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void studyCreatedOnTheTunerIsAnnouncedInSchemaAndRecordedByTheReportService() throws Exception {
        HttpResponse<String> created = ProductionPlatform.post(tuner, "/api/studies",
                "{\"name\":\"it\",\"architectures\":[\"Basic_CNN_LSTM\",\"Attention_CNN_LSTM\"],"
                        + "\"trialsPerArchitecture\":3}", platform.apiKey);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String studyId = EventJson.mapper().readTree(created.body()).get("id").asText();

        List<ConsumerRecord<String, String>> announced = TopicReader.await(platform.bootstrapServers(),
                Topics.TUNING_STUDIES, r -> studyId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(announced).as("the study's first event on %s", Topics.TUNING_STUDIES).isNotEmpty();
        JsonNode json = EventJson.mapper().readTree(announced.get(0).value());
        assertThat(EventSchemas.violations(StudyEvent.class, json)).isEmpty();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("CREATED");
        assertThat(json.get("trialsPerArchitecture").asInt()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode studies = Http.get(report.baseUri().resolve("/api/studies")).json();
            JsonNode recorded = null;
            for (JsonNode s : studies) {
                if (studyId.equals(s.get("studyId").asText())) {
                    recorded = s;
                }
            }
            assertThat(recorded).as("report-service's studies: %s", studies).isNotNull();
            assertThat(recorded.get("status").asText()).isEqualTo("CREATED");
            assertThat(recorded.get("architectures").toString())
                    .isEqualTo("[\"Basic_CNN_LSTM\",\"Attention_CNN_LSTM\"]");
        });
    }

    @Test
    void productionProfileRefusesStateChangesWithoutTheApiKey() throws Exception {
        assertThat(ProductionPlatform.post(tuner, "/api/studies", "{}", null).statusCode()).isEqualTo(401);
        assertThat(ProductionPlatform.post(tuner, "/api/studies", "{}", "wrong").statusCode()).isEqualTo(401);
        assertThat(Http.get(tuner.baseUri().resolve("/api/studies")).status()).isEqualTo(200);
    }
}
