package io.vixlab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for persistence tests: Testcontainers where a Docker engine answers, otherwise
 * an embedded PostgreSQL binary from Maven Central started in this JVM's temp directory. One server
 * per test JVM.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> config;

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = DockerProbe.dockerAvailable() ? startContainer() : startEmbedded();
        }
        return config;
    }

    @Override
    public void stop() {
        // Lives as long as the test JVM, shared by every test profile that needs it.
    }

    private static Map<String, String> startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return datasource(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Map<String, String> startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temp directory goes with it
                }
            }));
            return datasource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }
}
