package io.vixlab.report.flow;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vixlab.testing.PostgresProfile;

/**
 * The same flow on a real PostgreSQL, the production database: its queries (progress counts,
 * studies waiting for a report) and the row lock that keeps a report from being published twice.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class StudyReportFlowPostgresTest extends StudyReportFlowTest {
}
