package io.vixlab.trainer.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.HostileRequest;
import io.vixlab.testing.HostileRequestsContract;
import io.vixlab.testing.KafkaTestResource;
import java.util.stream.Stream;

/** Hostile requests to the trainer's status API: refused with problem+json, the trainer unchanged. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRequestsTest extends HostileRequestsContract {

    private static final String TRAINER = "/api/trainer";

    HostileRequestsTest() {
        super(TRAINER);
    }

    @Override
    protected Stream<HostileRequest> serviceProbes() {
        return Stream.of(
                HostileRequest.get("NUL under the trainer", TRAINER + "/%00").answers(404, "no resource"),
                HostileRequest.get("over-long path under the trainer", TRAINER + "/" + "t".repeat(1400)).answers(404, "no resource"),
                HostileRequest.post("POST to the trainer", TRAINER).json("{\"running\": null}").answers(405, "POST is not allowed"),
                HostileRequest.get("trainer as CSV", TRAINER).header("Accept", "text/csv").answers(406, "text/csv"));
    }

    /** The trainer stores nothing over HTTP; what it holds must stay as it was. */
    @Override
    protected Object storedState() {
        return listAt(TRAINER, "datasets");
    }
}
