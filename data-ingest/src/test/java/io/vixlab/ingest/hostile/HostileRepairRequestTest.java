package io.vixlab.ingest.hostile;

import static io.vixlab.ingest.hostile.IngestProbes.expectRefusedRepair;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or mistaken repair requests, one probe per kind: each is refused with problem+json naming the problem,
 * and deletes, restores, records and publishes nothing; see {@link IngestProbes} for what is checked around each.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileRepairRequestTest {

    static Stream<Arguments> hostileRepairs() {
        return Stream.of(
                arguments("delete without a range", "DELETE", "/api/bars/VIX", 400,
                        "required: a repair names its first and last day"),
                arguments("delete without its last day", "DELETE", "/api/bars/VIX?from=2024-03-04", 400,
                        "required: a repair names its first and last day"),
                arguments("delete with a date that is not one", "DELETE", "/api/bars/VIX?from=2024-03-04&to=yesterday", 400,
                        "'yesterday' is not a date; expected YYYY-MM-DD"),
                arguments("delete with a 1,000-character date", "DELETE", "/api/bars/VIX?from=2024-03-04&to=" + "9".repeat(1_000), 400,
                        "… (1000 characters)' is not a date"),
                arguments("delete with the range reversed", "DELETE", "/api/bars/VIX?from=2024-03-05&to=2024-03-04", 400,
                        "must not be before from (2024-03-05)"),
                arguments("delete of a range without bars", "DELETE", "/api/bars/VIX?from=1970-01-01&to=1970-12-31", 404,
                        "no stored bars of VIX from 1970-01-01 to 1970-12-31"),
                arguments("delete of an unknown symbol", "DELETE", "/api/bars/FOO?from=2024-03-04&to=2024-03-05", 404,
                        "no stored bars of FOO from 2024-03-04 to 2024-03-05"),
                arguments("restore without a range", "POST", "/api/bars/VIX/restore", 400,
                        "required: a repair names its first and last day"),
                arguments("restore of a range without earlier versions", "POST", "/api/bars/VIX/restore?from=1970-01-01&to=1970-12-31", 404,
                        "no earlier versions of VIX bars from 1970-01-01 to 1970-12-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRepairs")
    void hostileRepair(String kind, String method, String path, int status, String problem) {
        expectRefusedRepair(method, path, status, problem);
    }
}
