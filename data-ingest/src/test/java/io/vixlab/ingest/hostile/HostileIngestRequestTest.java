package io.vixlab.ingest.hostile;

import static io.vixlab.ingest.hostile.IngestProbes.expectBadRequest;
import static io.vixlab.ingest.hostile.IngestProbes.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vixlab.testing.KafkaTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile ingest requests, one probe per kind: sources and paths that must not start a run. Each is refused
 * with 400 problem+json naming the parameter and the problem, without the server's paths or any file's content;
 * see {@link IngestProbes} for what is checked around each.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HostileIngestRequestTest {

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                arguments("unknown source", (Request) () -> "{\"source\":\"ftp\"}", "source", "must be snapshot, cboe or file"),
                arguments("file source without a path", (Request) () -> "{\"source\":\"file\"}", "path",
                        "a file source needs the path of a file or directory"),
                arguments("path for the snapshot", (Request) () -> "{\"source\":\"snapshot\",\"path\":\"vix.csv\"}", "path",
                        "only a file source takes a path, not snapshot"),
                arguments("absolute path outside the import root", (Request) () -> fileRun("/etc/passwd"), "path",
                        "/etc/passwd lies outside the import root"),
                arguments("path climbing out of the import root", (Request) () -> fileRun("../../etc/passwd"), "path",
                        "../../etc/passwd lies outside the import root"),
                arguments("NUL in the path", (Request) () -> fileRun("vix\\u0000.csv"), "path", "contains a NUL character"),
                arguments("1,400-character path", (Request) () -> fileRun("a/".repeat(700)), "path",
                        "is 1400 characters long, more than the limit of 512"),
                arguments("symbolic link to a directory outside the root", (Request) () -> {
                    Path directory = Files.createTempDirectory(IngestProbes.ROOT, "hostile");
                    Files.createSymbolicLink(directory.resolve("elsewhere"), HostileCsvTest.outsideFile().getParent());
                    return fileRun(shown(directory) + "/elsewhere/secret.csv");
                }, "path", "passes through the symbolic link"),
                arguments("symbolic link to a file outside the root", (Request) () -> {
                    Path directory = Files.createTempDirectory(IngestProbes.ROOT, "hostile");
                    Files.createSymbolicLink(directory.resolve("vix.csv"), HostileCsvTest.outsideFile());
                    return fileRun(shown(directory) + "/vix.csv");
                }, "path", "passes through the symbolic link"),
                arguments("symbolic link inside the root", (Request) () -> {
                    Path directory = Files.createTempDirectory(IngestProbes.ROOT, "hostile");
                    Files.writeString(directory.resolve("target.csv"), IngestProbes.GOOD_VIX);
                    Files.createSymbolicLink(directory.resolve("vix.csv"), directory.resolve("target.csv"));
                    return fileRun(shown(directory) + "/vix.csv");
                }, "path", "passes through the symbolic link"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequest(String kind, Request request, String parameter, String reason) throws IOException {
        expectBadRequest(request.body(), parameter, actual -> assertThat(actual).contains(reason).doesNotContain("secret"));
    }

    private static String fileRun(String path) {
        return "{\"source\":\"file\",\"path\":\"" + path + "\"}";
    }

    @FunctionalInterface
    interface Request {

        /** Prepares what the request needs and returns its body. */
        String body() throws IOException;
    }
}
