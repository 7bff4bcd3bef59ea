package io.vixlab.tuner.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same counts on a real PostgreSQL, the production database (its large objects are counted differently). */
@QuarkusTest
@TestProfile(DemandFixture.OnPostgres.class)
class TrainerDemandPostgresTest extends TrainerDemandTest {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
