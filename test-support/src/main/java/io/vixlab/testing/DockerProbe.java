package io.vixlab.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells within a second whether a Docker engine answers, so that tests pick Testcontainers or the
 * local broker and embedded database without hanging on a missing daemon. A client binary or a
 * stale socket is not an engine: only an answer to {@code GET /_ping} counts.
 */
public final class DockerProbe {

    private static volatile Boolean available;

    private DockerProbe() {
    }

    public static boolean dockerAvailable() {
        if (available == null) {
            available = "true".equalsIgnoreCase(System.getProperty("vixlab.tests.docker",
                    System.getenv().getOrDefault("VIXLAB_TESTS_DOCKER", "auto")))
                    || (!"false".equalsIgnoreCase(System.getProperty("vixlab.tests.docker",
                    System.getenv().getOrDefault("VIXLAB_TESTS_DOCKER", "auto"))) && pingSocket());
        }
        return available;
    }

    private static boolean pingSocket() {
        String host = System.getenv("DOCKER_HOST");
        Path socket = host != null && host.startsWith("unix://")
                ? Path.of(host.substring("unix://".length()))
                : Path.of("/var/run/docker.sock");
        if (!Files.exists(socket)) {
            return false;
        }
        CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(socket));
        try {
            return ping.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            ping.cancel(true);
            return false;
        }
    }

    private static boolean ping(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }
}
