package io.vixlab.tuner.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.HostileRequest;
import io.vixlab.testing.HostileRequestsContract;
import io.vixlab.testing.KafkaTestResource;
import java.util.stream.Stream;

/** Hostile requests to the studies API: refused with problem+json and no study created. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRequestsTest extends HostileRequestsContract {

    private static final String STUDIES = "/api/studies";

    HostileRequestsTest() {
        super(STUDIES);
    }

    @Override
    protected Stream<HostileRequest> serviceProbes() {
        return Stream.concat(malformedJsonProbes(STUDIES), Stream.of(
                HostileRequest.post("text for an integer", STUDIES).json("{\"trialsPerArchitecture\": \"many\"}")
                        .answers(400, "trialsPerArchitecture must be an integer"),
                HostileRequest.post("true for an integer", STUDIES).json("{\"samplerSeed\": true}")
                        .answers(400, "samplerSeed must be an integer"),
                HostileRequest.post("string for a list", STUDIES).json("{\"architectures\": \"Basic_CNN_LSTM\"}")
                        .answers(400, "architectures must be an array"),
                HostileRequest.post("list for a string", STUDIES).json("{\"sampler\": [\"tpe\"]}")
                        .answers(400, "sampler must be a string"),
                HostileRequest.post("number for an object", STUDIES).json("{\"training\": 5}")
                        .answers(400, "training must be an object"),
                HostileRequest.post("text for a nested integer", STUDIES).json("{\"training\": {\"folds\": \"three\"}}")
                        .answers(400, "training.folds must be an integer"),
                HostileRequest.get("NUL as study id", STUDIES + "/%00").answers(404, "no study"),
                HostileRequest.get("percent-encoded junk as study id", STUDIES + "/%C0%AE%C0%AE%2F%25").answers(404, "no study"),
                HostileRequest.get("over-long study id", STUDIES + "/" + "s".repeat(1400)).answers(404, "no study"),
                HostileRequest.post("cancel of a NUL study id", STUDIES + "/%00/cancel").answers(404, "no study"),
                HostileRequest.get("GET of cancel", STUDIES + "/some-study/cancel").answers(405, "GET is not allowed"),
                HostileRequest.post("POST to the demand", "/api/demand").answers(405, "POST is not allowed"),
                HostileRequest.get("demand as CSV", "/api/demand").header("Accept", "text/csv").answers(406, "text/csv")));
    }

    @Override
    protected Object storedState() {
        return listAt(STUDIES, "id");
    }
}
