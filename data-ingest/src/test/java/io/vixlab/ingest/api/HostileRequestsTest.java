package io.vixlab.ingest.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.contracts.Topics;
import io.vixlab.testing.HostileRequest;
import io.vixlab.testing.HostileRequestsContract;
import io.vixlab.testing.KafkaTestResource;
import io.vixlab.testing.TopicLog;
import java.util.List;
import java.util.stream.Stream;

/** Hostile requests to the ingest API: refused with problem+json, no run recorded, nothing published. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRequestsTest extends HostileRequestsContract {

    private static final String RUNS = "/api/ingest/runs";

    HostileRequestsTest() {
        super(RUNS);
    }

    @Override
    protected Stream<HostileRequest> serviceProbes() {
        return Stream.concat(malformedJsonProbes(RUNS), Stream.of(
                HostileRequest.post("object for the source", RUNS).json("{\"source\": {\"kind\": \"file\"}}")
                        .answers(400, "source must be a string"),
                HostileRequest.post("array for the path", RUNS).json("{\"source\": \"file\", \"path\": [\"/etc\"]}")
                        .answers(400, "path must be a string"),
                HostileRequest.get("non-numeric limit", RUNS + "?limit=abc").answers(400, "limit must be an integer, not 'abc'"),
                HostileRequest.get("limit beyond int", RUNS + "?limit=99999999999").answers(400, "limit must be an integer"),
                HostileRequest.get("fractional limit", RUNS + "?limit=1.5").answers(400, "limit must be an integer"),
                HostileRequest.get("negative limit", RUNS + "?limit=-1").answers(400, "limit must be greater than or equal to 1"),
                HostileRequest.get("huge limit", RUNS + "?limit=2000000").answers(400, "limit must be less than or equal to 1000"),
                HostileRequest.get("NUL as run id", RUNS + "/%00").answers(404, "no ingest run"),
                HostileRequest.get("percent-encoded junk as run id", RUNS + "/%C0%AE%C0%AE%2F%25").answers(404, "no ingest run"),
                HostileRequest.get("over-long run id", RUNS + "/" + "r".repeat(1400)).answers(404, "no ingest run"),
                HostileRequest.get("bars with a non-date from", "/api/bars/VIX?from=yesterday").answers(400, "from 'yesterday' is not a date"),
                HostileRequest.get("bars of a NUL symbol", "/api/bars/%00").answers(404, "no bars of symbol"),
                HostileRequest.get("bars as XML", "/api/bars/VIX").header("Accept", "application/xml").answers(406, "application/xml")));
    }

    @Override
    protected Object storedState() {
        return List.of(listAt(RUNS + "?limit=1000", "id"), TopicLog.end(Topics.MARKET_BARS),
                TopicLog.end(Topics.MARKET_UPDATES));
    }
}
