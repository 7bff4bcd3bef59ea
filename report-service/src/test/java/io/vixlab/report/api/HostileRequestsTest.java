package io.vixlab.report.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.HostileRequest;
import io.vixlab.testing.HostileRequestsContract;
import io.vixlab.testing.KafkaTestResource;
import java.util.stream.Stream;

/**
 * Hostile requests to the reports API and pages: refused with problem+json (pages too, unless a
 * browser asks for HTML) and no study recorded.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRequestsTest extends HostileRequestsContract {

    private static final String STUDIES = "/api/studies";

    HostileRequestsTest() {
        super(STUDIES);
    }

    @Override
    protected Stream<HostileRequest> serviceProbes() {
        return Stream.of(
                HostileRequest.get("report of a NUL study id", STUDIES + "/%00/report").answers(404, "unknown"),
                HostileRequest.get("report of percent-encoded junk", STUDIES + "/%C0%AE%C0%AE%2F%25/report").answers(404, "unknown"),
                HostileRequest.get("report of an over-long study id", STUDIES + "/" + "s".repeat(1400) + "/report").answers(404, "unknown"),
                HostileRequest.get("report CSV as JSON", STUDIES + "/some-study/report.csv").header("Accept", "application/json")
                        .answers(406, "application/json"),
                HostileRequest.get("page of a NUL study id", "/studies/%00").answers(404, "unknown"),
                HostileRequest.get("page of an over-long study id", "/studies/" + "p".repeat(1400)).answers(404, "unknown"),
                HostileRequest.get("page as JSON", "/studies/some-study").header("Accept", "application/json")
                        .answers(406, "application/json"),
                HostileRequest.post("POST to a page", "/studies/some-study").answers(405, "POST is not allowed"),
                HostileRequest.get("study list page as XML", "/").header("Accept", "application/xml").answers(406, "application/xml"));
    }

    @Override
    protected Object storedState() {
        return listAt(STUDIES, "studyId");
    }
}
