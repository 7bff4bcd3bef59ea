package io.vixlab.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code @QuarkusTest} against a real PostgreSQL instead of the embedded H2: the database
 * kind is fixed when Quarkus builds the application, so it takes a test profile, not just a URL.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.hibernate-orm.schema-management.strategy", "drop-and-create");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
