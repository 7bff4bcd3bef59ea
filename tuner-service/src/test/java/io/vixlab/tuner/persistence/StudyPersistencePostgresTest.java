package io.vixlab.tuner.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.tuner.demand.DemandFixture;

/**
 * The same persistence test on a real PostgreSQL, the production database; in the demand tests'
 * application, which is the same on PostgreSQL but for its tick, which these tests do not need.
 */
@QuarkusTest
@TestProfile(DemandFixture.OnPostgres.class)
class StudyPersistencePostgresTest extends StudyPersistenceTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
