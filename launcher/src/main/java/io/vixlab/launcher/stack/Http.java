package io.vixlab.launcher.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The few HTTP calls the launcher makes to the services: JSON in, JSON out, loopback only. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A status and its body parsed as JSON (a missing node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode json, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private Http() {
    }

    public static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public static Answer post(URI uri, JsonNode body) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())).build());
    }

    /** Saves what {@code uri} answers into {@code file}; fails unless it answers 200. */
    public static Path download(URI uri, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            HttpResponse<Path> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: GET " + uri, e);
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
