package io.vixlab.report.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.testing.PostgresProfile;

/** The same persistence test on a real PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ResultStorePersistencePostgresTest extends ResultStorePersistenceTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
