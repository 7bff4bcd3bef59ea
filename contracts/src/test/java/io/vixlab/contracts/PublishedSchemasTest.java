package io.vixlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.SchemaCompatibility.Difference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas this jar publishes (generated from the records into {@code schemas/}) equal the committed
 * copy in {@code contracts/src/main/schemas-published/}, so that every change to an event's shape is
 * seen in review. A change breaking for consumers ({@link SchemaCompatibility}) needs the event's
 * schema version bumped; any change is taken into the committed copy by {@link #ACCEPT_COMMAND}.
 */
class PublishedSchemasTest {

    static final String ACCEPT_PROPERTY = "vixlab.schemas.accept";
    static final String ACCEPT_COMMAND = "mvn -pl contracts test -Dtest=PublishedSchemasTest -D" + ACCEPT_PROPERTY
            + "=true";
    private static final String SUFFIX = ".schema.json";

    private static final Path COMMITTED = Path.of(System.getProperty("basedir", "."), "src", "main",
            "schemas-published");

    @Test
    void publishedSchemasEqualTheCommittedCopyAndBreakNoConsumerUnversioned() throws IOException {
        Map<String, String> published = published();
        Map<String, String> committed = committed();
        List<String> changes = new ArrayList<>();
        List<String> unversioned = new ArrayList<>();
        Set<String> files = new TreeSet<>(published.keySet());
        files.addAll(committed.keySet());
        for (String file : files) {
            JsonNode was = tree(committed.get(file));
            JsonNode is = tree(published.get(file));
            String event = Objects.requireNonNullElse(is, was).path("title").asText(file);
            if (was == null || is == null) {
                changes.add(event + ": " + (was == null ? "new event (compatible)" : "no longer published (breaking)"));
                continue;
            }
            boolean bumped = !version(was).equals(version(is));
            List<Difference> differences = SchemaCompatibility.compare(was, is);
            for (Difference difference : differences) {
                changes.add(event + "." + difference);
                if (difference.breaking() && !bumped) {
                    unversioned.add(event + "." + difference.field() + ": " + difference.why() + "; bump " + event
                            + ".SCHEMA_VERSION");
                }
            }
            if (differences.isEmpty() && !committed.get(file).equals(published.get(file))) {
                changes.add(event + ": same schema, written differently");
            }
        }
        assertThat(unversioned)
                .as("changes breaking for consumers: bump the event's schema version (consumers then refuse the "
                        + "older version), then accept the change with: " + ACCEPT_COMMAND)
                .isEmpty();
        if (Boolean.getBoolean(ACCEPT_PROPERTY)) {
            accept(published, committed);
        } else {
            assertThat(changes)
                    .as("the published schemas differ from the committed copy in " + COMMITTED
                            + "; if the change is meant, accept it with: " + ACCEPT_COMMAND)
                    .isEmpty();
        }
    }

    private static void accept(Map<String, String> published, Map<String, String> committed) throws IOException {
        Files.createDirectories(COMMITTED);
        for (String file : committed.keySet()) {
            if (!published.containsKey(file)) {
                Files.delete(COMMITTED.resolve(file));
            }
        }
        for (Map.Entry<String, String> schema : published.entrySet()) {
            Files.writeString(COMMITTED.resolve(schema.getKey()), schema.getValue(), StandardCharsets.UTF_8);
        }
        assertThat(committed()).isEqualTo(published);
    }

    /** The schemas as this jar holds them, by file name. */
    private static Map<String, String> published() {
        Map<String, String> schemas = new TreeMap<>();
        for (String file : EventSchemas.SCHEMA_FILES.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + file)) {
                assertThat(in).as("schemas/" + file + " on the classpath (generated at process-classes)").isNotNull();
                schemas.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> schemas = new TreeMap<>();
        if (Files.isDirectory(COMMITTED)) {
            try (Stream<Path> files = Files.list(COMMITTED)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                    schemas.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return schemas;
    }

    private static JsonNode tree(String json) throws IOException {
        return json == null ? null : EventJson.mapper().readTree(json);
    }

    private static JsonNode version(JsonNode schema) {
        return schema.path("properties").path("schemaVersion").path("const");
    }
}
