package io.vixlab.features.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.HostileRequest;
import io.vixlab.testing.HostileRequestsContract;
import io.vixlab.testing.KafkaTestResource;
import java.util.stream.Stream;

/** Hostile requests to the datasets API: refused with problem+json and no dataset published. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRequestsTest extends HostileRequestsContract {

    private static final String DATASETS = "/api/datasets";

    HostileRequestsTest() {
        super(DATASETS);
    }

    @Override
    protected Stream<HostileRequest> serviceProbes() {
        return Stream.of(
                HostileRequest.get("NUL as dataset id", DATASETS + "/%00").answers(404, "no published dataset"),
                HostileRequest.get("percent-encoded junk as dataset id", DATASETS + "/%C0%AE%C0%AE%2F%25")
                        .answers(404, "no published dataset"),
                HostileRequest.get("over-long dataset id", DATASETS + "/" + "d".repeat(1400)).answers(404, "no published dataset"),
                HostileRequest.get("windows of a NUL dataset as CSV", DATASETS + "/%00/windows").header("Accept", "text/csv")
                        .answers(404, "no published dataset"),
                HostileRequest.get("latest dataset as XML", DATASETS + "/latest").header("Accept", "application/xml")
                        .answers(406, "application/xml"),
                HostileRequest.post("POST to the latest dataset", DATASETS + "/latest").answers(405, "POST is not allowed"),
                HostileRequest.post("DELETE of the rebuild", DATASETS + "/rebuild").method("DELETE").answers(405, "DELETE is not allowed"));
    }

    @Override
    protected Object storedState() {
        return listAt(DATASETS, "datasetId");
    }
}
