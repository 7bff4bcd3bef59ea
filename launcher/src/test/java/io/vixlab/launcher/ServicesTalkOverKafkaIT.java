package io.vixlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.Topics;
import io.vixlab.contracts.tuning.StudyEvent;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static final String API_KEY = "it-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    static LocalKafkaBroker kafka;
    static EmbeddedPostgres postgres;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess tuner;
    static ServiceProcess report;

    @BeforeAll
    static void startPlatform() throws Exception {
        long t0 = System.nanoTime();
        kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(work.resolve("kafka")));
        System.out.printf("local Kafka broker ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.SPECS.stream()
                .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted())).toList());
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE tuner");
            c.createStatement().execute("CREATE DATABASE report");
        }
        tuner = start("tuner-service", "tuner");
        report = start("report-service", "report");
        tuner.awaitReady(Duration.ofSeconds(90));
        report.awaitReady(Duration.ofSeconds(90));
    }

    private static ServiceProcess start(String module, String database) throws Exception {
        ServiceProcess service = ServiceProcess.start(new ServiceProcess.Spec(module,
                Path.of("..", module, "target", "quarkus-app"), freePort(), "256m",
                Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                        "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", database),
                        "quarkus.datasource.username", "postgres",
                        "quarkus.datasource.password", "postgres",
                        "vixlab.security.api-key", API_KEY),
                work.resolve("logs")));
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        services.forEach(ServiceProcess::close);
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void studyCreatedOnTheTunerIsAnnouncedInSchemaAndRecordedByTheReportService() throws Exception {
        HttpResponse<String> created = post(tuner, "/api/studies",
                "{\"name\":\"it\",\"architectures\":[\"Basic_CNN_LSTM\",\"Attention_CNN_LSTM\"],"
                        + "\"trialsPerArchitecture\":3}", API_KEY);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String studyId = EventJson.mapper().readTree(created.body()).get("id").asText();

        ConsumerRecord<String, String> announced =
                KafkaRecords.readOne(kafka.bootstrapServers(), Topics.TUNING_STUDIES, studyId);
        JsonNode json = EventJson.mapper().readTree(announced.value());
        assertThat(EventSchemas.violations(StudyEvent.class, json)).isEmpty();
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("CREATED");
        assertThat(json.get("trialsPerArchitecture").asInt()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode studies = EventJson.mapper().readTree(get(report, "/api/studies").body());
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
        assertThat(post(tuner, "/api/studies", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post(tuner, "/api/studies", "{}", "wrong").statusCode()).isEqualTo(401);
        assertThat(get(tuner, "/api/studies").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String body, String apiKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
