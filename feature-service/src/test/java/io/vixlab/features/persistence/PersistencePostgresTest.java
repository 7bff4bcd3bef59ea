package io.vixlab.features.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.testing.PostgresProfile;

/** The same persistence test on a real PostgreSQL, the production database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PersistencePostgresTest extends PersistenceTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
