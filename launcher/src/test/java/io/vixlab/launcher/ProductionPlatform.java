package io.vixlab.launcher;

import io.vixlab.contracts.Topics;
import io.vixlab.kafka.LocalKafkaBroker;
import io.vixlab.kafka.TopicProvisioner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the packaged services need to run as in production, for the system tests: the real local
 * broker with every topic, an embedded PostgreSQL with one database per service, and an API key.
 * Services are started from {@code <module>/target/quarkus-app} (prod profile) with their logs
 * under the working directory.
 */
final class ProductionPlatform implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String apiKey = "it-" + UUID.randomUUID();
    private final Path work;
    private final LocalKafkaBroker kafka;
    private final EmbeddedPostgres postgres;
    private final List<ServiceProcess> started = new ArrayList<>();

    private ProductionPlatform(Path work, LocalKafkaBroker kafka, EmbeddedPostgres postgres) {
        this.work = work;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static ProductionPlatform start(Path work) throws IOException {
        long t0 = System.nanoTime();
        LocalKafkaBroker kafka = LocalKafkaBroker.start(LocalKafkaBroker.options(work.resolve("kafka")));
        System.out.printf("local Kafka broker ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.SPECS.stream()
                .map(t -> new TopicProvisioner.Topic(t.name(), t.partitions(), t.compacted())).toList());
        return new ProductionPlatform(work, kafka, EmbeddedPostgres.builder().start());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void createDatabase(String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    /**
     * Starts {@code module}'s packaged jar on {@code database} with the platform's broker and API
     * key, and waits until it is ready; {@code overrides} add or replace configuration.
     */
    ServiceProcess startService(String module, String database, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "vixlab.security.api-key", apiKey));
        properties.putAll(overrides);
        ServiceProcess service = ServiceProcess.start(new ServiceProcess.Spec(module,
                Path.of("..", module, "target", "quarkus-app"), freePort(), "256m", properties, work.resolve("logs")));
        started.add(service);
        return service.awaitReady(Duration.ofSeconds(90));
    }

    @Override
    public void close() throws IOException {
        started.forEach(ServiceProcess::close);
        postgres.close();
        kafka.close();
    }

    /** POSTs {@code body} as JSON with {@code apiKey} in {@code X-API-Key} (none when null), as is. */
    static HttpResponse<String> post(ServiceProcess service, String path, String body, String apiKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
