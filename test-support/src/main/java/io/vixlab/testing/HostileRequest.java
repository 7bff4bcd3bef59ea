package io.vixlab.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile HTTP request and the problem it must be answered with: its status and a phrase the
 * problem's {@code detail} must contain. The path is sent as written (already percent-encoded), so
 * that a probe can carry a NUL ({@code %00}) or broken escapes.
 *
 * @param name   what the probe tries, shown as the test's name
 * @param detail a phrase the detail must contain, case-insensitively
 */
public record HostileRequest(String name, String method, String path, Map<String, String> headers, String body,
        int status, String detail) {

    public static HostileRequest get(String name, String path) {
        return new HostileRequest(name, "GET", path, Map.of(), null, 0, "");
    }

    public static HostileRequest post(String name, String path) {
        return new HostileRequest(name, "POST", path, Map.of(), null, 0, "");
    }

    public HostileRequest method(String other) {
        return new HostileRequest(name, other, path, headers, body, status, detail);
    }

    public HostileRequest header(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new HostileRequest(name, method, path, Map.copyOf(more), body, status, detail);
    }

    public HostileRequest json(String json) {
        return body("application/json", json);
    }

    public HostileRequest body(String contentType, String content) {
        return new HostileRequest(name, method, path, headers, content, status, detail).header("Content-Type", contentType);
    }

    public HostileRequest answers(int expectedStatus, String detailPhrase) {
        return new HostileRequest(name, method, path, headers, body, expectedStatus, detailPhrase);
    }

    @Override
    public String toString() {
        return name;
    }
}
