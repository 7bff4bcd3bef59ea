package io.vixlab.ingest.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.testing.PostgresProfile;

/** The same persistence test on a real PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class IngestPersistencePostgresTest extends IngestPersistenceTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
